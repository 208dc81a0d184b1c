import type { DocumentKind, PaperWidth, ReceiptDocument } from '../kernel/receipt';
import { acceptanceNotice } from './acceptance-notice';
import { applicationReceipt } from './application-receipt';
import type { Language } from './format';
import { oneTimeNotice } from './one-time-notice';
import { queueTicket } from './queue-ticket';
import { sampleAcceptanceNotice, sampleApplicationReceipt, sampleOneTimeNotice, sampleQueueTicket } from './samples';
import { testPage } from './test-page';

export * from './acceptance-notice';
export * from './application-receipt';
export * from './fallback';
export * from './one-time-notice';
export * from './queue-ticket';
export * from './rejection-notice';
export * from './test-page';
export * from './samples';

export interface SampleOptions extends Language {
  paperWidth: PaperWidth;
  terminalId?: string;
  printerDescription?: string;
  printedAt?: string;
}

/** Each document kind filled with the fixed sample data (print preview, simulator, technician console). */
export function sampleDocument(kind: DocumentKind, options: SampleOptions): ReceiptDocument {
  switch (kind) {
    case 'application-receipt':
      return applicationReceipt(sampleApplicationReceipt, options);
    case 'acceptance-notice':
      return acceptanceNotice(sampleAcceptanceNotice, options);
    case 'one-time-notice':
      return oneTimeNotice(sampleOneTimeNotice, options);
    case 'queue-ticket':
      return queueTicket(sampleQueueTicket, options);
    case 'test-page':
      return testPage({
        terminalId: options.terminalId ?? 'T-0001',
        printerDescription: options.printerDescription ?? 'ESC/POS',
        paperWidth: options.paperWidth,
        printedAt: options.printedAt ?? '2026-11-23T09:00:00+08:00',
      });
  }
}
