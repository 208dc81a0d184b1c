import type { KeyStroke } from './keyboard-report';

export interface WedgeOptions {
  /** Longest gap between two keys of one scan. Scanners type a key every few ms; people take 100 ms or more. */
  readonly maxInterKeyMs: number;
  /** Shorter bursts are treated as typing, not scans. */
  readonly minLength: number;
  /** The key the scanner sends after each code; `none` ends a scan after `idleMs` of silence. */
  readonly terminator: 'enter' | 'tab' | 'none';
  readonly idleMs: number;
  readonly maxLength: number;
}

export const defaultWedgeOptions: WedgeOptions = {
  maxInterKeyMs: 35,
  minLength: 3,
  terminator: 'enter',
  idleMs: 100,
  maxLength: 4096,
};

export type WedgeOutput =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'rejected'; readonly reason: 'human-typing' | 'too-long' };

/**
 * Tells a keyboard-wedge scan from human typing by timing and terminator. Pure: the caller passes the
 * time of each key and, for `terminator: 'none'` or an unfinished burst, calls `flushIfIdle` at `deadline()`.
 */
export class WedgeAssembler {
  private chars: string[] = [];
  private last = 0;
  private overflow = false;

  constructor(private readonly options: WedgeOptions = defaultWedgeOptions) {}

  push(stroke: KeyStroke, atMs: number): WedgeOutput[] {
    const out: WedgeOutput[] = [];
    const slow = this.pending() && atMs - this.last > this.options.maxInterKeyMs;
    if (slow) out.push(...this.end(false));
    const isTerminator =
      (stroke.kind === 'enter' && this.options.terminator === 'enter') || (stroke.kind === 'tab' && this.options.terminator === 'tab');
    if (isTerminator) {
      if (this.pending()) out.push(...this.end(true));
      return out;
    }
    if (stroke.kind !== 'char') return out;
    if (this.chars.length >= this.options.maxLength) this.overflow = true;
    else this.chars.push(stroke.char);
    this.last = atMs;
    return out;
  }

  /** When the caller should next call `flushIfIdle`, or null when nothing is pending. */
  deadline(): number | null {
    return this.pending() ? this.last + this.options.idleMs : null;
  }

  flushIfIdle(nowMs: number): WedgeOutput[] {
    if (!this.pending() || nowMs - this.last < this.options.idleMs) return [];
    return this.end(this.options.terminator === 'none');
  }

  reset(): void {
    this.chars = [];
    this.overflow = false;
  }

  private pending(): boolean {
    return this.chars.length > 0 || this.overflow;
  }

  /** Ends the current burst; `terminated` means it ended the way a scan ends. */
  private end(terminated: boolean): WedgeOutput[] {
    const text = this.chars.join('');
    const overflow = this.overflow;
    this.reset();
    if (!terminated || text.length < this.options.minLength) return [{ kind: 'rejected', reason: 'human-typing' }];
    if (overflow) return [{ kind: 'rejected', reason: 'too-long' }];
    return [{ kind: 'text', text }];
  }
}
