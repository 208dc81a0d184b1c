// The window workstation's privileged side: the staff session, the queue and applications from the
// platform (or the last synced copy, marked stale), find by tracking number / receipt QR / ID card, the
// audited reveal and the material pages. Actions, hand-out and the offline replay are in actions.ts.
import { ContractError } from '../../src/contract';
import type { EventPayload, WindowApplicationView, WindowQueueEntry, WindowQueueResult, WindowSignInResult, WindowState } from '../../src/contract';
import { byUrgency } from '../../src/domain/application/time-limit';
import type { RevealResponse, WindowApplicationDetail, WindowApplicationSummary } from '../../src/wire/staff-protocol';
import type { CatalogService } from '../catalog';
import type { DeviceSet } from '../devices';
import type { Logger } from '../log';
import type { WindowCache } from './cache';
import { pageImages } from './pdf-pages';
import { DEFAULT_IDLE_LOCK_MS, WindowSession } from './session';
import type { ActiveSession } from './session';
import { StaffClient } from './staff-client';
import type { StaffAnswer } from './staff-client';
import { applicationView, hallDate, queueEntry } from './view';

export interface WindowPlatform {
  url: string;
  hallId: string;
}

export interface WindowServiceOptions {
  windowId: string;
  cache: WindowCache;
  devices: DeviceSet;
  catalog: () => CatalogService | null;
  /** Where the platform is (resolves once sync has started); null when this workstation has none. */
  platform: () => Promise<WindowPlatform | null>;
  logger: Logger;
  publish: <E extends 'window.state' | 'window.queueChanged'>(event: E, payload: EventPayload<E>) => void;
  idleLockMs?: number;
  /** How often to look for the platform while offline or with actions waiting. */
  probeMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
}

export class WindowCore {
  readonly session: WindowSession;
  client: StaffClient | null = null;
  platform: WindowPlatform | null = null;
  reachability: WindowState['platform'] = 'unknown';
  lastSyncAt: string | null = null;
  replayConflicts: WindowState['replayConflicts'] = [];
  private revealed: { applicationId: string; data: RevealResponse } | null = null;
  private ready: Promise<void> | null = null;
  /** Set by close(): late answers (an audit line, a probe) no longer touch the store or the bus. */
  closed = false;

  constructor(readonly options: WindowServiceOptions) {
    this.session = new WindowSession(options.idleLockMs ?? DEFAULT_IDLE_LOCK_MS, () => {
      if (!this.session.current || this.session.locked) this.revealed = null;
      this.emit();
    });
  }

  now(): Date {
    return this.options.now?.() ?? new Date();
  }

  today(): string {
    return hallDate(this.now());
  }

  /** Finds the platform once (sync may still be starting the embedded one). */
  connect(): Promise<void> {
    this.ready ??= this.options.platform().then(
      (platform) => {
        this.platform = platform;
        if (platform) this.client = new StaffClient({ baseUrl: platform.url, ...(this.options.fetch ? { fetch: this.options.fetch } : {}) });
        this.emit();
      },
      (error: unknown) => this.options.logger.error('window: no platform', { error }),
    );
    return this.ready;
  }

  state(): WindowState {
    const s = this.session.current;
    return {
      configured: this.platform !== null,
      windowId: this.options.windowId,
      session: s ? { staffNumber: s.staffNumber, staffName: s.staffName, windowId: s.windowId, windowName: s.windowName, categories: s.categories } : null,
      locked: this.session.locked,
      platform: this.reachability,
      pendingActions: this.options.cache.pendingCount(this.options.windowId),
      lastSyncAt: this.lastSyncAt,
      idleLockMs: this.options.idleLockMs ?? DEFAULT_IDLE_LOCK_MS,
      replayConflicts: this.replayConflicts,
    };
  }

  emit(): void {
    if (this.closed) return;
    this.options.publish('window.state', this.state());
  }

  /** The live, unlocked session and a client, or a typed refusal for the screen. */
  require(): { session: ActiveSession; client: StaffClient } {
    const session = this.session.current;
    if (!session || !this.client) throw new ContractError('FORBIDDEN', 'window.signInFirst', { detail: 'sign in at this window first' });
    if (this.session.locked) throw new ContractError('FORBIDDEN', 'window.locked', { detail: 'the screen is locked; enter the PIN' });
    return { session, client: this.client };
  }

