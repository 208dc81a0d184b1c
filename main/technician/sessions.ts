// Unlocked technician sessions, one per connection (web shell WebSocket or Electron webContents). A
// session ends after 10 minutes without a privileged call, on "exit", or when its connection closes.
import { randomBytes } from 'node:crypto';

export const IDLE_MS = 10 * 60_000;
export const TICKET_MS = 30_000;

export class TechnicianSessions {
  private readonly lastActive = new Map<string, number>();
  private readonly tickets = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly idleMs = IDLE_MS,
  ) {}

  unlock(connection: string): void {
    this.lastActive.set(connection, this.now());
  }

  /** Whether the connection is unlocked now; `touch` counts the question as activity. */
  isUnlocked(connection: string, touch = false): boolean {
    const last = this.lastActive.get(connection);
    if (last === undefined) return false;
    const now = this.now();
    if (now - last >= this.idleMs) {
      this.lastActive.delete(connection);
      return false;
    }
    if (touch) this.lastActive.set(connection, now);
    return true;
  }

  expiresAt(connection: string): number | null {
    return this.isUnlocked(connection) ? (this.lastActive.get(connection) ?? 0) + this.idleMs : null;
  }

  lock(connection: string): void {
    this.lastActive.delete(connection);
  }

  /** A one-time ticket so another page (the web shell's /technician) can take this unlock over. */
  issueTicket(): string {
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, this.now() + TICKET_MS);
    return ticket;
  }

  redeem(ticket: string, connection: string): boolean {
    const until = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    for (const [t, u] of this.tickets) if (u <= this.now()) this.tickets.delete(t);
    if (until === undefined || until <= this.now()) return false;
    this.unlock(connection);
    return true;
  }
}
