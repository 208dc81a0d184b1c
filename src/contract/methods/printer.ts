import { z } from 'zod';
import { event, method } from '../define';
import { Empty } from '../empty';
import { DocumentKind, PaperWidth, PrintJobReport, PrinterCondition } from '../../kernel/receipt';

/** A rendered print preview: PNG bytes as base64, plus the text lines the printer would print. */
export const PrintPreview = z.object({
  mime: z.literal('image/png'),
  base64: z.string(),
  width: z.number().int().positive(),
  lines: z.array(z.string()),
  /** Characters the printer font lacks; they print as □. */
  unprintable: z.array(z.string()),
});
export type PrintPreview = z.infer<typeof PrintPreview>;

export const PrinterStatusResult = z.discriminatedUnion('available', [
  z.object({ available: z.literal(false), detail: z.string() }),
  z.object({
    available: z.literal(true),
    description: z.string(),
    paperWidth: PaperWidth,
    /** null when the printer did not answer the status request. */
    condition: PrinterCondition.nullable(),
    detail: z.string(),
    recentJobs: z.array(PrintJobReport),
  }),
]);
export type PrinterStatusResult = z.infer<typeof PrinterStatusResult>;

export const SimPaperState = z.enum(['ok', 'near-end', 'out', 'cover-open']);
export type SimPaperState = z.infer<typeof SimPaperState>;

export const SimulatedPrintJob = z.object({
  id: z.number().int(),
  at: z.string(),
  outcome: z.enum(['printed', 'discarded']),
  bytes: z.number().int(),
  png: z.string().nullable(),
});

export const PrinterAlert = z.object({
  kind: z.enum(['paper-near-end', 'paper-out', 'cover-open', 'printer-error']),
  detail: z.string(),
  at: z.string(),
});
export type PrinterAlert = z.infer<typeof PrinterAlert>;

export const printerMethods = {
  'printer.status': method({
    description: 'Real-time printer status (DLE EOT 1–4) and the outcomes of recent jobs.',
    input: Empty,
    output: PrinterStatusResult,
  }),
  'printer.printTestPage': method({
    description: 'Print the technician test page; returns the typed outcome and a PNG preview of the same bytes.',
    roles: ['kiosk', 'window', 'technician'],
    privileged: true,
    input: z.object({ english: z.boolean().optional() }).strict(),
    output: z.object({ report: PrintJobReport, preview: PrintPreview }),
  }),
  'printer.preview': method({
    description: 'Render a document kind with its sample data to PNG, as the printer would print it.',
    input: z.object({ kind: DocumentKind, english: z.boolean().optional(), paperWidth: PaperWidth.optional() }).strict(),
    output: PrintPreview,
  }),
  'sim.printer.setPaper': method({
    description: 'Set the simulated printer paper/cover state (simulated device profile only).',
    input: z.object({ state: SimPaperState }).strict(),
    output: z.object({ state: SimPaperState }),
  }),
  'sim.printer.jobs': method({
    description: 'Recent jobs the simulated printer received, newest first, with PNG (base64) of the last few.',
    input: z.object({ limit: z.number().int().min(1).max(20).optional() }).strict(),
    output: z.array(SimulatedPrintJob),
  }),
} as const;

export const printerEvents = {
  'printer.alert': event({ description: 'Printer maintenance alert (paper near end, out, cover open, error).', payload: PrinterAlert }),
  'printer.job': event({ description: 'A print job finished with a typed outcome.', payload: PrintJobReport }),
} as const;
