import type { IdCard } from '../../../src/contract';
import { BaseDevice } from '../../model/device';
import type { HealthLevel, HealthReport } from '../../model/device';
import { fail, ok } from '../../model/result';
import type { DeviceResult } from '../../model/result';
import type { Transport } from '../../transports/transport';
import { Backoff } from '../shared/reconnect';
import { commands, decodeCardText, describeStatus, formatSamId, hex, parseReadData, readField } from '../../protocols/idcard';
import type { SamCommand } from '../../protocols/idcard';
import { connectSam } from './connect';
import { noWltDecoder } from './photo';
import type { DecodedPhoto } from './photo';
import type { IdCardReader, IdCardReaderEvents } from './reader';
import type { SamSession, SessionResult } from './sam-session';

import { READER_OFFLINE } from './sam-reader-options';
import type { ReaderHealth, SamReaderOptions } from './sam-reader-options';

export { READER_OFFLINE } from './sam-reader-options';
export type { ReaderHealth, SamReaderOptions } from './sam-reader-options';

type Presence = 'read' | 'still-present' | 'absent' | 'error';

/**
 * A second-generation ID card reader that speaks the SAM protocol (GA/T 467) over any byte transport.
 * Polls find → select → read; one card placement gives one `card` event; the same card left on the reader
 * is not read again until it has been absent for `removeAfterMisses` polls. After unplug or a dead link it
 * reports "读卡器未连接" and reconnects by itself with backoff. Never logs or reports card content.
 */
export class SamIdCardReader extends BaseDevice<IdCardReaderEvents> implements IdCardReader {
  private readonly options: Required<Omit<SamReaderOptions, 'timeouts'>> & { timeouts: Partial<Record<string, number>> };
  private session: SamSession | null = null;
  private transport: Transport | null = null;
  private card: IdCard | null = null;
  private cardSn: string | null = null;
  private photo: Uint8Array | null = null;
  private misses = 0;
  private loop: Promise<void> | null = null;
  private running = false;
  private wake: (() => void) | null = null;
  private sleepTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly backoff: Backoff;
  private unsubscribeClose: (() => void) | null = null;
  private readonly figures: ReaderHealth = {
    reads: 0,
    failures: 0,
    lastError: null,
    lastReadMs: null,
    reconnects: 0,
    samId: null,
    link: null,
    decoder: null,
  };

  constructor(options: SamReaderOptions) {
    super('idcard', options.kind);
    this.options = {
      pollIntervalMs: 300,
      removeAfterMisses: 2,
      probeTimeoutMs: 300,
      backoff: { initialMs: 100, maxMs: 1000 },
      readFingerprints: false,
      readAdditionalAddress: false,
      openWhileAbsent: false,
      wltDecoder: noWltDecoder,
      today: () => new Date(),
      ...options,
      timeouts: options.timeouts ?? {},
    };
    this.backoff = new Backoff(this.options.backoff);
  }

  // ── lifecycle ──────────────────────────────────────────────────────────────────────────────────────

  protected async doOpen(): Promise<DeviceResult<void>> {
    const connected = await this.connect();
    return connected.code === 'ok' ? ok(undefined) : connected;
  }

  protected async doClose(): Promise<void> {
    await this.stopLoop();
    await this.disconnect();
    this.forgetCard();
  }

  protected override async doEnable(): Promise<DeviceResult<void>> {
    this.running = true;
    this.loop = this.run();
    return ok(undefined);
  }

  protected override async doDisable(): Promise<void> {
    await this.stopLoop();
  }

  private async stopLoop(): Promise<void> {
    this.running = false;
    this.interruptSleep();
    const loop = this.loop;
    this.loop = null;
    if (loop) await loop;
  }

  override async open(): Promise<DeviceResult<void>> {
    const result = await super.open();
    if (result.code !== 'no-hardware' || !this.options.openWhileAbsent) return result;
    this.opened = true;
    this.setState('error', READER_OFFLINE, false);
    return ok(undefined);
  }

  // ── public API ─────────────────────────────────────────────────────────────────────────────────────

  currentCard(): IdCard | null {
    return this.card;
  }

  async readCard(): Promise<DeviceResult<IdCard | null>> {
    if (!this.opened) return fail('closed', 'The reader is not open');
    if (!this.enabled) return fail('disabled', 'The reader is not enabled');
    if (!this.session) return fail('offline', READER_OFFLINE);
    return ok(this.card);
  }

  /**
   * One find → select → read cycle, for a technician's "read now" test and for benchmarks. Only while the
   * polling loop is not running (the SAM takes one command at a time).
   */
  async pollOnce(): Promise<DeviceResult<'read' | 'still-present' | 'absent'>> {
    if (this.running) return fail('busy', 'The reader is polling; disable it first');
    if (!this.session) return fail('offline', READER_OFFLINE);
    const presence = await this.poll();
    return presence === 'error' ? fail('failure', this.figures.lastError ?? 'read failed') : ok(presence);
  }

