// The technician's way in: a hashed PIN in the terminal store, a persisted lockout, and unlocked sessions
// per connection. Attempts are logged (outcome, connection) — never the PIN.
import { ContractError, NewPin } from '../../src/contract';
import type { CallContext, TechnicianStatus, UnlockResult } from '../../src/contract';
import type { Logger } from '../log';
import { afterFailure, attemptsLeft, lockedUntil, parseLockout, UNLOCKED } from './lockout';
import type { LockoutState } from './lockout';
import { hashPin, verifyPin } from './pin';
import { TechnicianSessions } from './sessions';

/** Documented development PIN; set only in the simulated device profile (README "Technician console"). */
export const DEVELOPMENT_PIN = '246810';

export const PIN_KEY = 'technician.pin';
export const DEVELOPMENT_PIN_KEY = 'technician.pin.development';
export const LOCKOUT_KEY = 'technician.lockout';

export interface SettingsStore {
  get(key: string): string | null;
  set(key: string, value: string, at: string): void;
  delete(key: string): boolean;
}

export interface TechnicianAuthOptions {
  readonly settings: SettingsStore;
  readonly logger: Logger;
  readonly devices: 'simulated' | 'configured';
  /** HALL_TECHNICIAN_PIN (initial PIN) and HALL_TECHNICIAN_PIN_RESET=1 (replace a forgotten one). */
  readonly env?: NodeJS.ProcessEnv;
  readonly now?: () => Date;
  readonly sessions?: TechnicianSessions;
}

export class TechnicianAuth {
  readonly sessions: TechnicianSessions;
  private readonly now: () => Date;
  /** PIN checks run one at a time, so parallel guesses cannot outrun the failure count. */
  private queue: Promise<unknown> = Promise.resolve();

  private ready: Promise<void> | null = null;

  /** Call `init()` (or use `create`) before the first unlock; unlocks wait for it. */
  constructor(private readonly options: TechnicianAuthOptions) {
    this.now = options.now ?? (() => new Date());
    this.sessions = options.sessions ?? new TechnicianSessions(() => this.now().getTime());
  }

  static async create(options: TechnicianAuthOptions): Promise<TechnicianAuth> {
    const auth = new TechnicianAuth(options);
    await auth.init();
    return auth;
  }

  /** Sets the initial PIN when none is stored yet (environment first, then the simulated profile's development PIN). */
  init(): Promise<void> {
    this.ready ??= this.initialPin();
    return this.ready;
  }

  private async initialPin(): Promise<void> {
    const { settings, logger, env = {} } = this.options;
    const fromEnv = env.HALL_TECHNICIAN_PIN?.trim();
    const reset = env.HALL_TECHNICIAN_PIN_RESET === '1';
    const stored = settings.get(PIN_KEY);
    if (fromEnv && (stored === null || reset)) {
      const valid = NewPin.safeParse(fromEnv);
      if (!valid.success) {
        logger.error('HALL_TECHNICIAN_PIN ignored: it must be 6–12 digits, not all the same, not a run like 123456');
      } else {
        await this.storePin(fromEnv, false);
        settings.set(LOCKOUT_KEY, JSON.stringify(UNLOCKED), this.now().toISOString());
        logger.info(stored === null ? 'technician PIN set from HALL_TECHNICIAN_PIN' : 'technician PIN replaced from HALL_TECHNICIAN_PIN (reset)');
        return;
      }
    }
    if (settings.get(PIN_KEY) === null && this.options.devices === 'simulated') {
      await this.storePin(DEVELOPMENT_PIN, true);
      logger.warn('technician console uses the development PIN of the simulated profile; change it in the console');
    }
  }

  private async storePin(pin: string, development: boolean): Promise<void> {
    const at = this.now().toISOString();
    this.options.settings.set(PIN_KEY, await hashPin(pin), at);
    if (development) this.options.settings.set(DEVELOPMENT_PIN_KEY, 'true', at);
    else this.options.settings.delete(DEVELOPMENT_PIN_KEY);
  }

