import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandTable, interpret } from './interpreter';
import type { LayoutItem } from './interpreter';
import { nextCommand } from './framing';

// One behaviour per command family, on hand-written bytes (the encoders' streams are in tests/integration).

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const run = (...parts: (number | number[])[]) => interpret(Uint8Array.from(parts.flat()), 576);
const texts = (items: readonly LayoutItem[]) => items.flatMap((i) => (i.kind === 'text' ? [i] : []));
const ZHONG = [0xd6, 0xd0]; // 中

describe('text and modes', () => {
  it('positions with ESC $ and ESC \\ and keeps the gap as spaces in the line text', () => {
    const job = run(ascii('AB'), [ESC, 0x24, 0x20, 0x01], ascii('C'), [ESC, 0x5c, 0xf4, 0xff], ascii('D'), 0x0a);
    const glyphs = texts(job.items)[0]?.glyphs ?? [];
    expect(glyphs.map((g) => [g.char, g.x])).toEqual([['A', 0], ['B', 12], ['C', 288], ['D', 288]]);
    expect(job.lines[0]).toBe(`AB${' '.repeat(22)}CD`);
  });

  it('applies GS L / GS W and justification to the print area', () => {
    const job = run([GS, 0x4c, 48, 0], [GS, 0x57, 0x20, 0x01], [ESC, 0x61, 1], ascii('XY'), 0x0a, [ESC, 0x61, 2], ascii('Z'), 0x0a);
    const [centre, right] = texts(job.items);
    expect(centre?.glyphs[0]?.x).toBe(48 + (288 - 24) / 2);
    expect(right?.glyphs[0]?.x).toBe(48 + 288 - 12);
  });

  it('moves to tab stops (default every 8 columns, ESC D to change them)', () => {
    const job = run(ascii('A'), 0x09, ascii('B'), 0x0a, [ESC, 0x44, 2, 5, 0], ascii('A'), 0x09, ascii('B'), 0x09, ascii('C'), 0x0a);
    const [first, second] = texts(job.items);
    expect(first?.glyphs[1]?.x).toBe(96);
    expect(second?.glyphs.map((g) => g.x)).toEqual([0, 24, 60]);
  });

  it('sizes single-byte characters with ESC ! and hanzi with FS ! / FS W; GS ! sizes both', () => {
    const job = run([ESC, 0x21, 0x30], ascii('a'), ZHONG, 0x0a, [ESC, 0x21, 0, FS, 0x21, 0x0c], ascii('a'), ZHONG, 0x0a, [FS, 0x21, 0, GS, 0x21, 0x21], ascii('a'), ZHONG, 0x0a);
    const sizes = texts(job.items).map((t) => t.glyphs.map((g) => `${g.width}x${g.cellHeight}`).join(' '));
    expect(sizes).toEqual(['24x48 24x24', '12x24 48x48', '36x48 72x48']);
  });

  it('uses font B, bold, underline, reverse, upside-down and rotation as glyph attributes', () => {
    const job = run([ESC, 0x4d, 1, ESC, 0x45, 1, ESC, 0x2d, 2, GS, 0x42, 1, ESC, 0x7b, 1, ESC, 0x56, 1], ascii('a'), 0x0a);
    expect(texts(job.items)[0]?.glyphs[0]).toMatchObject({ width: 9, cellHeight: 17, bold: true, underlineDots: 2, reverse: true, upsideDown: true, rotated: true });
  });

  it('decodes code pages outside Chinese mode, ESC R sets and UTF-8 mode', () => {
    const job = run([FS, 0x2e, ESC, 0x74, 1], [0x95, 0x96], 0x0a, [ESC, 0x74, 16], [0xe9], 0x0a, [ESC, 0x52, 15], ascii('$1'), 0x0a, [FS, 0x28, 0x43, 2, 0, 48, 2], [0xe4, 0xb8, 0xad], 0x0a);
    expect(job.lines).toEqual(['─│', 'é', '¥1', '中']);
  });

  it('reads bytes ≥ 0x81 as GB18030 pairs only in Chinese mode (on after ESC @)', () => {
    const job = run([FS, 0x2e], ZHONG, 0x0a, [ESC, 0x40], ZHONG, 0x0a);
    expect(job.lines[0]).toHaveLength(2);
    expect(job.lines[1]).toBe('中');
  });

  it('wraps a line wider than the print area as the printer does, and says so', () => {
    const job = run(ascii('x'.repeat(50)), 0x0a);
    expect(job.lines).toEqual(['x'.repeat(48), 'xx']);
    expect(job.problems[0]).toMatch(/wrapped/);
  });
});

