import { describe, expect, it } from 'vitest';
import type { KeyStroke } from './keyboard-report';
import { WedgeAssembler, defaultWedgeOptions } from './wedge';

const chars = (text: string): KeyStroke[] => [...text].map((char) => ({ kind: 'char', char }));
const enter: KeyStroke = { kind: 'enter' };

/** Feeds strokes `gapMs` apart starting at `start`; returns every output and the time after the last key. */
function feed(assembler: WedgeAssembler, strokes: KeyStroke[], gapMs: number, start = 0) {
  let t = start;
  const outputs = strokes.flatMap((stroke) => {
    const out = assembler.push(stroke, t);
    t += gapMs;
    return out;
  });
  return { outputs, t };
}

describe('keyboard-wedge assembly', () => {
  it('takes a fast burst ending in Enter as a scan', () => {
    const { outputs } = feed(new WedgeAssembler(), [...chars('6901234567892'), enter], 4);
    expect(outputs).toEqual([{ kind: 'text', text: '6901234567892' }]);
  });

  it('refuses slow human typing even when it ends in Enter', () => {
    const { outputs } = feed(new WedgeAssembler(), [...chars('1234'), enter], 180);
    expect(outputs.some((o) => o.kind === 'text')).toBe(false);
    expect(outputs.every((o) => o.kind === 'rejected' && o.reason === 'human-typing')).toBe(true);
  });

  it('refuses a fast burst that is too short (one key and Enter)', () => {
    const { outputs } = feed(new WedgeAssembler(), [...chars('7'), enter], 2);
    expect(outputs).toEqual([{ kind: 'rejected', reason: 'human-typing' }]);
  });

  it('still reads a scan that follows stray typing', () => {
    const assembler = new WedgeAssembler();
    const typed = feed(assembler, chars('ab'), 200);
    const scanned = feed(assembler, [...chars('QR-0001'), enter], 3, typed.t + 500);
    expect(scanned.outputs).toEqual([
      { kind: 'rejected', reason: 'human-typing' },
      { kind: 'text', text: 'QR-0001' },
    ]);
  });

  it('without a terminator, ends a scan after the idle time', () => {
    const assembler = new WedgeAssembler({ ...defaultWedgeOptions, terminator: 'none', idleMs: 50 });
    const { outputs, t } = feed(assembler, chars('ABC123'), 3);
    expect(outputs).toEqual([]);
    const deadline = assembler.deadline();
    expect(deadline).not.toBeNull();
    expect(assembler.flushIfIdle(t)).toEqual([]);
    expect(assembler.flushIfIdle(deadline ?? 0)).toEqual([{ kind: 'text', text: 'ABC123' }]);
    expect(assembler.deadline()).toBeNull();
  });

  it('refuses a burst longer than the limit', () => {
    const assembler = new WedgeAssembler({ ...defaultWedgeOptions, maxLength: 10 });
    const { outputs } = feed(assembler, [...chars('X'.repeat(20)), enter], 2);
    expect(outputs).toEqual([{ kind: 'rejected', reason: 'too-long' }]);
  });
});
