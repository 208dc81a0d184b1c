// The configured profile's devices from the typed settings (HALL_IDCARD_*, HALL_PRINTER, see settings.ts),
// before the technician's bindings, which replace them role by role. Nothing here opens a device.
import { paperWidthDots } from '../../src/kernel/receipt';
import { lazyWltDecoder } from '../drivers/idcard/photo';
import type { WltDecoder } from '../drivers/idcard/photo';
import { SamIdCardReader } from '../drivers/idcard/sam-reader';
import { serialCandidates } from '../drivers/idcard/serial-candidates';
import { EscPosPrinter } from '../drivers/printer/escpos-printer';
import type { ReceiptPrinter } from '../drivers/printer/printer';
import { DeviceFileTransport } from '../transports/device-file';
import { SerialTransport } from '../transports/serial';
import { TcpTransport } from '../transports/tcp';
import type { Transport } from '../transports/transport';
import type { DeviceSettings, PrinterLinkSetting } from './settings';

/** The photo decoder the settings name, loaded on first use; a problem loading it is reported, never thrown. */
export function wltDecoderOf(settings: DeviceSettings, onProblem?: (problem: string) => void): WltDecoder {
  return lazyWltDecoder(settings.idcard.wltDecoder ?? undefined, onProblem);
}

/**
 * A SAM reader on the settings' serial port (or every port, for 'auto'); null without a port. It opens
 * even when nothing answers yet, since a kiosk may boot before its reader is plugged in: the status says
 * "读卡器未连接" and the driver keeps looking.
 */
export function configuredIdCardReader(settings: DeviceSettings, wltDecoder: WltDecoder): SamIdCardReader | null {
  const { port, baudRate } = settings.idcard;
  if (port === null) return null;
  return new SamIdCardReader({
    kind: 'idcard-sam-serial',
    candidates: serialCandidates({ ...(port === 'auto' ? {} : { path: port }), baudRate }),
    wltDecoder,
    openWhileAbsent: true,
  });
}

export function printerTransport(link: PrinterLinkSetting): Transport {
  switch (link.type) {
    case 'tcp':
      return new TcpTransport({ host: link.host, port: link.port });
    case 'serial':
      return new SerialTransport({ path: link.path, baudRate: link.baudRate });
    case 'file':
      return new DeviceFileTransport({ path: link.path });
  }
}

/** An ESC/POS printer on the settings' link, at the settings' paper width; null without a link. */
export function configuredPrinter(settings: DeviceSettings): ReceiptPrinter | null {
  const link = settings.printer;
  if (link === null) return null;
  return new EscPosPrinter(printerTransport(link), { paperWidth: paperWidthDots(settings.paperWidthMm), kind: `printer-escpos-${link.type}`, pollIntervalMs: 60_000 });
}