  /** The photo of the card on the reader, when a decoder plug-in is configured; null otherwise. */
  async currentPhoto(): Promise<DecodedPhoto | null> {
    if (!this.photo) return null;
    return this.options.wltDecoder.decode(this.photo);
  }

  health(): ReaderHealth {
    return { ...this.figures, decoder: this.session ? { ...this.session.decoderStats } : this.figures.decoder };
  }

  async checkHealth(level: HealthLevel): Promise<HealthReport> {
    const at = new Date().toISOString();
    const h = this.health();
    const summary = `reads ${h.reads}, failures ${h.failures}, last read ${h.lastReadMs === null ? '–' : `${Math.round(h.lastReadMs)} ms`}, reconnects ${h.reconnects}`;
    if (!this.session) return { level, ok: false, detail: `${READER_OFFLINE}; ${summary}`, at };
    if (level === 'internal') return { level, ok: true, detail: `SAM ${h.samId ?? '?'} on ${h.link ?? '?'}; ${summary}`, at };
    if (this.session.busy()) return { level, ok: true, detail: `SAM busy reading; ${summary}`, at };
    const status = await this.session.send(commands.samStatus, this.timeoutOf(commands.samStatus));
    const healthy = status.ok && status.response.sw3 === 0x90;
    const answer = status.ok ? describeStatus(status.response.sw3).meaning : status.detail;
    return { level, ok: healthy, detail: `SAM status: ${answer}; ${summary}`, at };
  }

  // ── connection ─────────────────────────────────────────────────────────────────────────────────────

  private async connect(): Promise<DeviceResult<void>> {
    let candidates: readonly Transport[];
    try {
      candidates = await this.options.candidates();
    } catch (error) {
      return fail('no-hardware', `could not list ports: ${error instanceof Error ? error.message : String(error)}`);
    }
    const outcome = await connectSam(candidates, this.options.probeTimeoutMs);
    if (!outcome.ok) {
      this.note(outcome.detail);
      return fail(outcome.code, outcome.code === 'no-hardware' ? `${READER_OFFLINE}: ${outcome.detail}` : outcome.detail);
    }
    this.options.candidates.remember?.(outcome.transport);
    this.transport = outcome.transport;
    this.session = outcome.session;
    this.figures.link = outcome.transport.description;
    this.unsubscribeClose = outcome.transport.events.on('close', () => this.onLinkLost('link closed'));
    const samId = await outcome.session.send(commands.readSamId, this.timeoutOf(commands.readSamId));
    if (samId.ok && samId.response.sw3 === 0x90) this.figures.samId = formatSamId(samId.response.data);
    return ok(undefined);
  }

  private async disconnect(): Promise<void> {
    this.unsubscribeClose?.();
    this.unsubscribeClose = null;
    if (this.session) {
      this.figures.decoder = { ...this.session.decoderStats };
      this.session.dispose();
    }
    this.session = null;
    const transport = this.transport;
    this.transport = null;
    if (transport) await transport.close().catch(() => undefined);
  }

  private onLinkLost(reason: string): void {
    if (!this.session) return;
    this.note(reason);
    void this.disconnect();
    if (this.card) this.cardGone();
    this.setState('error', READER_OFFLINE, false);
    this.interruptSleep();
  }

  // ── polling loop ───────────────────────────────────────────────────────────────────────────────────

  private async run(): Promise<void> {
    while (this.running) {
      if (!this.session) {
        await this.reconnect();
        continue;
      }
      const presence = await this.poll();
      if (!this.running) break;
      if (presence === 'error' && this.session) await this.checkLink();
      await this.sleep(this.options.pollIntervalMs);
    }
  }

  private async reconnect(): Promise<void> {
    if (this.card) this.cardGone();
    const result = await this.connect();
    if (result.code === 'ok') {
      this.figures.reconnects += 1;
      this.backoff.reset();
      this.setState('idle', undefined, true);
      return;
    }
    this.setState('error', result.code === 'unsupported' ? result.detail : READER_OFFLINE, false);
    await this.sleep(this.backoff.take());
  }

