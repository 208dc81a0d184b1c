// The terminal's sync engine: drives the pusher, the inbox puller and the heartbeat, keeps the sync state
// the UI and technician console show, backs off on retryable failures and pauses on reauth.
// A timer is always armed while running (idle poll or backoff), so a missed kick() never strands a record.
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { SyncClient } from './client';
import type { Inbox, Outbox } from './outbox';
import { MAX_LONG_POLL_MS, type HeartbeatRequest } from '../wire/sync-protocol';
import { Pusher, type PusherOptions } from './pusher';

export type SyncPhase = 'stopped' | 'idle' | 'syncing' | 'backoff' | 'reauth';

export interface SyncState {
  phase: SyncPhase;
  pending: number;
  oldestPendingAgeMs: number | null;
  deadLetters: number;
  lastSuccessAt: number | null;
  lastError: { at: number; message: string } | null;
  nextAttemptAt: number | null;
  /** Set in phase reauth: what the console tells the technician. */
  reauthReason: string | null;
}

export interface EngineOptions extends PusherOptions {
  outbox: Outbox;
  inbox?: Inbox;
  client: SyncClient;
  version: string;
  devices?: () => HeartbeatRequest['devices'];
  backoff?: BackoffPolicy;
  /** How often an idle engine looks at the outbox anyway. */
  idlePollMs?: number;
  heartbeatMs?: number;
  longPollMs?: number;
  random?: () => number;
  onState?: (state: SyncState) => void;
}

export class SyncEngine {
  private readonly pusher: Pusher;
  private readonly now: () => number;
  private phase: SyncPhase = 'stopped';
  private attempts = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private lastSuccessAt: number | null = null;
  private lastError: SyncState['lastError'] = null;
  private nextAttemptAt: number | null = null;
  private reauthReason: string | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private pulling: Promise<void> | null = null;
  private pullAttempts = 0;
  private pullWake: (() => void) | null = null;
  private pullAbort: AbortController | null = null;

  constructor(private readonly options: EngineOptions) {
    this.now = options.now ?? Date.now;
    this.pusher = new Pusher(options.outbox, options.client, options);
  }

  state(): SyncState {
    const stats = this.options.outbox.stats();
    return {
      phase: this.phase,
      pending: stats.pending,
      oldestPendingAgeMs: stats.oldestPendingAt === null ? null : Math.max(0, this.now() - stats.oldestPendingAt),
      deadLetters: stats.deadLetters,
      lastSuccessAt: this.lastSuccessAt,
      lastError: this.lastError,
      nextAttemptAt: this.nextAttemptAt,
      reauthReason: this.reauthReason,
    };
  }

