// The terminal's sync service: credentials in the data directory (secret sealed by safeStorage or a key
// file), the SyncEngine over store.outbox/inbox/blobs, the `sync.state` event, enrolment and dead letters
// for the technician. Starting never blocks the terminal: with no platform reachable it keeps recording
// locally and syncs later.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DeadLetterView, DeviceStatus, EnrolResult, SyncState, SyncStatus } from '../../src/contract';
import { SyncClient } from '../../src/sync/client';
import { loadCredentials, preferredCipher, type EnrolledTerminal, type SafeStorageLike, type SecretCipher } from '../../src/sync/credentials';
import { enrolTerminal } from '../../src/sync/enrolment';
import { SyncEngine, type EngineOptions, type SyncState as EngineState } from '../../src/sync/engine';
import type { Store } from '../../src/store';
import type { Logger } from '../log';
import type { PlatformChoice } from '../config';
import { DeviceHealthChanges, heartbeatDevices } from './devices';
import type { DeviceSet } from '../devices';

export type EngineTuning = Pick<EngineOptions, 'idlePollMs' | 'heartbeatMs' | 'longPollMs' | 'backoff' | 'batchSize' | 'chunkBytes'>;

export interface SyncServiceOptions {
  store: Store;
  devices: DeviceSet;
  dataDir: string;
  platform: PlatformChoice;
  version: string;
  logger: Logger;
  publish: (state: SyncState) => void;
  safeStorage?: SafeStorageLike | null;
  /** Hall the embedded platform enrols this terminal into. */
  hallId?: string;
  engine?: EngineTuning;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export class TerminalSync {
  private readonly credentialsFile: string;
  private readonly cipher: SecretCipher;
  private engine: SyncEngine | null = null;
  private client: SyncClient | null = null;
  private engineUrl: string | null = null;
  private terminal: EnrolledTerminal | null = null;
  private platformUrl: string | null;
  private embedded: { close(): Promise<void>; enrolmentCode: string } | null = null;
  private startup: Promise<void> | null = null;
  private closed = false;
  private lastPublish = 0;
  private publishTimer: NodeJS.Timeout | null = null;
  private readonly unsubscribe: () => void;
  private readonly health = new DeviceHealthChanges();

  constructor(private readonly options: SyncServiceOptions) {
    const dir = join(options.dataDir, 'sync');
    this.credentialsFile = join(dir, 'credentials.json');
    this.cipher = preferredCipher(options.safeStorage ?? null, join(dir, 'secret.key'));
    this.platformUrl = options.platform.mode === 'remote' ? options.platform.url : null;
    // New records: push once the transaction that wrote them has committed (next macrotask).
    this.unsubscribe = options.store.outbox.onAppended(() => setImmediate(() => this.engine?.kick()));
  }

  /** Starts in the background; resolves when the engine runs (or it is clear it cannot yet). */
  start(): Promise<void> {
    this.startup ??= this.boot().catch((error: unknown) => {
      this.options.logger.error('sync failed to start', { error });
    });
    return this.startup;
  }

  private async boot(): Promise<void> {
    const { platform, logger, dataDir } = this.options;
    if (platform.mode === 'off') {
      logger.info('sync off: no platform (--no-platform); records stay local');
      this.emit();
      return;
    }
    mkdirSync(join(dataDir, 'sync'), { recursive: true, mode: 0o700 });
    try {
      this.terminal = loadCredentials(this.credentialsFile, this.cipher);
    } catch (error) {
      logger.error('sync credentials unreadable; re-enrol the terminal', { error });
    }
    if (platform.mode === 'embedded') {
      // Loaded only when used: the platform's server code is not needed for a terminal with a remote one.
      const { startEmbeddedPlatform } = await import('../../platform/embedded');
      const started = await startEmbeddedPlatform({ dataDir, hallId: this.options.hallId ?? 'local-hall' });
      if (this.closed) return void (await started.close());
      this.embedded = started;
      this.platformUrl = started.url;
      logger.info(`embedded platform at ${started.url} (admin token in ${started.adminTokenFile})`);
      if (!this.terminal) await this.enrolWith(started.enrolmentCode, started.url);
    } else if (this.terminal && this.terminal.platformUrl !== platform.url) {
      logger.warn('sync credentials belong to another platform; re-enrol the terminal');
      this.terminal = null;
    }
    if (this.terminal) this.run(this.terminal);
    else this.emit();
  }

  private run(terminal: EnrolledTerminal): void {
    if (this.closed || !this.platformUrl) return;
    const credentials = { terminalId: terminal.terminalId, hallId: terminal.hallId, secret: terminal.secret };
    if (this.engine && this.client) {
      this.client.setCredentials(credentials);
      this.engine.resume();
      this.emit();
      return;
    }
    this.client = new SyncClient({ baseUrl: this.platformUrl, credentials });
    this.engineUrl = this.platformUrl;
    const { store, devices, version } = this.options;
    this.engine = new SyncEngine({
      outbox: store.outbox,
      inbox: store.inbox,
      client: this.client,
      version,
      devices: () => heartbeatDevices(devices),
      ...this.options.engine,
      onState: (state) => this.onEngineState(state),
    });
    this.engine.start();
  }

  private onEngineState(state: EngineState): void {
    if (state.phase === 'reauth' && this.embedded && state.reauthReason?.startsWith('UNKNOWN_TERMINAL')) {
      // The embedded platform lost its data (its directory was removed): enrol again with its fresh code.
      const code = this.embedded.enrolmentCode;
      void this.enrolWith(code, this.platformUrl ?? '');
    }
    this.emit();
  }

  private async enrolWith(code: string, platformUrl: string): Promise<EnrolResult> {
    const result = await enrolTerminal({
      platformUrl,
      code,
      name: `terminal ${this.options.hallId ?? ''}`.trim(),
      version: this.options.version,
      credentialsFile: this.credentialsFile,
      cipher: this.cipher,
    });
    if (!result.ok) {
      this.options.logger.warn('enrolment failed', { reason: result.error.reason, detail: result.error.message });
      return { ok: false, reason: result.error.reason, message: result.error.message };
    }
    const terminal = result.value;
    this.terminal = terminal;
    this.platformUrl = platformUrl;
    this.options.logger.info('terminal enrolled', { terminalId: terminal.terminalId, hallId: terminal.hallId });
    if (this.engine && this.engineUrl !== platformUrl) {
      // Another platform than the running engine talks to: start over with a new client.
      await this.engine.stop();
      this.engine = null;
      this.client = null;
    }
    this.run(terminal);
    return { ok: true, terminalId: terminal.terminalId, hallId: terminal.hallId };
  }

  /** Technician: enrol with a code (and a platform address, unless the platform is embedded or set at start). */
  async enrol(code: string, platformUrl?: string): Promise<EnrolResult> {
    await this.start();
    const url = platformUrl ?? this.platformUrl;
    if (this.options.platform.mode === 'off' || !url) return { ok: false, reason: 'no-platform', message: 'no central platform is configured for this terminal' };
    return this.enrolWith(code, url);
  }

  status(): SyncStatus {
    const { platform } = this.options;
    return {
      ...this.state(),
      platform: { mode: platform.mode, url: this.platformUrl },
      terminalId: this.terminal?.terminalId ?? null,
      hallId: this.terminal?.hallId ?? null,
    };
  }

  state(): SyncState {
    const stats = this.options.store.outbox.stats();
    const base = {
      pending: stats.pending,
      oldestPendingAgeMs: stats.oldestPendingAt === null ? null : Math.max(0, Date.now() - stats.oldestPendingAt),
      deadLetters: stats.deadLetters,
    };
    if (!this.engine) {
      const phase = this.options.platform.mode === 'off' || !this.startup ? 'off' : 'unenrolled';
      return { phase, ...base, lastSuccessAt: null, lastError: null, reauth: null };
    }
    const s = this.engine.state();
    return {
      phase: s.phase,
      ...base,
      lastSuccessAt: iso(s.lastSuccessAt),
      lastError: s.lastError ? { at: new Date(s.lastError.at).toISOString(), message: s.lastError.message } : null,
      reauth: s.reauthReason,
    };
  }

  deadLetters(): DeadLetterView[] {
    return this.options.store.outbox.deadLetters().map((d) => ({
      opId: d.opId,
      kind: d.kind,
      orderingKey: d.orderingKey,
      code: d.code,
      message: d.message,
      createdAt: new Date(d.createdAt).toISOString(),
      deadAt: new Date(d.deadAt).toISOString(),
    }));
  }

  requeue(opId: number): number | null {
    const next = this.options.store.outbox.requeueDeadLetter(opId, Date.now());
    if (next !== null) {
      this.engine?.kick();
      this.emit();
    }
    return next;
  }

  /** A device changed state: the platform hears of it through the outbox (not when sync is off). */
  recordDeviceStatus(status: DeviceStatus): void {
    if (this.options.platform.mode === 'off' || this.closed) return;
    const op = this.health.observe(status);
    if (!op) return;
    try {
      this.options.store.outbox.append(op, Date.now());
    } catch (error) {
      this.options.logger.warn('device health not queued', { error });
    }
  }

  /** For tests and benches: resolves once the outbox is empty or sync cannot proceed. */
  drained(): Promise<void> {
    return this.engine?.drained() ?? Promise.resolve();
  }

  /** At most a few state events a second while draining, and always the last one. */
  private emit(): void {
    if (this.closed) return;
    const wait = this.lastPublish + 250 - Date.now();
    if (wait <= 0) {
      this.lastPublish = Date.now();
      this.options.publish(this.state());
      return;
    }
    this.publishTimer ??= setTimeout(() => {
      this.publishTimer = null;
      this.emit();
    }, wait);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    if (this.publishTimer) clearTimeout(this.publishTimer);
    await this.startup;
    await this.engine?.stop();
    await this.embedded?.close();
  }
}
