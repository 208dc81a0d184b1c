import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameDecoder, checksum, encodeFrame, fnKeyPress } from './frame';

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
    const items = [stream.subarray(0, 6), stream.subarray(6, 13), stream.subarray(13)].flatMap((c) => decoder.push(c));
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
    expect(decoder.push(Uint8Array.from([0xff, 0x68, 0x03, 0x04, 0x68]))[0]).toEqual({ kind: 'bad', reason: 'layout' });
    expect(new FrameDecoder().push(Uint8Array.from([0xff, 0x68, 0xf0, 0xf0, 0x68]))[0]).toEqual({ kind: 'bad', reason: 'length' });
  });

  it('never throws and never grows without bound on random bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 50 }), (chunks) => {
        const decoder = new FrameDecoder();
        for (const chunk of chunks) decoder.push(chunk);
        const good = encodeFrame({ address: 9, fn: fnKeyPress, data: Uint8Array.of(4) });
        // after any garbage, a flush of junk-free frames is still found (at most one may be swallowed by a
        // partial frame header that the garbage left open)
        const items = decoder.push(Uint8Array.from([...good, ...good, ...good, ...good, ...good, ...good, ...good, ...good]));
        expect(items.filter((i) => i.kind === 'frame').length).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
