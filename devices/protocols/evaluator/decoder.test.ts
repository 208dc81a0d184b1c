import { describe, expect, it } from 'vitest';
import { encodeKeyboardReports } from '../scanner/keyboard-report';
import { createPadDecoder } from './decoder';
import { encodeFrame, fnKeyPress } from './frame';
import { keyForLevel, keyMaps, levelForKey } from './keymaps';
import type { KeyMap } from './keymaps';
import { gbCodeOf, isBadReview, provincialCodeOf } from './levels';
import { EvaluationLevel } from '../../../src/contract';

const press = (key: number, address = 1): Uint8Array => encodeFrame({ address, fn: fnKeyPress, data: Uint8Array.of(key) });

describe('evaluator key mapping', () => {
  it('maps each model table to the five levels', () => {
    expect(levelForKey(keyMaps['generic-5'], '0')).toEqual({ ok: true, level: '非常满意' });
    expect(levelForKey(keyMaps['generic-5'], '4')).toEqual({ ok: true, level: '非常不满意' });
    expect(levelForKey(keyMaps['queuesystem-4'], '0')).toEqual({ ok: true, level: '不满意' });
    expect(levelForKey(keyMaps['queuesystem-4'], '3')).toEqual({ ok: true, level: '非常满意' });
    expect(levelForKey(keyMaps['queuesystem-4'], '4')).toEqual({ ok: false, reason: 'unmapped-key' });
    expect(levelForKey(keyMaps['hid-digits-5'], 'constructor')).toEqual({ ok: false, reason: 'unmapped-key' });
  });

  it('every five-key table covers every level exactly once', () => {
    const fiveKey: KeyMap[] = [keyMaps['generic-5'], keyMaps['hid-digits-5']];
    for (const map of fiveKey) {
      expect(new Set(Object.values(map.keys))).toEqual(new Set(EvaluationLevel.options));
      for (const level of EvaluationLevel.options) {
        const key = keyForLevel(map, level);
        expect(key === undefined ? undefined : levelForKey(map, key)).toEqual({ ok: true, level });
      }
    }
    expect(keyForLevel(keyMaps['queuesystem-4'], '非常不满意')).toBeUndefined();
  });

  it('codes levels both ways and flags 差评', () => {
    expect(gbCodeOf('非常满意')).toBe(1);
    expect(provincialCodeOf('非常满意')).toBe(5);
    expect(provincialCodeOf('非常不满意')).toBe(1);
    expect(EvaluationLevel.options.filter(isBadReview)).toEqual(['不满意', '非常不满意']);
  });
});

describe('pad decoders', () => {
  it('bus: acknowledges by echo and reports the level', () => {
    const decoder = createPadDecoder({ input: 'bus', keyMap: keyMaps['generic-5'] });
    expect(decoder.push(press(2), 0)).toEqual([
      { kind: 'reply', bytes: press(2) },
      { kind: 'key', key: '2', level: '基本满意' },
    ]);
  });

  it('bus: a resent frame inside the repeat window is acknowledged but counted once', () => {
    const decoder = createPadDecoder({ input: 'bus', keyMap: keyMaps['generic-5'], repeatWindowMs: 300 });
    const kinds = (items: ReturnType<typeof decoder.push>) => items.map((i) => i.kind);
    expect(kinds(decoder.push(press(0), 0))).toEqual(['reply', 'key']);
    expect(kinds(decoder.push(press(0), 200))).toEqual(['reply']);
    expect(kinds(decoder.push(press(0), 900))).toEqual(['reply', 'key']);
  });

  it('bus: ignores other addresses, acknowledges caller frames without a key event, rejects unmapped keys', () => {
    const decoder = createPadDecoder({ input: 'bus', keyMap: keyMaps['queuesystem-4'], address: 1 });
    expect(decoder.push(press(0, 2), 0)).toEqual([{ kind: 'rejected', reason: 'other-address' }]);
    const caller = encodeFrame({ address: 1, fn: 0x05, data: Uint8Array.of(0x0c) });
    expect(decoder.push(caller, 10)).toEqual([{ kind: 'reply', bytes: caller }]);
    expect(decoder.push(press(7), 20)).toEqual([
      { kind: 'reply', bytes: press(7) },
      { kind: 'rejected', reason: 'unmapped-key' },
    ]);
  });

  it('hid-keys: typed digits become levels, other keys are refused', () => {
    const decoder = createPadDecoder({ input: 'hid-keys', keyMap: keyMaps['hid-digits-5'] });
    const items = encodeKeyboardReports('15x', 'none').flatMap((r) => decoder.push(r, 0));
    expect(items).toEqual([
      { kind: 'key', key: '1', level: '非常满意' },
      { kind: 'key', key: '5', level: '非常不满意' },
      { kind: 'rejected', reason: 'unmapped-key' },
    ]);
  });
});