  /** Notes what an answer says about the platform; a session the platform ended ends here too. */
  observe<T>(answer: StaffAnswer<T>): StaffAnswer<T> {
    const before = this.reachability;
    if (answer.kind === 'offline') this.reachability = 'offline';
    else this.reachability = 'online';
    if (answer.kind === 'session-ended') this.session.end();
    if (before !== this.reachability) this.emit();
    return answer;
  }

  // ------------------------------------------------------------ sign-in

  async signIn(staffNumber: string, pin: string): Promise<WindowSignInResult> {
    await this.connect();
    if (!this.platform || !this.client) return { ok: false, reason: 'not-configured' };
    const answer = this.observe(await this.client.signIn({ hallId: this.platform.hallId, windowId: this.options.windowId, staffNumber: staffNumber.trim(), pin }));
    switch (answer.kind) {
      case 'ok':
        if (this.session.current) this.session.end();
        await this.session.begin(answer.value, pin);
        this.options.logger.info('window sign-in', { staffNumber: answer.value.staff.staffNumber, windowId: this.options.windowId });
        return { ok: true, state: this.state() };
      case 'refused':
        if (answer.code === 'LOCKED') return { ok: false, reason: 'locked', ...(answer.error.lockedUntil ? { lockedUntil: answer.error.lockedUntil } : {}) };
        if (answer.code === 'UNKNOWN_WINDOW') return { ok: false, reason: 'unknown-window' };
        return { ok: false, reason: 'wrong-pin', ...(answer.error.attemptsLeft !== undefined ? { attemptsLeft: answer.error.attemptsLeft } : {}) };
      default:
        return { ok: false, reason: 'unreachable' };
    }
  }

  async signOut(): Promise<WindowState> {
    const s = this.session.current;
    if (s && this.client) {
      void this.client
        .signOut(s.token)
        .then((a) => this.observe(a))
        .catch(() => undefined);
    }
    this.session.end();
    return this.state();
  }

  // ------------------------------------------------------------ queue and find

  private entries(list: readonly WindowApplicationSummary[]): WindowQueueEntry[] {
    const pending = this.options.cache.pendingFor(this.options.windowId);
    const today = this.today();
    const catalog = this.options.catalog();
    return list
      .map((s) => queueEntry(catalog, s, today, pending.has(s.applicationId)))
      .sort(byUrgency);
  }

  private cacheKey(session: ActiveSession): string {
    return `${session.hallId}:${session.windowId}`;
  }

  async queue(): Promise<WindowQueueResult> {
    const { session, client } = this.require();
    const answer = this.observe(await client.queue(session.token));
    if (answer.kind === 'ok') {
      const at = this.now().toISOString();
      this.options.cache.saveQueue(this.cacheKey(session), answer.value.applications, at);
      this.lastSyncAt = at;
      return { applications: this.entries(answer.value.applications), stale: false, syncedAt: at };
    }
    if (answer.kind === 'session-ended') throw new ContractError('FORBIDDEN', 'window.sessionEnded', { detail: 'the session ended; sign in again' });
    const copy = this.options.cache.queue(this.cacheKey(session));
    return { applications: copy ? this.entries(copy.applications) : [], stale: true, syncedAt: copy?.syncedAt ?? null };
  }

  /** A typed number or a scanned receipt QR: the tracking number, also out of a query URL. */
  static trackingFrom(text: string): string | null {
    const trimmed = text.trim();
    let candidate = trimmed;
    if (/^https?:\/\//i.test(trimmed)) {
      try {
        const url = new URL(trimmed);
        candidate = url.searchParams.get('no') ?? url.searchParams.get('trackingNumber') ?? url.pathname.split('/').filter(Boolean).pop() ?? '';
      } catch {
        return null;
      }
    }
    candidate = candidate.toUpperCase().replace(/\s/g, '');
    return /^[0-9A-Z][0-9A-Z_-]{2,63}$/.test(candidate) ? candidate : null;
  }

