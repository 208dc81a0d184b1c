import { describe, expect, it } from 'vitest';
import { LineFramer } from './line-framer';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const lines = (frames: ReturnType<LineFramer['push']>): string[] =>
  frames.map((f) => (f.kind === 'line' ? new TextDecoder().decode(f.bytes) : '<overflow>'));

describe('serial scanner framing', () => {
  it('splits on CR, LF and CR LF without empty lines', () => {
    const framer = new LineFramer(100);
    expect(lines(framer.push(bytes('A1\rB2\nC3\r\nD4')))).toEqual(['A1', 'B2', 'C3']);
    expect(framer.pendingBytes()).toBe(2);
    expect(lines(framer.push(bytes('\r\n')))).toEqual(['D4']);
  });

  it('joins a code split across chunks', () => {
    const framer = new LineFramer(100);
    const all = ['69012', '3456', '7892\r', '\n'].flatMap((c) => lines(framer.push(bytes(c))));
    expect(all).toEqual(['6901234567892']);
  });

  it('discards an over-long line once and keeps framing after it', () => {
    const framer = new LineFramer(8);
    expect(lines(framer.push(bytes('0123456789ABCDEF\r\nOK\r\n')))).toEqual(['<overflow>', 'OK']);
  });
});
