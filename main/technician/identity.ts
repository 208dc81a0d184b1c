// Terminal identity and on-site settings (hall code, terminal number and name, idle timeout, paper
// width), kept in the terminal store's settings table. Validated on the way in (the contract's zod
// schema: errors name the field) and again on the way out of the database.
import { TerminalIdentity } from '../../src/contract';
import type { Logger } from '../log';
import type { SettingsStore } from './auth';

export const IDENTITY_KEY = 'terminal.identity';

export const DEFAULT_IDENTITY: TerminalIdentity = {
  hallCode: 'HALL0001',
  terminalNumber: 'T-0001',
  terminalName: '自助终端 1',
  idleTimeoutSeconds: 60,
  paperWidthMm: 80,
};

/** What the identity is until a technician sets it; a function is asked again each time (catalogue reloads). */
export type IdentitySeed = Partial<TerminalIdentity> | (() => Partial<TerminalIdentity>);

export class IdentityService {
  private readonly listeners = new Set<(identity: TerminalIdentity, previous: TerminalIdentity) => void>();
  /** What a technician stored; null while never set (or unreadable), when the seeded defaults apply. */
  private stored: TerminalIdentity | null;

  /**
   * `seed` gives what is shown until a technician sets the identity: the catalogue's hall code (the one
   * source of the hall code in tracking numbers, receipts and notices), the paper width of HALL_PRINTER_PAPER
   * (older installs). An invalid seed is ignored.
   */
  constructor(
    private readonly settings: SettingsStore,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
    private readonly seed: IdentitySeed = {},
  ) {
    this.stored = this.load();
  }

  private defaults(): TerminalIdentity {
    const seeded = TerminalIdentity.safeParse({ ...DEFAULT_IDENTITY, ...(typeof this.seed === 'function' ? this.seed() : this.seed) });
    return seeded.success ? seeded.data : DEFAULT_IDENTITY;
  }

  private load(): TerminalIdentity | null {
    const raw = this.settings.get(IDENTITY_KEY);
    if (raw === null) return null;
    try {
      const parsed = TerminalIdentity.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
      this.logger.error('stored terminal identity is invalid; using the defaults until it is set again', {
        fields: parsed.error.issues.map((i) => i.path.join('.')).join(', '),
      });
    } catch {
      this.logger.error('stored terminal identity is not JSON; using the defaults until it is set again');
    }
    return null;
  }

  get(): TerminalIdentity {
    return this.stored ?? this.defaults();
  }

  /** Stores a new identity (validated again here, whoever calls) and tells the listeners. */
  set(input: unknown): TerminalIdentity {
    const next = TerminalIdentity.parse(input);
    const previous = this.get();
    this.settings.set(IDENTITY_KEY, JSON.stringify(next), this.now().toISOString());
    this.stored = next;
    this.logger.info('terminal identity set', { hallCode: next.hallCode, terminalNumber: next.terminalNumber, idleTimeoutSeconds: next.idleTimeoutSeconds, paperWidthMm: next.paperWidthMm });
    for (const listener of [...this.listeners]) listener(next, previous);
    return next;
  }

  onChange(listener: (identity: TerminalIdentity, previous: TerminalIdentity) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
