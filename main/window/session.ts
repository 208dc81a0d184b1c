// The staff session on this workstation: the platform's token (in memory only), who is signed in at which
// window, the idle lock, and a local check of the PIN so the screen can be unlocked while the platform is
// unreachable. Five wrong unlock attempts end the session (a full sign-in is needed again).
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { SignInResponse } from '../../platform/staff/protocol';

export const DEFAULT_IDLE_LOCK_MS = 5 * 60_000;
export const MAX_UNLOCK_FAILURES = 5;

export interface ActiveSession {
  token: string;
  hallId: string;
  staffNumber: string;
  staffName: string;
  windowId: string;
  windowName: string;
  categories: string[];
  expiresAt: number;
}

function derive(pin: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(pin, salt, 32, { N: 8192, r: 8, p: 1 }, (error, key) => (error ? reject(error) : resolve(key))));
}

export class WindowSession {
  private active: ActiveSession | null = null;
  private pinCheck: { salt: Buffer; key: Buffer } | null = null;
  private isLocked = false;
  private unlockFailures = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly idleLockMs: number,
    private readonly onChange: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  get current(): ActiveSession | null {
    if (this.active && this.active.expiresAt <= this.now()) this.end();
    return this.active;
  }

  get locked(): boolean {
    return this.active !== null && this.isLocked;
  }

  async begin(answer: SignInResponse, pin: string): Promise<void> {
    const salt = randomBytes(16);
    this.pinCheck = { salt, key: await derive(pin, salt) };
    this.active = {
      token: answer.token,
      hallId: answer.hallId,
      staffNumber: answer.staff.staffNumber,
      staffName: answer.staff.name,
      windowId: answer.window.windowId,
      windowName: answer.window.name,
      categories: answer.window.categories,
      expiresAt: Date.parse(answer.expiresAt),
    };
    this.isLocked = false;
    this.unlockFailures = 0;
    this.arm();
    this.onChange();
  }

  end(): void {
    if (!this.active) return;
    this.active = null;
    this.pinCheck = null;
    this.isLocked = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.onChange();
  }

  lock(): void {
    if (!this.active || this.isLocked) return;
    this.isLocked = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.onChange();
  }

  /** true: unlocked; false: wrong PIN (the fifth ends the session). */
  async unlock(pin: string): Promise<boolean> {
    if (!this.active || !this.pinCheck) return false;
    const key = await derive(pin, this.pinCheck.salt);
    if (timingSafeEqual(key, this.pinCheck.key)) {
      this.isLocked = false;
      this.unlockFailures = 0;
      this.arm();
      this.onChange();
      return true;
    }
    this.unlockFailures += 1;
    if (this.unlockFailures >= MAX_UNLOCK_FAILURES) this.end();
    return false;
  }

  /** Staff activity: restarts the idle timer (ignored while locked). */
  activity(): void {
    if (this.active && !this.isLocked) this.arm();
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.lock(), this.idleLockMs);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