  start(): void {
    if (this.phase !== 'stopped') return;
    this.phase = 'idle';
    this.kick();
    if (this.options.inbox) this.pulling = this.pullLoop();
    const beatEvery = this.options.heartbeatMs ?? 60_000;
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), beatEvery);
    void this.heartbeat();
  }

  async stop(): Promise<void> {
    this.phase = 'stopped';
    this.clearTimer();
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
    this.pullWake?.();
    this.pullAbort?.abort();
    await this.running;
    await this.pulling;
    this.emit();
  }

  /** New records in the outbox: push now (unless backing off — the armed timer will come). */
  kick(): void {
    if (this.phase === 'stopped' || this.phase === 'reauth' || this.phase === 'backoff') return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.clearTimer();
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  /** After re-enrolment: the client already holds the new credentials; nothing was deleted. */
  resume(): void {
    if (this.phase !== 'reauth') return;
    this.reauthReason = null;
    this.phase = 'idle';
    this.attempts = 0;
    this.kick();
    if (this.options.inbox && !this.pulling) this.pulling = this.pullLoop();
  }

  /** Resolves once the outbox is empty (or the engine stops or needs reauth). For tests and benches. */
  async drained(pollMs = 20): Promise<void> {
    while (this.phase !== 'stopped' && this.phase !== 'reauth' && this.options.outbox.stats().pending > 0) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      this.phase = 'syncing';
      this.emit();
      for (;;) {
        if (this.isStopped()) return;
        let step;
        try {
          step = await this.pusher.step();
        } catch (error) {
          // A local storage failure: never lose the loop, retry later.
          step = { kind: 'retry' as const, reason: `local: ${error instanceof Error ? error.message : String(error)}` };
        }
        // Stopped, or the heartbeat or inbox learned meanwhile that the credentials are gone.
        if (this.isStopped() || this.isPausedForReauth()) return;
        if (step.kind === 'progress') {
          this.attempts = 0;
          if (step.acknowledged > 0) this.lastSuccessAt = this.now();
          this.emit();
          continue;
        }
        if (step.kind === 'idle') {
          this.attempts = 0;
          this.phase = 'idle';
          this.arm(this.options.idlePollMs ?? 30_000);
          break;
        }
        if (step.kind === 'reauth') {
          this.enterReauth(step.code, step.message);
          return;
        }
        this.attempts++;
        this.lastError = { at: this.now(), message: step.reason };
        this.phase = 'backoff';
        const delay = Math.max(backoffDelay(this.attempts, this.options.backoff ?? DEFAULT_BACKOFF, this.options.random), step.retryAfterMs ?? 0);
        this.arm(delay);
        this.emit();
        return;
      }
      this.emit();
    } while (this.again && !this.isStopped());
  }

  private isStopped(): boolean {
    return this.phase === 'stopped';
  }

  private isPausedForReauth(): boolean {
    return this.phase === 'reauth';
  }

  private enterReauth(code: string, message: string): void {
    this.phase = 'reauth';
    this.reauthReason = `${code}: ${message}`;
    this.lastError = { at: this.now(), message: `re-enrolment needed (${code})` };
    this.clearTimer();
    this.emit();
  }

  private arm(ms: number): void {
    this.clearTimer();
    this.nextAttemptAt = Date.now() + ms;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.nextAttemptAt = null;
      if (this.phase === 'backoff') this.phase = 'idle';
      this.kick();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAttemptAt = null;
  }

  private emit(): void {
    this.options.onState?.(this.state());
  }

  private async heartbeat(): Promise<void> {
    if (this.phase === 'stopped' || this.phase === 'reauth') return;
    const state = this.state();
    const outcome = await this.options.client.heartbeat({
      version: this.options.version,
      at: new Date(this.now()).toISOString(),
      devices: this.options.devices?.() ?? [],
      backlog: state.pending,
      oldestPendingAgeMs: state.oldestPendingAgeMs,
      deadLetters: state.deadLetters,
    });
    if (outcome.kind === 'reauth') this.enterReauth(outcome.code, outcome.message);
  }

  private async pullLoop(): Promise<void> {
    const inbox = this.options.inbox;
    if (!inbox) return;
    this.pullAbort = new AbortController();
    while (this.phase !== 'stopped' && this.phase !== 'reauth') {
      const outcome = await this.options.client.inbox(inbox.cursor(), this.options.longPollMs ?? MAX_LONG_POLL_MS, this.pullAbort.signal);
      if (this.isStopped()) break;
      if (outcome.kind === 'ok') {
        this.pullAttempts = 0;
        try {
          for (const message of outcome.value.messages) inbox.apply(message);
          continue;
        } catch (error) {
          this.lastError = { at: this.now(), message: `inbox: ${error instanceof Error ? error.message : String(error)}` };
        }
      }
      if (outcome.kind === 'reauth') {
        this.enterReauth(outcome.code, outcome.message);
        break;
      }
      if (outcome.kind === 'rejected') this.lastError = { at: this.now(), message: `inbox: ${outcome.code}` };
      this.pullAttempts++;
      const delay = backoffDelay(this.pullAttempts, this.options.backoff ?? DEFAULT_BACKOFF, this.options.random);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.pullWake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.pullWake = null;
    }
    this.pulling = null;
  }
}
