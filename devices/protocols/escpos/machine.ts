import type { Layout } from './layout';
import type { PrinterState } from './state';

// What a command handler can touch while the interpreter reads a job: the bytes, the printer's modes, the
// layout, and the tallies the Interpretation reports.

export interface Tallies {
  readonly qrCodes: string[];
  readonly barcodes: string[];
  readonly pdf417: string[];
  cuts: number;
  feeds: number;
  statusQueries: number;
  /** Documented commands read and deliberately not modelled (no effect on the printout), by name. */
  readonly skipped: Map<string, number>;
}

export interface Machine {
  readonly bytes: Uint8Array;
  readonly paperWidth: number;
  state: PrinterState;
  readonly layout: Layout;
  readonly tallies: Tallies;
  report(problem: string): void;
  /** Counts a symbol encoding against the job's budget; false when the budget is spent (the symbol is not drawn). */
  spendSymbol(): boolean;
  /** QR matrices already built in this job, by level and data: the same symbol printed again costs nothing. */
  readonly qrCache: Map<string, { readonly modules: number; readonly matrix: readonly boolean[] } | null>;
}

export const u8 = (m: Machine, i: number): number => m.bytes[i] ?? 0;
export const u16 = (m: Machine, i: number): number => u8(m, i) + u8(m, i + 1) * 256;
