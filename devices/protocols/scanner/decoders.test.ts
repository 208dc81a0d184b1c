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
