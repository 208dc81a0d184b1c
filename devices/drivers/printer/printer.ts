import type { PaperWidth, PrintJobReport, PrinterCondition, ReceiptDocument } from '../../../src/kernel/receipt';
import type { Device, DeviceEvents } from '../../model/device';
import type { DeviceResult } from '../../model/result';
import type { ReceiptPreview } from './preview';

export type PrinterAlertKind = 'paper-near-end' | 'paper-out' | 'cover-open' | 'printer-error';

export interface PrinterAlert {
  readonly kind: PrinterAlertKind;
  /** Plain language for the technician console and the platform; never personal data. */
  readonly detail: string;
  readonly at: string;
}

export interface ReceiptPrinterEvents extends DeviceEvents {
  alert: PrinterAlert;
  job: PrintJobReport;
}

/** Every receipt printer driver looks like this to the rest of the app. */
export interface ReceiptPrinter extends Device<ReceiptPrinterEvents> {
  readonly paperWidth: PaperWidth;
  /** Where the printer is attached (tcp://…, /dev/ttyUSB0@9600, file:/dev/usb/lp0); never personal data. */
  readonly description: string;
  /** Queues a document; resolves with the typed outcome once the printer confirmed or gave up. Never throws. */
  print(doc: ReceiptDocument): Promise<PrintJobReport>;
  /** Real-time status (DLE EOT 1–4). Waits behind a running job. */
  queryCondition(): Promise<DeviceResult<PrinterCondition>>;
  recentJobs(): readonly PrintJobReport[];
  /** The document as this printer would print it (its paper width, its fonts), without printing. */
  preview(doc: ReceiptDocument): ReceiptPreview;
}
