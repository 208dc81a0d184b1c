// The staff session on this workstation: the platform's token (in memory only), who is signed in at which
// window, the idle lock, and a local check of the PIN so the screen can be unlocked while the platform is
// unreachable. Five wrong unlock attempts end the session (a full sign-in is needed again).
import type { SignInResponse } from '../../src/wire/staff-protocol';
import { hashPin, verifyPin } from '../technician/pin';

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

export class WindowSession {
  private active: ActiveSession | null = null;
  /** The PIN of this sign-in, hashed as the technician PIN is (main/technician/pin.ts). */
  private pinHash: string | null = null;
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
    this.pinHash = await hashPin(pin);
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
    this.pinHash = null;
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
    if (!this.active || !this.pinHash) return false;
    if (await verifyPin(pin, this.pinHash)) {
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
