import type { ScanPayload } from '../../../src/contract';
import type { Device, DeviceEvents } from '../../model/device';
import type { RejectReason } from '../../protocols/scanner/outcome';

export interface ScannerEvents extends DeviceEvents {
  /** One sanitised code per read. */
  scan: ScanPayload;
  /** Input that was not a scan (typing on a wedge, an over-long or empty code, a malformed report). */
  rejected: { reason: RejectReason };
}

/** Every barcode/QR scanner driver looks like this to the rest of the app. */
export interface Scanner extends Device<ScannerEvents> {
  /** Counts since open, for the technician console (no scanned content). */
  counts(): { readonly scans: number; readonly rejected: Readonly<Record<string, number>> };
}
