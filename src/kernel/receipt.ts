import { z } from 'zod';

// The receipt document: what a template produces and what a printer driver encodes. Printer-neutral:
// no bytes, no code pages; widths are in dots so the same document lays out on 58 mm and 80 mm paper.

/** Printable width in dots at 203 dpi: 58 mm paper → 384, 80 mm paper → 576. */
export const PaperWidth = z.union([z.literal(384), z.literal(576)]);
export type PaperWidth = z.infer<typeof PaperWidth>;

export function paperWidthDots(mm: 58 | 80): PaperWidth {
  return mm === 58 ? 384 : 576;
}

export const Align = z.enum(['left', 'center', 'right']);
export type Align = z.infer<typeof Align>;

/** Character magnification (GS !): 1 normal, 2 double. Width and height separately. */
export const Magnification = z.union([z.literal(1), z.literal(2), z.literal(3)]);

const text = z.string().max(4000);

export const TextBlock = z.object({
  kind: z.literal('text'),
  text,
  align: Align.default('left'),
  bold: z.boolean().default(false),
  underline: z.boolean().default(false),
  width: Magnification.default(1),
  height: Magnification.default(1),
});

/** A label on the left and a value on the right of the same line (wraps the value when too long). */
export const PairBlock = z.object({
  kind: z.literal('pair'),
  left: text,
  right: text,
  bold: z.boolean().default(false),
});

export const QrBlock = z.object({
  kind: z.literal('qr'),
  data: z.string().min(1).max(700),
  /** Dots per module, 3–8 fit 48 mm paper for short payloads. */
  cell: z.number().int().min(3).max(8).default(6),
  level: z.enum(['L', 'M', 'Q', 'H']).default('M'),
  align: Align.default('center'),
});

export const BarcodeBlock = z.object({
  kind: z.literal('barcode'),
  /** Code 128, printable ASCII only. */
  data: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[\x20-\x7e]+$/, 'Code 128 takes printable ASCII only'),
  height: z.number().int().min(24).max(255).default(64),
  module: z.number().int().min(2).max(4).default(2),
  hri: z.boolean().default(true),
  align: Align.default('center'),
});

export const RuleBlock = z.object({ kind: z.literal('rule'), style: z.enum(['single', 'double']).default('single') });
export const FeedBlock = z.object({ kind: z.literal('feed'), lines: z.number().int().min(1).max(10).default(1) });
export const CutBlock = z.object({ kind: z.literal('cut'), partial: z.boolean().default(true) });

export const ReceiptBlock = z.discriminatedUnion('kind', [TextBlock, PairBlock, QrBlock, BarcodeBlock, RuleBlock, FeedBlock, CutBlock]);
export type ReceiptBlock = z.infer<typeof ReceiptBlock>;
export type ReceiptBlockInput = z.input<typeof ReceiptBlock>;

export const ReceiptDocument = z.object({
  /** What kind of paper this is, for logs and the job list (e.g. 'application-receipt'). */
  title: z.string().min(1).max(80),
  blocks: z.array(ReceiptBlock).max(400),
});
export type ReceiptDocument = z.infer<typeof ReceiptDocument>;
export type ReceiptDocumentInput = z.input<typeof ReceiptDocument>;

/** The document kinds a hall prints (src/documents). */
export const DocumentKind = z.enum(['application-receipt', 'acceptance-notice', 'one-time-notice', 'queue-ticket', 'test-page']);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** What the printer said about itself, parsed from DLE EOT 1–4. */
export const PrinterCondition = z.object({
  online: z.boolean(),
  coverOpen: z.boolean(),
  paperOut: z.boolean(),
  paperNearEnd: z.boolean(),
  cutterError: z.boolean(),
  unrecoverableError: z.boolean(),
  autoRecoverableError: z.boolean(),
});
export type PrinterCondition = z.infer<typeof PrinterCondition>;

/** The typed outcome of one print job. Only `printed` means the printer confirmed the job. */
export const PrintOutcome = z.enum(['printed', 'paper-out', 'cover-open', 'offline', 'failed']);
export type PrintOutcome = z.infer<typeof PrintOutcome>;

export const PrintJobReport = z.object({
  jobId: z.string(),
  title: z.string(),
  outcome: PrintOutcome,
  /** Plain language for the technician; never personal data. */
  detail: z.string(),
  attempts: z.number().int().min(0),
  /** Set when the printer reported paper near its end while printing this job. */
  paperNearEnd: z.boolean(),
  bytes: z.number().int().min(0),
  at: z.string(),
});
export type PrintJobReport = z.infer<typeof PrintJobReport>;
