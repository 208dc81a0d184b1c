import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FrameDecoder,
  checksum,
  encodeFrame,
  fnKeyPress,
  frameEnd,
  frameMark,
  frameStart,
  maxFrameData,
} from './frame';
import type { FrameItem } from './frame';

/** The decoder as it was before it read with an offset (splice-based, quadratic in one large chunk): the model. */
class SpliceModel {
  private buffer: number[] = [];
  push(chunk: Uint8Array): FrameItem[] {
    for (const b of chunk) this.buffer.push(b);
    const out: FrameItem[] = [];
    for (;;) {
      let start = -1;
      for (let i = 0; i + 1 < this.buffer.length; i += 1)
        if (this.buffer[i] === frameStart && this.buffer[i + 1] === frameMark) {
          start = i;
          break;
        }
      if (start < 0) {
        this.buffer = this.buffer.at(-1) === frameStart ? [frameStart] : [];
        return out;
      }
      if (start > 0) this.buffer.splice(0, start);
      if (this.buffer.length < 5) return out;
      const length = this.buffer[2] ?? 0;
      const bad = (reason: 'layout' | 'length' | 'checksum') => {
        out.push({ kind: 'bad', reason });
        this.buffer.splice(0, 1);
      };
      if (length !== this.buffer[3] || this.buffer[4] !== frameMark) {
        bad('layout');
        continue;
      }
      if (length < 2 || length > maxFrameData + 2) {
        bad('length');
        continue;
      }
      const total = 5 + length + 2;
      if (this.buffer.length < total) return out;
      const raw = Uint8Array.from(this.buffer.slice(0, total));
      const data = raw.slice(7, 7 + length - 2);
      if (raw[total - 1] !== frameEnd) {
        bad('layout');
        continue;
      }
      if (raw[total - 2] !== checksum(raw[5] ?? 0, raw[6] ?? 0, data)) {
        bad('checksum');
        continue;
      }
      this.buffer.splice(0, total);
      out.push({ kind: 'frame', frame: { address: raw[5] ?? 0, fn: raw[6] ?? 0, data }, raw });
    }
  }
}

describe('window-bus evaluator frame', () => {
  it('encodes a key press as FF 68 L L 68 ADDR FN DATA CS 16', () => {
    // address 3, key 2: L = 1 + 2 = 3, CS = 03 + 11 + 02 = 16
    expect([...encodeFrame({ address: 0x03, fn: fnKeyPress, data: Uint8Array.of(0x02) })]).toEqual([
      0xff, 0x68, 0x03, 0x03, 0x68, 0x03, 0x11, 0x02, 0x16, 0x16,
    ]);
    expect(checksum(0xff, 0xff, Uint8Array.of(0xff))).toBe((0xff * 3) & 0xff);
  });

  it('finds frames after noise and across chunk splits', () => {
    const decoder = new FrameDecoder();
    const frame = encodeFrame({ address: 1, fn: fnKeyPress, data: Uint8Array.of(3) });
    const stream = Uint8Array.from([0x00, 0x42, 0xff, ...frame, ...frame]);
    const items = [stream.subarray(0, 6), stream.subarray(6, 13), stream.subarray(13)].flatMap((c) =>
      decoder.push(c),
    );
    expect(items.filter((i) => i.kind === 'frame')).toHaveLength(2);
    expect(items[0]).toMatchObject({ kind: 'frame', frame: { address: 1, fn: 0x11 } });
  });

  it('reports a bad checksum and recovers on the next frame', () => {
    const decoder = new FrameDecoder();
    const bad = encodeFrame({ address: 1, fn: fnKeyPress, data: Uint8Array.of(0) });
    bad[bad.length - 2] = (bad[bad.length - 2] ?? 0) ^ 0xff;
    const good = encodeFrame({ address: 1, fn: fnKeyPress, data: Uint8Array.of(1) });
    const items = decoder.push(Uint8Array.from([...bad, ...good]));
    expect(items.map((i) => (i.kind === 'bad' ? i.reason : 'frame'))).toEqual(['checksum', 'frame']);
  });

  it('refuses lengths that disagree or are too large', () => {
    const decoder = new FrameDecoder();
    expect(decoder.push(Uint8Array.from([0xff, 0x68, 0x03, 0x04, 0x68]))[0]).toEqual({
      kind: 'bad',
      reason: 'layout',
    });
    expect(new FrameDecoder().push(Uint8Array.from([0xff, 0x68, 0xf0, 0xf0, 0x68]))[0]).toEqual({
      kind: 'bad',
      reason: 'length',
    });
  });

  it('never throws and never grows without bound on random bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 50 }), (chunks) => {
        const decoder = new FrameDecoder();
        for (const chunk of chunks) decoder.push(chunk);
        const good = encodeFrame({ address: 9, fn: fnKeyPress, data: Uint8Array.of(4) });
        // after any garbage, a flush of junk-free frames is still found (at most one may be swallowed by a
        // partial frame header that the garbage left open)
        const items = decoder.push(
          Uint8Array.from([...good, ...good, ...good, ...good, ...good, ...good, ...good, ...good]),
        );
        expect(items.filter((i) => i.kind === 'frame').length).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('gives exactly what the splice-based decoder gave, for any bytes in any split', () => {
    const good = encodeFrame({ address: 2, fn: fnKeyPress, data: Uint8Array.of(1) });
    const piece = fc.oneof(
      fc.uint8Array({ maxLength: 12 }),
      fc.constant(good),
      fc.constant(Uint8Array.of(0xff, 0x68)),
      fc.constant(Uint8Array.of(0xff, 0x68, 0x03, 0x03, 0x68)),
    );
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 6 }), { maxLength: 12 }), (chunks) => {
        const decoder = new FrameDecoder();
        const model = new SpliceModel();
        for (const pieces of chunks) {
          const chunk = Uint8Array.from(pieces.flatMap((p) => [...p]));
          expect(decoder.push(chunk)).toEqual(model.push(chunk));
        }
      }),
      { numRuns: 300, seed: 20_261_203 },
    );
  });

  it('reads 1 MB of bad frame starts in one chunk and still finds the frame after it', () => {
    const unit = [0xff, 0x68, 0x03, 0x04, 0x68];
    const garbage = Uint8Array.from({ length: 1_048_576 }, (_, i) => unit[i % unit.length] ?? 0);
    const decoder = new FrameDecoder();
    const items = decoder.push(
      Uint8Array.from([...garbage, ...encodeFrame({ address: 1, fn: fnKeyPress, data: Uint8Array.of(5) })]),
    );
    expect(items.filter((i) => i.kind === 'bad')).toHaveLength(Math.floor(garbage.length / unit.length));
    expect(items.at(-1)).toMatchObject({ kind: 'frame', frame: { address: 1 } });
  });
});
