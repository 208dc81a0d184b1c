import type { Machine } from './machine';

// The command table: every command a Chinese 58/80 mm receipt printer documents, with its length rule and,
// for the ones that change the printout, its handler. Commands with `support: 'skipped'` are read by their
// documented length and have no effect on the paper (drawer kick, panel buttons, NV memory, …). The same
// length rules frame the stream for the virtual printer (framing.ts), so both agree on where a command ends.

export type Support = 'supported' | 'skipped';

/** Bytes the command at `i` takes, or null while the bytes that tell its length have not all arrived. */
export type SizeRule = (bytes: Uint8Array, i: number) => number | null;

export interface CommandSpec {
  /** Prefix bytes (1–3) that select this command. */
  readonly prefix: readonly number[];
  readonly name: string;
  readonly support: Support;
  /** One line for the supported/skipped listing (docs/printer.md). */
  readonly summary: string;
  readonly size: SizeRule;
  readonly run?: (m: Machine, at: number, length: number) => void;
}

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;

const at = (bytes: Uint8Array, i: number): number | null => (i < bytes.length ? (bytes[i] ?? 0) : null);

/** Fixed length. */
export const fixed =
  (n: number): SizeRule =>
  () =>
    n;

/** `head` bytes, then a little-endian 16-bit length at `head - 2`, then that many bytes (GS ( x pL pH …). */
export const lengthAt16 =
  (head: number): SizeRule =>
  (bytes, i) => {
    const lo = at(bytes, i + head - 2);
    const hi = at(bytes, i + head - 1);
    return lo === null || hi === null ? null : head + lo + hi * 256;
  };

/** Ends at the first NUL at or after `from` (inclusive), at most `max` bytes in all. */
export const untilNul =
  (from: number, max: number): SizeRule =>
  (bytes, i) => {
    for (let k = i + from; k < bytes.length && k < i + max; k += 1) if (bytes[k] === 0) return k - i + 1;
    return i + max <= bytes.length ? max : null;
  };

/** Reads header bytes and computes a length from them; null while they have not all arrived. */
export const computed =
  (head: number, f: (h: (k: number) => number) => number): SizeRule =>
  (bytes, i) =>
    i + head <= bytes.length ? f((k) => bytes[i + k] ?? 0) : null;

export interface TableHandle {
  lookup(bytes: Uint8Array, i: number): CommandSpec | null;
  readonly entries: readonly CommandSpec[];
}

const key = (prefix: readonly number[]): number => prefix.reduce((k, b) => k * 256 + b, prefix.length);

export function buildTable(groups: readonly (readonly CommandSpec[])[]): TableHandle {
  const byKey = new Map<number, CommandSpec>();
  const entries: CommandSpec[] = [];
  for (const group of groups) {
    for (const spec of group) {
      const k = key(spec.prefix);
      if (byKey.has(k)) throw new Error(`duplicate command ${spec.name}`);
      byKey.set(k, spec);
      entries.push(spec);
    }
  }
  return {
    entries,
    lookup(bytes, i) {
      const b0 = bytes[i] ?? 0;
      const b1 = bytes[i + 1];
      const b2 = bytes[i + 2];
      if (b1 !== undefined && b2 !== undefined) {
        const three = byKey.get(key([b0, b1, b2]));
        if (three) return three;
      }
      if (b1 !== undefined) {
        const two = byKey.get(key([b0, b1]));
        if (two) return two;
      }
      return byKey.get(key([b0])) ?? null;
    },
  };
}

/** Readable name of the bytes at `i` for reports: `ESC 0x7b`, `GS ( 0x41`. */
export function describeBytes(bytes: Uint8Array, i: number): string {
  const names: Record<number, string> = { [ESC]: 'ESC', [GS]: 'GS', [FS]: 'FS', [DLE]: 'DLE' };
  const hex = (b: number | undefined) => (b === undefined ? 'end' : `0x${b.toString(16).padStart(2, '0')}`);
  const b0 = bytes[i] ?? 0;
  const lead = names[b0] ?? hex(b0);
  return `${lead} ${hex(bytes[i + 1])}`;
}
