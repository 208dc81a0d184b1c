import { ContractError } from '../../src/contract';
import type { Handlers, PaperWidth, PrintPreview, ReceiptDocument } from '../../src/contract';
import { createLineRasterizer } from '../../devices/drivers/printer/raster-text';
import { encodeReceipt } from '../../devices/protocols/escpos/encoder';
import { interpret } from '../../devices/protocols/escpos/interpreter';
import { renderPng } from '../../devices/protocols/escpos/render';
import { describeCondition } from '../../devices/protocols/escpos/status';
import { sampleDocument } from '../../src/documents';
import type { DeviceSet } from '../devices';

type PrinterHandlers = Pick<Handlers, 'printer.status' | 'printer.printTestPage' | 'printer.preview' | 'sim.printer.setPaper' | 'sim.printer.jobs'>;

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** The PNG of exactly the bytes the driver would send, plus the text lines the printer would print. */
const rasterizeLine = createLineRasterizer();

export function previewOf(doc: ReceiptDocument, paperWidth: PaperWidth): PrintPreview {
  const encoded = encodeReceipt(doc, { paperWidth, rasterizeLine });
  const job = interpret(encoded.bytes, paperWidth);
  return { mime: 'image/png', base64: toBase64(renderPng(job)), width: paperWidth, lines: [...job.lines], unprintable: [...encoded.unprintable] };
}

function simulatorOf(devices: DeviceSet) {
  const control = devices.simulator?.printer;
  if (!control) throw new ContractError('FORBIDDEN', 'simulator.notAvailable', { detail: 'The printer simulator is only available with --devices simulated' });
  return control.virtual;
}

/** `terminalId` is read per call: the technician can change the terminal number while the terminal runs. */
export function printerHandlers(devices: DeviceSet, terminalId: () => string = () => 'T-0001'): PrinterHandlers {
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
      return { report, preview: previewOf(doc, printer.paperWidth) };
    },
    'printer.preview': ({ kind, english, paperWidth }) => {
      const width = paperWidth ?? devices.printer?.paperWidth ?? 576;
      return previewOf(sampleDocument(kind, { paperWidth: width, english: english ?? false, terminalId: terminalId() }), width);
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
