import { ContractError } from '../../src/contract';
import type { Handlers, PrintPreview } from '../../src/contract';
import { createLineRasterizer } from '../../devices/drivers/printer/raster-text';
import { previewReceipt } from '../../devices/drivers/printer/preview';
import type { ReceiptPreview } from '../../devices/drivers/printer/preview';
import type { DeviceSet } from '../../devices/manager/roles';
import { describeCondition } from '../../devices/protocols/escpos/status';
import { systemGlyphPainter } from '../../devices/preview/glyphs';
import { sampleDocument } from '../../src/documents';

type PrinterHandlers = Pick<Handlers, 'printer.status' | 'printer.printTestPage' | 'printer.preview' | 'sim.printer.setPaper' | 'sim.printer.jobs'>;

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** For previews at a paper width the bound printer is not set to (or with no printer bound): the drivers' font. */
const rasterizeLine = createLineRasterizer();
// Opened on the first preview, not at start: reading a CJK font collection takes a while.
const painter = () => systemGlyphPainter();

/** The driver's preview (the PNG of exactly the bytes it would send) as the contract carries it. */
export function toPrintPreview(preview: ReceiptPreview): PrintPreview {
  return { mime: 'image/png', base64: toBase64(preview.png), width: preview.paperWidth, lines: [...preview.lines], unprintable: [...preview.unprintable] };
}

function simulatorOf(devices: Pick<DeviceSet, 'simulator'>) {
  const control = devices.simulator?.printer;
  if (!control) throw new ContractError('FORBIDDEN', 'simulator.notAvailable', { detail: 'The printer simulator is only available with --devices simulated' });
  return control.virtual;
}

/** `terminalId` is read per call: the technician can change the terminal number while the terminal runs. */
export function printerHandlers(devices: Pick<DeviceSet, 'printer' | 'simulator'>, terminalId: () => string = () => 'T-0001'): PrinterHandlers {
  return {
    'printer.status': async () => {
      const printer = devices.printer;
      if (!printer) return { available: false, detail: 'no receipt printer configured; set HALL_PRINTER' };
      const result = await printer.queryCondition();
      const condition = result.code === 'ok' ? result.value : null;
      return {
        available: true,
        description: printer.description,
        paperWidth: printer.paperWidth,
        condition,
        detail: condition ? describeCondition(condition) : result.code === 'ok' ? 'ready' : result.detail,
        recentJobs: [...printer.recentJobs()],
      };
    },
    'printer.printTestPage': async ({ english }) => {
      const printer = devices.printer;
      if (!printer) throw new ContractError('DEVICE_UNAVAILABLE', 'printer.notConfigured', { detail: 'no receipt printer configured' });
      const doc = sampleDocument('test-page', { paperWidth: printer.paperWidth, english: english ?? false, terminalId: terminalId(), printerDescription: printer.description, printedAt: new Date().toISOString() });
      const report = await printer.print(doc);
      return { report, preview: toPrintPreview(printer.preview(doc)) };
    },
    'printer.preview': ({ kind, english, paperWidth }) => {
      const printer = devices.printer;
      const width = paperWidth ?? printer?.paperWidth ?? 576;
      const doc = sampleDocument(kind, { paperWidth: width, english: english ?? false, terminalId: terminalId() });
      return toPrintPreview(printer && printer.paperWidth === width ? printer.preview(doc) : previewReceipt(doc, { paperWidth: width, rasterizeLine, painter: painter() }));
    },
    'sim.printer.setPaper': ({ state }) => {
      simulatorOf(devices).setPaper(state);
      // Ask at once so the console sees the alert now rather than at the next poll.
      void devices.printer?.queryCondition();
      return { state };
    },
    'sim.printer.jobs': ({ limit }) => {
      const virtual = simulatorOf(devices);
      const jobs = [...virtual.recentJobs()].reverse().slice(0, limit ?? 10);
      return jobs.map((job, index) => {
        // PNGs only for the newest few: rendering is the expensive part.
        const png = index < 3 ? virtual.jobPng(job.id) : null;
        return { id: job.id, at: job.at, outcome: job.outcome, bytes: job.bytes.length, png: png ? toBase64(png) : null };
      });
    },
  };
}
