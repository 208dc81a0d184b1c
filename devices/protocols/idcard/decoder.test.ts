import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameDecoder } from './decoder';
import { encodeFrame, encodeResponse, PREAMBLE } from './frame';
import { hexBytes } from './test-vectors';

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

function feed(decoder: FrameDecoder, bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const frames: Uint8Array[] = [];
  let at = 0;
  let i = 0;
  while (at < bytes.length) {
    const size = Math.max(1, sizes.length ? (sizes[i++ % sizes.length] ?? 1) : bytes.length);
    frames.push(...decoder.push(bytes.subarray(at, at + size)));
    at += size;
  }
  return frames;
}

const containsPreamble = (b: Uint8Array) => {
  for (let i = 0; i + 5 <= b.length; i += 1) if (PREAMBLE.every((p, k) => b[i + k] === p)) return true;
  return false;
};

const find = hexBytes('AAAAAA9669000800009F0000000097');

describe('FrameDecoder', () => {
  it('finds one frame delivered byte by byte after garbage', () => {
    const decoder = new FrameDecoder();
    const frames = feed(decoder, concat(hexBytes('00 FF AA AA 96 AA 13'), find), [1]);
    expect(frames).toEqual([hexBytes('00 00 9F 00 00 00 00')]);
    expect(decoder.stats.garbageBytes).toBe(7);
  });

  it('drops a frame whose checksum fails after any single-byte flip and still finds the next', () => {
    for (let i = 5; i < find.length; i += 1) {
      const bad = Uint8Array.from(find);
      bad[i] = (bad[i] ?? 0) ^ 0x01;
      const decoder = new FrameDecoder({ minLen: 4 });
      const frames = [...decoder.push(concat(bad, find)), ...decoder.abandonPartial()];
      expect(frames).toEqual([hexBytes('00 00 9F 00 00 00 00')]);
    }
  });

  it('resynchronises after a length above the cap', () => {
    const decoder = new FrameDecoder();
    const frames = decoder.push(concat(hexBytes('AA AA AA 96 69 FF FF 00 00'), find));
    expect(frames.length).toBe(1);
    expect(decoder.stats.badLengths).toBe(1);
  });

  it('finds a good frame that follows a truncated one once the truncated one is abandoned', () => {
    const decoder = new FrameDecoder();
    const truncated = encodeResponse(0x90, new Uint8Array(200)).subarray(0, 50);
    const got = decoder.push(concat(truncated, find));
    expect(got).toEqual([]);
    expect(decoder.abandonPartial()).toEqual([hexBytes('00 00 9F 00 00 00 00')]);
  });

  it('handles a frame split inside its preamble', () => {
    const decoder = new FrameDecoder();
    expect(decoder.push(find.subarray(0, 2))).toEqual([]);
    expect(decoder.push(find.subarray(2, 4))).toEqual([]);
    expect(decoder.push(find.subarray(4))).toHaveLength(1);
    expect(decoder.pending()).toBe(0);
  });

  it('property: random byte streams in random chunks never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1 }), (bytes, sizes) => {
        const decoder = new FrameDecoder();
        feed(decoder, bytes, sizes);
        decoder.abandonPartial();
      }),
    );
  });

  it('property: mutated good frames never throw and never yield a frame that fails its checksum', () => {
    const frame = fc.uint8Array({ maxLength: 300 }).map((d) => encodeResponse(0x90, d));
    fc.assert(
      fc.property(
        fc.array(frame, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1 }),
        (frames, mutations, sizes) => {
          const stream = concat(...frames);
          for (const [at, value] of mutations) if (stream.length) stream[at % stream.length] = value;
          const decoder = new FrameDecoder();
          for (const body of feed(decoder, stream, sizes)) {
            const again = new FrameDecoder().push(encodeFrame(body));
            expect(again).toEqual([body]);
          }
        },
      ),
    );
  });

  it('property: every good frame embedded in noise is found, in order, in any chunking', () => {
    const noise = fc.uint8Array({ maxLength: 200 }).filter((n) => !containsPreamble(n));
    const frame = fc.uint8Array({ maxLength: 400 }).map((d) => encodeResponse(0x90, d));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(noise, frame), { minLength: 1, maxLength: 6 }),
        noise,
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1 }),
        (pairs, tail, sizes) => {
          const stream = concat(...pairs.flatMap(([n, f]) => [n, f]), tail);
          // Noise that ends like the start of a preamble may swallow a frame only if it forms one; it cannot.
          const decoder = new FrameDecoder();
          const found = [...feed(decoder, stream, sizes), ...decoder.abandonPartial()];
          const expected = pairs.map(([, f]) => f.subarray(7, f.length - 1));
          expect(found).toEqual(expected);
        },
      ),
    );
  });
});
