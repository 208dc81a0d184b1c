import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HidPosAssembler, decodeHidPosReport, encodeHidPosReports, hidPosReportSize } from './hid-pos';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The first report of the Access-IS manual's worked example: 56 bytes of a boarding pass, more to come. */
function manualExampleReport(): Uint8Array {
  const report = new Uint8Array(hidPosReportSize);
  report.set([0x02, 0x38, 0x5d, 0x51, 0x30]);
  report.set(ascii('M1GATHERGOOD/MICHAEL YABCDEF LHRDURAK 3542 052Y003D23  '.padEnd(56, ' ')), 5);
  report[61] = 0x73;
  report[63] = 0x01;
  return report;
}

describe('HID-POS report decoding', () => {
  it('reads length, AIM identifier, data, vendor code and the continuation bit', () => {
    const decoded = decodeHidPosReport(manualExampleReport());
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.report.aim).toBe(']Q0');
    expect(decoded.report.data.length).toBe(56);
    expect(decoded.report.more).toBe(true);
    expect(decoded.report.vendorSymbology).toBe(0x73);
  });

  it('ignores other report IDs and refuses short or over-long reports', () => {
    expect(decodeHidPosReport(new Uint8Array([0x01, 0x02]))).toEqual({ ok: false, reason: 'other-report' });
    expect(decodeHidPosReport(new Uint8Array([0x02, 0x01, 0x5d]))).toEqual({ ok: false, reason: 'short' });
    const bad = new Uint8Array(hidPosReportSize);
    bad[0] = 0x02;
    bad[1] = 57;
    expect(decodeHidPosReport(bad)).toEqual({ ok: false, reason: 'bad-length' });
  });

  it('joins continued reports into one code', () => {
    const text = 'X'.repeat(60);
    const reports = encodeHidPosReports(ascii(text), ']C0');
    expect(reports).toHaveLength(2);
    const assembler = new HidPosAssembler(4096);
    expect(assembler.push(reports[0] ?? new Uint8Array())).toBeNull();
    const done = assembler.push(reports[1] ?? new Uint8Array());
    expect(done?.kind).toBe('complete');
    if (done?.kind !== 'complete') return;
    expect(new TextDecoder().decode(done.data)).toBe(text);
    expect(done.aim).toBe(']C0');
  });

  it('refuses a code longer than the limit and recovers for the next one', () => {
    const assembler = new HidPosAssembler(100);
    const long = encodeHidPosReports(new Uint8Array(200).fill(0x41), ']C0');
    const results = long.map((r) => assembler.push(r));
    expect(results.at(-1)).toEqual({ kind: 'rejected', reason: 'too-long' });
    const next = encodeHidPosReports(ascii('OK123'), ']E0').map((r) => assembler.push(r));
    expect(next.at(-1)).toMatchObject({ kind: 'complete', aim: ']E0' });
  });

  it('round-trips any byte string through encode and assemble', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), (data) => {
        const assembler = new HidPosAssembler(1000);
        const outputs = encodeHidPosReports(data, ']Q1').map((r) => assembler.push(r));
        const last = outputs.at(-1);
        expect(outputs.slice(0, -1).every((o) => o === null)).toBe(true);
        expect(last).toEqual({ kind: 'complete', data, aim: ']Q1' });
      }),
    );
  });
});
