import { describe, expect, it } from 'vitest';
import { nextCommand } from '../../devices/protocols/escpos/framing';
import { interpret } from '../../devices/protocols/escpos/interpreter';
import type { Interpretation } from '../../devices/protocols/escpos/interpreter';
import { boxPainter } from '../../devices/protocols/escpos/painter';
import { renderPng } from '../../devices/protocols/escpos/render';
import { barcodesFrom, qrFrom, readPng } from '../conformance/decode-png';
import { RECEIPT, conformanceStreams } from '../conformance/escpos-streams';

// Issue #23: streams written by independent encoders render with their text, codes and cuts right, and
// damaged versions of them are reported without derailing the rest of the job.

const PAPER = 576;
const streams = conformanceStreams();

function textItems(job: Interpretation) {
  return job.items.flatMap((item) => (item.kind === 'text' ? [item] : []));
}

/** Offsets just after each top-level LF, found with the same framing the virtual printer uses. */
function lineEnds(bytes: Uint8Array): number[] {
  const ends: number[] = [];
  let i = 0;
  for (;;) {
    const command = nextCommand(bytes, i);
    if (!command) return ends;
    if (command.length === 1 && bytes[i] === 0x0a) ends.push(i + 1);
    i += command.length;
  }
}

function insertAt(bytes: Uint8Array, offsets: readonly number[], insert: readonly number[]): Uint8Array {
  const out: number[] = [];
  let from = 0;
  for (const at of offsets) {
    out.push(...bytes.subarray(from, at), ...insert);
    from = at;
  }
  out.push(...bytes.subarray(from));
  return Uint8Array.from(out);
}

describe.each(streams.map((s) => [s.encoder, s] as const))('%s', (_name, stream) => {
  const job = interpret(stream.bytes, PAPER);
  const picture = readPng(renderPng(job, boxPainter));

  it('decodes the GB18030 text, line by line, with nothing unknown', () => {
    const lines = job.lines.map((l) => l.trim());
    expect(lines).toContain(RECEIPT.title);
    expect(lines).toContain(RECEIPT.item);
    expect(job.lines.join('\n')).not.toContain('\ufffd');
    expect(job.problems.filter((p) => !p.includes('wrapped'))).toEqual([]);
    const pair = job.lines.find((l) => l.startsWith(RECEIPT.label)) ?? '';
    if (stream.expect.pairFits) expect(pair).toMatch(new RegExp(`^${RECEIPT.label} +${RECEIPT.number}$`));
    else {
      expect(job.problems).toEqual([expect.stringMatching(/wrapped/)]);
      expect(job.lines.join('').replace(/ /g, '')).toContain(`${RECEIPT.label}${RECEIPT.number}`);
    }
  });

  it('positions the title and the right-hand value where the printer puts them', () => {
    const title = textItems(job).find((t) => t.text.trim() === RECEIPT.title);
    expect(title?.glyphs[0]?.x).toBe(stream.expect.titleX);
    const pair = textItems(job).find((t) => t.text.startsWith(RECEIPT.label));
    const last = pair?.glyphs.at(-1);
    if (stream.expect.pairFits) expect((last?.x ?? 0) + (last?.width ?? 0)).toBe(PAPER);
    expect(pair?.glyphs[0]).toMatchObject({ x: 0, width: 24, wide: true });
  });

  it('prints a QR that decodes back from the PNG', () => {
    expect(qrFrom(picture)).toBe(RECEIPT.qr);
    expect(job.qrCodes).toEqual(stream.expect.nativeQr ? [RECEIPT.qr] : []);
  });

  it('prints EAN-13 and CODE128 symbols that ZXing reads back from the PNG', () => {
    expect(barcodesFrom(picture)).toEqual([
      { format: 'EAN_13', text: RECEIPT.ean13 },
      { format: 'CODE_128', text: RECEIPT.code128 },
    ]);
    expect(job.barcodes).toEqual([RECEIPT.ean13, RECEIPT.code128]);
    expect(job.pdf417).toEqual(stream.expect.pdf417 ? [RECEIPT.pdf417] : []);
  });

  it('cuts and feeds as often as the document says, after everything it printed', () => {
    expect(job.cuts).toBe(stream.expect.cuts);
    expect(job.feeds).toBe(stream.expect.feeds);
    const cutY = job.items.find((i) => i.kind === 'cut')?.y ?? -1;
    const lastPrint = Math.max(...job.items.filter((i) => i.kind !== 'cut').map((i) => i.y));
    expect(cutY).toBeGreaterThan(lastPrint);
  });

  it('reports unknown commands and prints everything else exactly as before', () => {
    const ends = lineEnds(stream.bytes);
    expect(ends.length).toBeGreaterThan(2);
    const damaged = interpret(insertAt(stream.bytes, ends, [0x1b, 0x99, 0x1d, 0x99, 0x1c, 0x99, 0x07]), PAPER);
    expect(damaged.lines).toEqual(job.lines);
    expect(damaged.qrCodes).toEqual(job.qrCodes);
    expect(damaged.barcodes).toEqual(job.barcodes);
    expect(damaged.cuts).toBe(job.cuts);
    expect(damaged.problems.filter((p) => p.startsWith('unknown'))).toHaveLength(3 * ends.length);
    expect(damaged.problems.filter((p) => p.startsWith('stray control byte 0x07'))).toHaveLength(ends.length);
  });

  it('reads a job truncated anywhere without throwing, keeping what came before the cut-off', () => {
    for (const fraction of [0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) {
      const end = Math.floor(stream.bytes.length * fraction);
      const part = interpret(stream.bytes.subarray(0, end), PAPER);
      const complete = part.lines.slice(0, -1);
      expect(job.lines.slice(0, complete.length)).toEqual(complete);
      expect(() => renderPng(part, boxPainter)).not.toThrow();
    }
  });

  it('reports a length field that runs past the end and keeps everything before it', () => {
    const bytes = Uint8Array.from(stream.bytes);
    // the first command after the start with a 16-bit length (GS ( k, GS ( L, FS ( A) or a raster (GS v 0): claim 65535
    let i = 0;
    let patched = -1;
    let field = 0;
    for (;;) {
      const command = nextCommand(bytes, i);
      if (!command) break;
      const lengthField = (bytes[i] === 0x1d || bytes[i] === 0x1c) && bytes[i + 1] === 0x28;
      const raster = bytes[i] === 0x1d && bytes[i + 1] === 0x76 && bytes[i + 2] === 0x30;
      if (i > 0 && (lengthField || raster)) {
        patched = i;
        field = lengthField ? 3 : 6;
        break;
      }
      i += command.length;
    }
    expect(patched).toBeGreaterThan(0);
    bytes[patched + field] = 0xff;
    bytes[patched + field + 1] = 0xff;
    const damaged = interpret(bytes, PAPER);
    expect(damaged.problems).toContainEqual(expect.stringMatching(new RegExp(`^truncated .* at byte ${patched} .*the rest of the job is its data`)));
    const before = interpret(stream.bytes.subarray(0, patched), PAPER);
    expect(damaged.lines).toEqual(before.lines);
  });
});