  async find(input: { by: 'tracking'; text: string } | { by: 'card' }): Promise<{ applications: WindowQueueEntry[]; stale: boolean; reason: 'ok' | 'no-card' | 'bad-code' }> {
    const { session, client } = this.require();
    let query: { trackingNumber: string } | { idNumber: string };
    if (input.by === 'tracking') {
      const tracking = WindowCore.trackingFrom(input.text);
      if (!tracking) return { applications: [], stale: false, reason: 'bad-code' };
      query = { trackingNumber: tracking };
    } else {
      const card = this.options.devices.idcard ? await this.options.devices.idcard.readCard() : null;
      if (!card || card.code !== 'ok' || !card.value) return { applications: [], stale: false, reason: 'no-card' };
      query = { idNumber: card.value.idNumber };
    }
    const answer = this.observe(await client.find(session.token, query));
    if (answer.kind === 'ok') return { applications: this.entries(answer.value.applications), stale: false, reason: 'ok' };
    if (answer.kind === 'session-ended') throw new ContractError('FORBIDDEN', 'window.sessionEnded', { detail: 'the session ended; sign in again' });
    // Offline: only an exact tracking number can be found in the last synced copy.
    const copy = this.options.cache.queue(this.cacheKey(session));
    const hits = 'trackingNumber' in query ? (copy?.applications ?? []).filter((a) => a.trackingNumber.toUpperCase() === query.trackingNumber || a.applicationId === query.trackingNumber) : [];
    return { applications: this.entries(hits), stale: true, reason: 'ok' };
  }

  // ------------------------------------------------------------ one application

  /** The platform's detail (cached for offline use), or the cached one marked stale. */
  async detail(applicationId: string): Promise<{ detail: WindowApplicationDetail; stale: boolean }> {
    const { session, client } = this.require();
    const answer = this.observe(await client.application(session.token, applicationId));
    if (answer.kind === 'ok') {
      this.options.cache.saveDetail(answer.value, this.now().toISOString());
      return { detail: answer.value, stale: false };
    }
    if (answer.kind === 'refused') {
      throw answer.code === 'FORBIDDEN' ? new ContractError('FORBIDDEN', 'window.notThisWindow', { detail: 'not one of this window’s categories' }) : new ContractError('NOT_FOUND', 'window.applicationNotFound', { detail: `the platform answered ${answer.code}` });
    }
    if (answer.kind === 'session-ended') throw new ContractError('FORBIDDEN', 'window.sessionEnded', { detail: 'the session ended; sign in again' });
    const cached = this.options.cache.detail(applicationId);
    if (!cached) throw new ContractError('TRANSPORT', 'window.offlineNoCopy', { detail: 'the platform is unreachable and there is no local copy' });
    return { detail: cached.detail, stale: true };
  }

  async application(applicationId: string): Promise<WindowApplicationView> {
    const { detail, stale } = await this.detail(applicationId);
    if (this.revealed?.applicationId !== applicationId) this.revealed = null;
    const pending = this.options.cache.pendingFor(this.options.windowId).has(applicationId);
    return applicationView(this.options.catalog(), detail, this.today(), { pending, revealed: this.revealed?.data ?? null, stale });
  }

  async reveal(applicationId: string): Promise<WindowApplicationView> {
    const { session, client } = this.require();
    const answer = this.observe(await client.reveal(session.token, applicationId, 'view'));
    if (answer.kind !== 'ok') throw new ContractError(answer.kind === 'offline' ? 'TRANSPORT' : 'FORBIDDEN', 'window.revealNeedsPlatform', { detail: `revealing needs the platform (${answer.kind})` });
    this.revealed = { applicationId, data: answer.value };
    return this.application(applicationId);
  }

  async material(_applicationId: string, sha256: string): Promise<{ pages: { mediaType: 'image/jpeg' | 'image/png'; base64: string }[]; unsupported: boolean }> {
    const { session, client } = this.require();
    const answer = this.observe(await client.blob(session.token, sha256));
    if (answer.kind !== 'ok') throw new ContractError(answer.kind === 'offline' ? 'TRANSPORT' : 'NOT_FOUND', 'window.materialUnavailable', { detail: `the material cannot be fetched now (${answer.kind})` });
    const pages = pageImages(answer.value);
    if (!pages) return { pages: [], unsupported: true };
    return { pages: pages.map((p) => ({ mediaType: p.mediaType, base64: Buffer.from(p.bytes).toString('base64') })), unsupported: false };
  }
}
