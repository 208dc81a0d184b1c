// Builds the driver a validated binding entry describes: the composition root's half of the device
// manager. Simulated links reuse the simulated profile's virtual hardware (and hand the simulator panel the
// new controls); real links get real transports. Nothing here opens a device.
import type { DeviceRole } from '../../src/contract';
import type { PaperWidth } from '../../src/kernel/receipt';
import type { EvaluatorPad } from '../../devices/drivers/evaluator/pad';
import { SamIdCardReader } from '../../devices/drivers/idcard/sam-reader';
import { lazyWltDecoder } from '../../devices/drivers/idcard/photo';
import { serialCandidates } from '../../devices/drivers/idcard/serial-candidates';
import { EscPosPrinter } from '../../devices/drivers/printer/escpos-printer';
import type { ReceiptPrinter } from '../../devices/drivers/printer/printer';
import type { IdCardReader } from '../../devices/drivers/idcard/reader';
import type { Scanner } from '../../devices/drivers/scanner/scanner';
import type { DevicesConfig } from '../../devices/manager/config';
import { discover, resolveLink } from '../../devices/manager/discovery';
import type { Listings } from '../../devices/manager/discovery';
import { evaluatorPadFromConfig, scannerFromConfig } from '../../devices/manager/factory';
import { createSimulatedScannerAndPad } from '../../devices/manager/simulated';
import { transportForLink } from '../../devices/manager/transports';
import { DeviceFileTransport } from '../../devices/transports/device-file';
import { TcpTransport } from '../../devices/transports/tcp';
import { setIdCard } from '../devices';
import type { DeviceSet } from '../devices';
import { createSimulatedIdCardReader } from '../idcard-device';
import { createSimulatedPrinter } from '../printer-device';

type Entries = DevicesConfig['devices'];
export type Entry<R extends DeviceRole> = NonNullable<Entries[R]>;

/** A device of a role, as the device set holds it; `null` for roles the shell or renderer serves. */
export type Built =
  | { role: 'idcard'; device: IdCardReader }
  | { role: 'printer'; device: ReceiptPrinter }
  | { role: 'scanner'; device: Scanner }
  | { role: 'evaluator'; device: EvaluatorPad | null; note?: string }
  | { role: 'camera'; device: null; note: string };

export class BuildError extends Error {}

export interface BuildDeps {
  readonly devices: DeviceSet;
  readonly list: () => Promise<Listings>;
  readonly paperWidth: () => PaperWidth;
  readonly env?: NodeJS.ProcessEnv;
}

function requireSimulator(devices: DeviceSet) {
  if (!devices.simulator) throw new BuildError('simulated devices exist only with --devices simulated');
  return devices.simulator;
}

function buildIdCard(entry: Entry<'idcard'>, deps: BuildDeps): IdCardReader {
  const link = entry.link;
  if (link.type === 'simulated') {
    const simulator = requireSimulator(deps.devices);
    const { reader, control } = createSimulatedIdCardReader();
    simulator.idcard = control;
    return reader;
  }
  if (link.type !== 'serial') throw new BuildError(`ID card readers over ${link.type} are not supported yet; bind a serial (or USB-serial) reader`);
  const fixed = link.path;
  const candidates = fixed
    ? serialCandidates({ path: fixed, baudRate: link.baudRate })
    : Object.assign(async () => {
        const resolved = resolveLink(link, discover(await deps.list()));
        return resolved.ok ? serialCandidates({ path: resolved.path, baudRate: link.baudRate })() : [];
      });
  return new SamIdCardReader({
    kind: 'idcard-sam-serial',
    candidates,
    wltDecoder: lazyWltDecoder(deps.env?.HALL_IDCARD_WLT_DECODER),
    openWhileAbsent: true,
  });
}