  /** After a failed poll: a SAM that does not answer its status twice is treated as gone. */
  private async checkLink(): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const status = await this.command(commands.samStatus);
      if (status.ok) return;
      if (!this.session) return;
    }
    this.onLinkLost('SAM stopped answering');
  }

  private async poll(): Promise<Presence> {
    const find = await this.command(commands.findCard);
    if (!find.ok) return this.failed(find.detail);
    const found = find.response.sw3;
    if (found === 0x9f) return this.selectAndRead();
    if (found === 0x80) return this.whenNotFound();
    const status = describeStatus(found);
    if (status.kind === 'not-id-card') return this.whenNotFound();
    return this.failed(`find: ${status.meaning} (SW ${hex(find.response.sw1)} ${hex(find.response.sw2)} ${hex(found)})`);
  }

  /** The SAM answers find with 9F only for a newly presented card; a card already read may still be there. */
  private async whenNotFound(): Promise<Presence> {
    if (!this.card) return 'absent';
    const select = await this.command(commands.selectCard);
    if (select.ok && select.response.sw3 === 0x90 && this.snOf(select.response.data) === this.cardSn) {
      this.misses = 0;
      return 'still-present';
    }
    this.misses += 1;
    if (this.misses >= this.options.removeAfterMisses) this.cardGone();
    return 'absent';
  }

  private async selectAndRead(): Promise<Presence> {
    const select = await this.command(commands.selectCard);
    if (!select.ok) return this.failed(select.detail);
    if (select.response.sw3 !== 0x90) return this.failed(`select: ${describeStatus(select.response.sw3).meaning}`);
    const sn = this.snOf(select.response.data);
    if (this.card && sn === this.cardSn) {
      this.misses = 0;
      return 'still-present';
    }
    const started = performance.now();
    const withFp = this.options.readFingerprints;
    let read = await this.command(withFp ? commands.readTextPhotoFingerprint : commands.readTextPhoto);
    let fingerprints = withFp;
    if (withFp && read.ok && describeStatus(read.response.sw3).kind === 'bug') {
      // SAMs without fingerprint support refuse 0x30 0x10 (spec §4.2): fall back to text+photo.
      fingerprints = false;
      read = await this.command(commands.readTextPhoto);
    }
    if (!read.ok) return this.failed(read.detail);
    if (read.response.sw3 !== 0x90) return this.failed(`read: ${describeStatus(read.response.sw3).meaning}`);
    const blocks = parseReadData(read.response.data, fingerprints);
    if (!blocks.ok) return this.failed(`read: ${blocks.problem}`);
    const decoded = decodeCardText(blocks.blocks.text, { hasPhoto: blocks.blocks.photo.length > 0, today: this.options.today() });
    blocks.blocks.fingerprints.fill(0);
    if (!decoded.ok) {
      blocks.blocks.text.fill(0);
      return this.failed(`card text: ${decoded.problem}`);
    }
    let card = decoded.card;
    if (this.options.readAdditionalAddress) {
      const extra = await this.command(commands.readAdditionalAddress);
      if (extra.ok && extra.response.sw3 === 0x90 && extra.response.data.length >= 2) {
        const address = readField(extra.response.data, 0, Math.min(70, extra.response.data.length - (extra.response.data.length % 2)));
        if (address) card = { ...card, additionalAddress: address };
      }
    }
    if (this.card) this.cardGone();
    this.photo = blocks.blocks.photo.length > 0 ? Uint8Array.from(blocks.blocks.photo) : null;
    read.response.data.fill(0);
    this.card = card;
    this.cardSn = sn;
    this.misses = 0;
    this.figures.reads += 1;
    this.figures.lastReadMs = performance.now() - started;
    this.events.emit('card', card);
    return 'read';
  }

  private cardGone(): void {
    this.forgetCard();
    this.events.emit('removed', {});
  }

  private forgetCard(): void {
    this.photo?.fill(0);
    this.photo = null;
    this.card = null;
    this.cardSn = null;
    this.misses = 0;
  }

  private snOf(data: Uint8Array): string {
    return Array.from(data, (b) => hex(b)).join('');
  }

  private failed(detail: string): Presence {
    this.note(detail);
    return 'error';
  }

  private note(detail: string): void {
    this.figures.failures += 1;
    this.figures.lastError = detail;
  }

  private timeoutOf(command: SamCommand): number {
    return this.options.timeouts[command.name] ?? command.timeoutMs;
  }

  private async command(command: SamCommand): Promise<SessionResult> {
    const session = this.session;
    if (!session) return { ok: false, error: 'offline', detail: READER_OFFLINE, sawBytes: false };
    let result = await session.send(command, this.timeoutOf(command));
    // SAM saw a damaged request (0x10/0x11) or we lost the answer to line noise: resend once.
    const retry = result.ok ? describeStatus(result.response.sw3).kind === 'retry' : result.error === 'timeout';
    if (retry && this.session === session && this.running) result = await session.send(command, this.timeoutOf(command));
    return result;
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      this.wake = resolve;
      this.sleepTimer = setTimeout(() => {
        this.sleepTimer = null;
        this.wake = null;
        resolve();
      }, ms);
    });
  }

  private interruptSleep(): void {
    if (this.sleepTimer) clearTimeout(this.sleepTimer);
    this.sleepTimer = null;
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
