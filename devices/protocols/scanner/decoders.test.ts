import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScanDecoder } from './decoders';
import { encodeHidPosReports } from './hid-pos';
import { encodeKeyboardReports } from './keyboard-report';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('scan decoders', () => {
  it('serial: one outcome per CR LF line, with an AIM prefix when configured', () => {
    const decoder = createScanDecoder({ input: 'serial', aimPrefix: true });
    expect(decoder.push(utf8(']E09787020000001\r\n]X0\r\n'), 0)).toEqual([
      { kind: 'scan', scan: { text: '9787020000001', symbology: 'ean13' } },
      { kind: 'rejected', reason: 'empty' },
    ]);
  });

  it('serial without a suffix: a code ends after the configured silence', () => {
    const decoder = createScanDecoder({ input: 'serial', serialIdleMs: 50 });
    expect(decoder.push(utf8('ABC'), 0)).toEqual([]);
    expect(decoder.push(utf8('123'), 10)).toEqual([]);
    expect(decoder.deadline()).toBe(60);
    expect(decoder.flush(40)).toEqual([]);
    expect(decoder.flush(60)).toEqual([{ kind: 'scan', scan: { text: 'ABC123' } }]);
    expect(decoder.deadline()).toBeNull();
    expect(createScanDecoder({ input: 'serial' }).push(utf8('ABC'), 0)).toEqual([]);
  });

  it('hid-pos: symbology from the report, UTF-8 Chinese data', () => {
    const decoder = createScanDecoder({ input: 'hid-pos' });
    const outcomes = encodeHidPosReports(utf8('受理编号ZW2026'), ']Q1').flatMap((r) => decoder.push(r, 0));
    expect(outcomes).toEqual([{ kind: 'scan', scan: { text: '受理编号ZW2026', symbology: 'qr' } }]);
  });

  it('keyboard-wedge: fast reports make a scan, the same keys typed slowly do not', () => {
    const fast = createScanDecoder({ input: 'keyboard-wedge' });
    const reports = encodeKeyboardReports('TRK-2026-000123');
    expect(reports.flatMap((r, i) => fast.push(r, i * 2))).toEqual([{ kind: 'scan', scan: { text: 'TRK-2026-000123' } }]);
    const slow = createScanDecoder({ input: 'keyboard-wedge' });
    expect(reports.flatMap((r, i) => slow.push(r, i * 150)).some((o) => o.kind === 'scan')).toBe(false);
  });
});

describe('untrusted scanner input (fuzz)', () => {
  // eslint-disable-next-line no-control-regex -- the property is about control characters
  const controlOrBidi = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
  const check = (outcomes: ReturnType<ReturnType<typeof createScanDecoder>['push']>, max: number) => {
    for (const o of outcomes) {
      if (o.kind !== 'scan') continue;
      expect(controlOrBidi.test(o.scan.text)).toBe(false);
      expect([...o.scan.text].length).toBeLessThanOrEqual(max);
      expect(o.scan.text.length).toBeGreaterThan(0);
    }
  };

  it('serial: any byte stream gives only clean, bounded text and never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 20 }), (chunks) => {
        const decoder = createScanDecoder({ input: 'serial', aimPrefix: true, maxLength: 64 });
        for (const chunk of chunks) check(decoder.push(chunk, 0), 64);
      }),
    );
  });

  it('hid-pos and keyboard-wedge: any reports give only clean, bounded text', () => {
    const report = fc.oneof(
      fc.uint8Array({ minLength: 64, maxLength: 64 }).map((r) => Uint8Array.from([0x02, ...r.subarray(1)])),
      fc.uint8Array({ minLength: 8, maxLength: 9 }),
    );
    fc.assert(
      fc.property(fc.array(report, { maxLength: 40 }), (reports) => {
        const hid = createScanDecoder({ input: 'hid-pos', maxLength: 100 });
        const wedge = createScanDecoder({ input: 'keyboard-wedge', maxLength: 100 });
        reports.forEach((r, i) => {
          check(hid.push(r, i), 100);
          check(wedge.push(r, i), 100);
        });
        check(wedge.flush(1e9), 100);
      }),
    );
  });
});
