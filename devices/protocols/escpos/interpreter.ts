import { codeCommands } from './commands-codes';
import { controlCommands } from './commands-control';
import { graphicsCommands } from './commands-graphics';
import { printCharacter, textCommands } from './commands-text';
import { DEFAULT_LIMITS, Layout } from './layout';
import type { LayoutLimits } from './layout';
import type { LayoutItem } from './layout-items';
import type { Machine, Tallies } from './machine';
import { initialState } from './state';
import type { Support } from './table';
import { DLE, ESC, FS, GS, buildTable, describeBytes } from './table';

// Reads an ESC/POS byte stream the way a Chinese-firmware 203 dpi receipt printer does and lays it out as
// positioned items: tests assert on the decoded text, codes and cuts; render.ts draws the items. Every
// byte goes through one command table (table.ts and the commands-*.ts groups); unknown, truncated or
// malformed commands are skipped by their documented length and reported, and the rest of the job is
// still read; a command that runs past the end of the job takes the rest as its data, as on a printer.
// Cost is linear in the input: symbol encodings and layout are capped per job.

export type { Glyph, LayoutItem } from './layout-items';
export type { LayoutLimits } from './layout';

export interface Interpretation {
  readonly paperWidth: number;
  readonly height: number;
  readonly items: readonly LayoutItem[];
  /** Printed text, one entry per printed line (alignment and leading position gaps excluded; gaps inside as spaces). */
  readonly lines: readonly string[];
  readonly qrCodes: readonly string[];
  /** 1-D barcode data as a scanner reads it (EAN/UPC with the check digit). */
  readonly barcodes: readonly string[];
  readonly pdf417: readonly string[];
  readonly cuts: number;
  /** Feed commands (ESC d, ESC J). */
  readonly feeds: number;
  /** Status queries seen in the stream (DLE EOT n, GS r n, ESC v) — they print nothing. */
  readonly statusQueries: number;
  readonly problems: readonly string[];
  /** Documented commands read by their length and deliberately not modelled, with how often they came. */
  readonly skipped: readonly { readonly command: string; readonly count: number }[];
}

export interface InterpretOptions {
  readonly limits?: Partial<LayoutLimits>;
  /** Distinct 2-D symbol encodings per job (the same symbol printed again is free). */
  readonly maxSymbols?: number;
}

const MAX_PROBLEMS = 200;
const DEFAULT_MAX_SYMBOLS = 64;

const table = buildTable([textCommands, controlCommands, codeCommands, graphicsCommands]);

/** The command table for documentation and tests: name, supported or skipped, one line. */
export function commandTable(): readonly { readonly name: string; readonly support: Support; readonly summary: string }[] {
  return table.entries.map(({ name, support, summary }) => ({ name, support, summary }));
}

export { table as escposTable };

export function interpret(input: Uint8Array, paperWidth = 576, options: InterpretOptions = {}): Interpretation {
  const bytes = input;
  const problems: string[] = [];
  let dropped = 0;
  const report = (problem: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
    else dropped += 1;
  };
  const tallies: Tallies = { qrCodes: [], barcodes: [], pdf417: [], cuts: 0, feeds: 0, statusQueries: 0, skipped: new Map() };
  let symbolsLeft = options.maxSymbols ?? DEFAULT_MAX_SYMBOLS;
  let symbolBudgetReported = false;
  const layout = new Layout(paperWidth, { ...DEFAULT_LIMITS, ...options.limits }, report);
  const m: Machine = {
    bytes,
    paperWidth,
    state: initialState(paperWidth),
    layout,
    tallies,
    report,
    qrCache: new Map(),
    spendSymbol() {
      if (layout.full) return false;
      if (symbolsLeft > 0) {
        symbolsLeft -= 1;
        return true;
      }
      if (!symbolBudgetReported) report(`more than ${options.maxSymbols ?? DEFAULT_MAX_SYMBOLS} different 2-D symbols in one job: the rest are decoded, not drawn`);
      symbolBudgetReported = true;
      return false;
    },
  };

  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b >= 0x20 && b !== 0x7f) {
      i += printCharacter(m, i);
      continue;
    }
    const spec = table.lookup(bytes, i);
    if (!spec) {
      const lead = b === ESC || b === GS || b === FS || b === DLE;
      const next = bytes[i + 1];
      if (lead && next === undefined) {
        report(`truncated ${describeBytes(bytes, i)} at byte ${i}`);
        break;
      }
      report(lead ? `unknown ${describeBytes(bytes, i)} at byte ${i}` : `stray control byte 0x${b.toString(16).padStart(2, '0')} at byte ${i}`);
      // An unknown command is its two bytes; a control byte in the second place starts the next command.
      i += lead && next !== undefined && next >= 0x20 ? 2 : 1;
      continue;
    }
    const size = spec.size(bytes, i);
    if (size === null || i + size > bytes.length) {
      // The job ends inside this command: a printer takes what is left as its data and waits for the rest.
      report(`truncated ${spec.name} at byte ${i} (${size === null ? 'length not given' : `${size} bytes declared`}, ${bytes.length - i} left): the rest of the job is its data`);
      break;
    }
    if (spec.support === 'skipped') tallies.skipped.set(spec.name, (tallies.skipped.get(spec.name) ?? 0) + 1);
    spec.run?.(m, i, size);
    i += size;
  }
  if (!layout.lineEmpty) {
    report('text at the end of the job without a line feed (a printer holds it until the next LF)');
    layout.printLine(m.state, m.state.lineSpacing);
  }
  if (dropped > 0) problems.push(`… and ${dropped} more problems`);

  return {
    paperWidth,
    height: layout.y,
    items: layout.items,
    lines: layout.lines,
    qrCodes: tallies.qrCodes,
    barcodes: tallies.barcodes,
    pdf417: tallies.pdf417,
    cuts: tallies.cuts,
    feeds: tallies.feeds,
    statusQueries: tallies.statusQueries,
    problems,
    skipped: [...tallies.skipped].map(([command, count]) => ({ command, count })),
  };
}
