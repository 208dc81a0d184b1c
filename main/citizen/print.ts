// Printing for the citizen: a document either comes out of the printer or the screen says what to do
// instead. A missing, hung or out-of-paper printer never blocks the flow: the result is typed.
import QRCode from 'qrcode';
import type { PrintOutcome, ReceiptDocument } from '../../src/kernel/receipt';
import type { PrintResult, QrMatrix } from '../../src/contract';
import { printFallback } from '../../src/documents';
import type { ReceiptPrinter } from '../../devices/drivers/printer/printer';

/** How long the flow waits for the printer before telling the citizen it did not print. */
export const PRINT_TIMEOUT_MS = 20_000;

/** The modules of a QR code (level M), row-major, for the screen to draw. */
export function qrMatrix(text: string): QrMatrix {
  const symbol = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = symbol.modules;
  let modules = '';
  for (let i = 0; i < size * size; i += 1) modules += data[i] ? '1' : '0';
  return { size, modules };
}

export async function printDocument(printer: Pick<ReceiptPrinter, 'print'> | null, doc: ReceiptDocument, timeoutMs = PRINT_TIMEOUT_MS): Promise<PrintOutcome> {
  if (!printer) return 'offline';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<PrintOutcome>((resolve) => {
    timer = setTimeout(() => resolve('offline'), timeoutMs);
  });
  try {
    return await Promise.race([printer.print(doc).then((report) => report.outcome), timeout]);
  } catch {
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}

/** Prints a receipt; when it does not print, the screen gets the same QR and where to get a paper copy. */
export async function printReceipt(printer: Pick<ReceiptPrinter, 'print'> | null, doc: ReceiptDocument, trackingNumber: string, paperCopyAt: string, timeoutMs?: number): Promise<PrintResult> {
  const outcome = await printDocument(printer, doc, timeoutMs);
  const fallback = printFallback(outcome, trackingNumber, paperCopyAt);
  return {
    outcome,
    fallback: fallback ? { trackingNumber, qr: qrMatrix(fallback.qrPayload), message: fallback.message } : null,
  };
}
