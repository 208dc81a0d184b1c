import { z } from 'zod';
import { event, method } from '../define';

/** Symbologies we can name from an AIM identifier (ISO/IEC 15424) or a HID-POS report. */
export const Symbology = z.enum([
  'code128',
  'gs1-128',
  'code39',
  'code93',
  'codabar',
  'itf',
  'ean13',
  'ean8',
  'upca',
  'upce',
  'gs1-databar',
  'qr',
  'data-matrix',
  'pdf417',
  'aztec',
  'han-xin',
  'other',
]);
export type Symbology = z.infer<typeof Symbology>;

/** Longest scan text we accept; a QR code holds at most 7089 digits, receipts and codes here are far shorter. */
export const maxScanLength = 4096;

export const ScanPayload = z.object({
  /** Sanitised: control characters removed, length-limited. Render as text, never as markup. */
  text: z.string().min(1).max(maxScanLength),
  symbology: Symbology.optional(),
});
export type ScanPayload = z.infer<typeof ScanPayload>;

export const scannerMethods = {
  'sim.scanner.scan': method({
    description: 'Make the simulated scanner read a code (simulated device profile only).',
    input: z.object({ text: z.string().min(1).max(maxScanLength) }).strict(),
    output: z.object({ sent: z.literal(true) }),
  }),
} as const;

export const scannerEvents = {
  scan: event({ description: 'The barcode/QR scanner read a code.', payload: ScanPayload }),
} as const;