  private lockout(): LockoutState {
    return parseLockout(this.options.settings.get(LOCKOUT_KEY), this.now());
  }

  private saveLockout(state: LockoutState): void {
    this.options.settings.set(LOCKOUT_KEY, JSON.stringify(state), this.now().toISOString());
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  status(connection: string | undefined): TechnicianStatus {
    const now = this.now();
    const state = this.lockout();
    const expires = connection === undefined ? null : this.sessions.expiresAt(connection);
    return {
      unlocked: expires !== null,
      pinConfigured: this.options.settings.get(PIN_KEY) !== null,
      lockedUntil: lockedUntil(state, now),
      attemptsLeft: attemptsLeft(state, now),
      expiresAt: expires === null ? null : new Date(expires).toISOString(),
      developmentPin: this.options.settings.get(DEVELOPMENT_PIN_KEY) === 'true',
    };
  }

  unlock(pin: string, connection: string | undefined): Promise<UnlockResult> {
    return this.serial(async () => {
      await this.init();
      const { logger, settings } = this.options;
      if (connection === undefined) throw new ContractError('FORBIDDEN', 'technician.noConnection', { detail: 'This caller has no connection to unlock' });
      const stored = settings.get(PIN_KEY);
      if (stored === null) {
        logger.warn('technician unlock refused: no PIN configured', { connection });
        return { status: 'not-configured' };
      }
      const before = this.lockout();
      const until = lockedUntil(before, this.now());
      if (until !== null) {
        logger.warn('technician unlock refused: locked out', { connection, until });
        return { status: 'locked', until };
      }
      if (await verifyPin(pin, stored)) {
        this.saveLockout(UNLOCKED);
        this.sessions.unlock(connection);
        logger.info('technician console unlocked', { connection });
        return { status: 'unlocked', ticket: this.sessions.issueTicket() };
      }
      const after = afterFailure(before, this.now());
      this.saveLockout(after);
      if (after.lockedUntil !== null) {
        logger.warn('technician PIN wrong; console locked', { connection, failures: after.failures, until: after.lockedUntil });
        return { status: 'locked', until: after.lockedUntil };
      }
      const left = attemptsLeft(after, this.now());
      logger.warn('technician PIN wrong', { connection, failures: after.failures, attemptsLeft: left });
      return { status: 'wrong-pin', attemptsLeft: left };
    });
  }

  resume(ticket: string, connection: string | undefined): boolean {
    if (connection === undefined) return false;
    const ok = this.sessions.redeem(ticket, connection);
    this.options.logger.info(ok ? 'technician session taken over by the console page' : 'technician ticket refused', { connection });
    return ok;
  }

  lock(connection: string | undefined): void {
    if (connection === undefined) return;
    if (this.sessions.isUnlocked(connection)) this.options.logger.info('technician console exited', { connection });
    this.sessions.lock(connection);
  }

  /** For the dispatcher: privileged calls need an unlocked session, and count as activity. */
  isPrivileged(ctx: CallContext): boolean {
    return ctx.connection !== undefined && this.sessions.isUnlocked(ctx.connection, true);
  }

  changePin(current: string, next: string, connection: string | undefined): Promise<void> {
    return this.serial(async () => {
      const stored = this.options.settings.get(PIN_KEY);
      if (stored === null || !(await verifyPin(current, stored))) {
        this.options.logger.warn('technician PIN change refused: current PIN wrong', { connection });
        throw new ContractError('FORBIDDEN', 'technician.wrongCurrentPin', { detail: 'the current PIN is wrong' });
      }
      if (current === next) throw new ContractError('BAD_INPUT', 'technician.samePin', { detail: 'the new PIN must differ', issues: [{ path: 'next', reason: 'samePin' }] });
      await this.storePin(next, false);
      this.options.logger.info('technician PIN changed', { connection });
    });
  }
}
