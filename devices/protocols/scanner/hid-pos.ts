/**
 * HID-POS barcode scanner input reports (USB HID Point of Sale Usage Tables 1.02, usage page 0x8C), in
 * the 64-byte layout Honeywell, Zebra and Access-IS scanners send (Access-IS LSR116/ATR110 manuals,
 * appendix "HID reports"): byte 0 report ID 0x02, byte 1 data length (0–56), bytes 2–4 the AIM identifier,
 * bytes 5–60 data, byte 61 a vendor symbology code, byte 62 reserved, byte 63 bit 0 "more data follows".
 * A code longer than 56 bytes arrives in several reports.
 */
export const hidPosReportId = 0x02;
export const hidPosReportSize = 64;
export const hidPosMaxData = 56;
const dataOffset = 5;

export interface HidPosReport {
  readonly aim: string;
  readonly data: Uint8Array;
  readonly more: boolean;
  readonly vendorSymbology: number;
}

export type HidPosDecodeResult =
  | { readonly ok: true; readonly report: HidPosReport }
  | { readonly ok: false; readonly reason: 'other-report' | 'short' | 'bad-length' };

export function decodeHidPosReport(bytes: Uint8Array): HidPosDecodeResult {
  if (bytes.length === 0 || bytes[0] !== hidPosReportId) return { ok: false, reason: 'other-report' };
  if (bytes.length < hidPosReportSize) return { ok: false, reason: 'short' };
  const length = bytes[1] ?? 0;
  if (length > hidPosMaxData) return { ok: false, reason: 'bad-length' };
  const aim = String.fromCharCode(bytes[2] ?? 0, bytes[3] ?? 0, bytes[4] ?? 0);
  return {
    ok: true,
    report: {
      aim: aim.startsWith(']') ? aim : '',
      data: bytes.slice(dataOffset, dataOffset + length),
      more: ((bytes[63] ?? 0) & 0x01) === 1,
      vendorSymbology: bytes[61] ?? 0,
    },
  };
}

/** Builds the reports a scanner would send for `data` (used by the simulator and tests). */
export function encodeHidPosReports(data: Uint8Array, aim: string): Uint8Array[] {
  const reports: Uint8Array[] = [];
  for (let start = 0; start === 0 || start < data.length; start += hidPosMaxData) {
    const chunk = data.subarray(start, start + hidPosMaxData);
    const report = new Uint8Array(hidPosReportSize);
    report[0] = hidPosReportId;
    report[1] = chunk.length;
    for (let i = 0; i < 3; i += 1) report[2 + i] = aim.charCodeAt(i) & 0xff;
    report.set(chunk, dataOffset);
    report[63] = start + hidPosMaxData < data.length ? 1 : 0;
    reports.push(report);
  }
  return reports;
}

export type HidPosAssembly =
  | { readonly kind: 'complete'; readonly data: Uint8Array; readonly aim: string | undefined }
  | { readonly kind: 'rejected'; readonly reason: 'too-long' | 'malformed' };

/** Joins continued reports into one code, bounded by `maxBytes`; reports of other IDs are ignored. */
export class HidPosAssembler {
  private parts: Uint8Array[] = [];
  private size = 0;
  private overflowed = false;
  private aim: string | undefined;

  constructor(private readonly maxBytes: number) {}

  push(bytes: Uint8Array): HidPosAssembly | null {
    const decoded = decodeHidPosReport(bytes);
    if (!decoded.ok) {
      if (decoded.reason === 'other-report') return null;
      this.reset();
      return { kind: 'rejected', reason: 'malformed' };
    }
    const { report } = decoded;
    if (this.parts.length === 0 && !this.overflowed) this.aim = report.aim === '' ? undefined : report.aim;
    if (!this.overflowed) {
      this.size += report.data.length;
      if (this.size > this.maxBytes) {
        this.overflowed = true;
        this.parts = [];
      } else {
        this.parts.push(report.data);
      }
    }
    if (report.more) return null;
    const overflowed = this.overflowed;
    const data = concat(this.parts, this.size);
    const aim = this.aim;
    this.reset();
    return overflowed ? { kind: 'rejected', reason: 'too-long' } : { kind: 'complete', data, aim };
  }

  reset(): void {
    this.parts = [];
    this.size = 0;
    this.overflowed = false;
    this.aim = undefined;
  }
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(Math.min(size, parts.reduce((n, p) => n + p.length, 0)));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