describe('feeds, cuts, status', () => {
  it('feeds with ESC d / ESC J, cuts with every GS V form and the older ESC i / ESC m', () => {
    const job = run(ascii('a'), [ESC, 0x64, 3], [ESC, 0x4a, 40], [GS, 0x56, 0], [GS, 0x56, 49], [GS, 0x56, 65, 10], [GS, 0x56, 98, 0], [GS, 0x56, 104, 5], [ESC, 0x69], [ESC, 0x6d]);
    expect(job.feeds).toBe(2);
    expect(job.cuts).toBe(7);
    const cuts = job.items.flatMap((i) => (i.kind === 'cut' ? [[i.y, i.partial]] : []));
    expect(cuts[0]).toEqual([90 + 40, false]);
    expect(cuts[2]).toEqual([130 + 120 + 10, false]);
    expect(cuts.map((c) => c[1])).toEqual([false, true, false, true, true, false, true]);
  });

  it('counts status requests and prints nothing for them', () => {
    const job = run([0x10, 0x04, 1], [0x10, 0x04, 4], [GS, 0x72, 1], [0x10, 0x05, 2], [GS, 0x61, 0], [0x10, 0x14, 1, 0, 1]);
    expect(job.statusQueries).toBe(3);
    expect(job.items).toEqual([]);
    expect(job.problems).toEqual([]);
    expect(job.skipped).toEqual([{ command: 'DLE DC4', count: 1 }]);
  });
});

describe('unknown, malformed and truncated commands', () => {
  it('skips documented commands by their length, unknown ones by two bytes, and reads on', () => {
    const job = run([ESC, 0x70, 0, 50, 50], [ESC, 0x63, 0x35, 1], [GS, 0x28, 0x41, 2, 0, 0, 0], [ESC, 0xee], [GS, 0x01], ascii('ok'), 0x0a);
    expect(job.lines).toEqual(['ok']);
    // GS followed by a control byte: the GS alone is dropped and the control byte is read on its own.
    expect(job.problems).toEqual(['unknown ESC 0xee at byte 16', 'unknown GS 0x01 at byte 18', 'stray control byte 0x01 at byte 19']);
    expect(job.skipped.map((s) => s.command)).toEqual(['ESC p', 'ESC c', 'GS ( A']);
  });

  it('reports a command cut off by the end of the job', () => {
    expect(run(ascii('a'), 0x0a, [GS, 0x76, 0x30, 0, 2, 0, 10, 0, 0xff]).problems).toEqual([expect.stringMatching(/^truncated GS v 0 at byte 2/)]);
    expect(run([ESC]).problems).toEqual(['truncated ESC end at byte 0']);
  });

  it('agrees with the virtual printer’s framing on every command length', () => {
    const stream = Uint8Array.from([[ESC, 0x26, 3, 0x41, 0x42, 2, 1, 2, 3, 4, 5, 6, 2, 1, 2, 3, 4, 5, 6], [0x1c, 0x71, 1, 1, 0, 1, 0, ...Array(8).fill(0)], [GS, 0x6b, 2, ...ascii('690123456789'), 0], [0x10, 0x04, 2]].flat());
    const lengths: number[] = [];
    for (let i = 0; i < stream.length; ) {
      const c = nextCommand(stream, i);
      if (!c) break;
      lengths.push(c.length);
      i += c.length;
    }
    expect(lengths).toEqual([19, 15, 16, 3]);
    expect(run([...stream]).problems).toEqual([]);
  });

  it('lists every command once, supported or skipped, as docs/printer.md does', () => {
    const table = commandTable();
    expect(new Set(table.map((c) => c.name)).size).toBe(table.length);
    const doc = readFileSync(new URL('../../../docs/printer.md', import.meta.url), 'utf8');
    for (const c of table) expect(doc).toContain(`| \`${c.name.replace(/\|/g, '\\|')}\` | ${c.summary} |`);
    for (const name of ['ESC @', 'ESC !', 'ESC {', 'ESC V', 'GS b', 'ESC $', 'GS L', 'GS W', 'GS $', 'FS &', 'FS C', 'FS ( A', 'ESC R', 'GS k', 'GS ( k', 'GS v 0', 'GS ( L', 'GS 8 L', 'ESC *', 'GS V', 'DLE EOT', 'DLE ENQ', 'GS r', 'GS a']) {
      expect(table.map((c) => c.name)).toContain(name);
    }
  });
});