function buildPrinter(entry: Entry<'printer'>, deps: BuildDeps): ReceiptPrinter {
  const paperWidth = deps.paperWidth();
  const link = entry.link;
  if (link.type === 'simulated') {
    const simulator = requireSimulator(deps.devices);
    const { printer, control } = createSimulatedPrinter(paperWidth);
    simulator.printer = control;
    return printer;
  }
  const transport =
    link.type === 'tcp'
      ? new TcpTransport({ host: link.host, port: link.port })
      : link.type === 'device-file'
        ? new DeviceFileTransport({ path: link.path })
        : transportForLink(link, { list: deps.list });
  if (!transport) throw new BuildError(`printers cannot use a ${link.type} link`);
  return new EscPosPrinter(transport, { paperWidth, kind: `printer-escpos-${link.type}`, pollIntervalMs: 60_000 });
}

function buildScanner(entry: Entry<'scanner'>, deps: BuildDeps): Scanner {
  if (entry.link.type === 'simulated') {
    const simulator = requireSimulator(deps.devices);
    const fresh = createSimulatedScannerAndPad();
    simulator.scannerAndPad = { ...simulator.scannerAndPad, scanner: fresh.simulator.scanner };
    return fresh.scanner;
  }
  const transport = transportForLink(entry.link, { list: deps.list });
  if (!transport) throw new BuildError(`scanners cannot use a ${entry.link.type} link`);
  const built = scannerFromConfig(entry, transport);
  if (!built.ok) throw new BuildError(built.detail);
  return built.device;
}

function buildEvaluator(entry: Entry<'evaluator'>, deps: BuildDeps): EvaluatorPad | null {
  // The customer-facing screen is a window (Electron) or the /customer page (web shell), not a driver.
  if (entry.kind === 'evaluator-screen') return null;
  if (entry.link.type === 'simulated') {
    const simulator = requireSimulator(deps.devices);
    const fresh = createSimulatedScannerAndPad();
    simulator.scannerAndPad = { ...simulator.scannerAndPad, evaluator: fresh.simulator.evaluator };
    return fresh.evaluator;
  }
  const transport = transportForLink(entry.link, { list: deps.list });
  if (!transport) throw new BuildError(`evaluation pads cannot use a ${entry.link.type} link`);
  const built = evaluatorPadFromConfig(entry, transport);
  if (!built.ok) throw new BuildError(built.detail);
  return built.device;
}

/** The driver for one role's entry; throws BuildError with a plain-language reason. */
export function buildDevice(role: DeviceRole, entries: Entries, deps: BuildDeps): Built {
  switch (role) {
    case 'idcard': {
      const e = entries.idcard;
      if (!e) throw new BuildError('no idcard entry');
      return { role, device: buildIdCard(e, deps) };
    }
    case 'printer': {
      const e = entries.printer;
      if (!e) throw new BuildError('no printer entry');
      return { role, device: buildPrinter(e, deps) };
    }
    case 'scanner': {
      const e = entries.scanner;
      if (!e) throw new BuildError('no scanner entry');
      return { role, device: buildScanner(e, deps) };
    }
    case 'evaluator': {
      const e = entries.evaluator;
      if (!e) throw new BuildError('no evaluator entry');
      const device = buildEvaluator(e, deps);
      return device ? { role, device } : { role, device, note: 'customer-facing screen' };
    }
    case 'camera':
      return { role, device: null, note: 'the document camera is opened by the page (getUserMedia)' };
  }
}

/** Puts a built device into the set (or clears the role). */
export function place(devices: DeviceSet, role: DeviceRole, built: Built | null): void {
  switch (role) {
    case 'idcard':
      setIdCard(devices, built?.role === 'idcard' ? built.device : null);
      return;
    case 'printer':
      devices.printer = built?.role === 'printer' ? built.device : null;
      return;
    case 'scanner':
      devices.scanner = built?.role === 'scanner' ? built.device : null;
      return;
    case 'evaluator':
      devices.evaluator = built?.role === 'evaluator' ? built.device : null;
      return;
    case 'camera':
      return;
  }
}
