// Builds the driver a validated binding entry describes. Simulated links reuse the simulated profile's
// virtual hardware (and hand the simulator panel the new controls); real links get real transports.
// Nothing here opens a device.
import type { DeviceRole } from '../../src/contract';
import type { PaperWidth } from '../../src/kernel/receipt';
import type { EvaluatorPad } from '../drivers/evaluator/pad';
import type { WltDecoder } from '../drivers/idcard/photo';
import type { IdCardReader } from '../drivers/idcard/reader';
import { SamIdCardReader } from '../drivers/idcard/sam-reader';
import { serialCandidates } from '../drivers/idcard/serial-candidates';
import { EscPosPrinter } from '../drivers/printer/escpos-printer';
import type { ReceiptPrinter } from '../drivers/printer/printer';
import type { Scanner } from '../drivers/scanner/scanner';
import { DeviceFileTransport } from '../transports/device-file';
import { TcpTransport } from '../transports/tcp';
import type { Transport } from '../transports/transport';
import type { BindingEntry } from './bindings';
import type { DevicesConfig, Link } from './config';
import { discover, resolveLink } from './discovery';
import type { Listings } from './discovery';
import { evaluatorPadFromConfig, scannerFromConfig } from './factory';
import type { HotplugTarget } from './hotplug-binding';
import { ResolvingTransport } from './resolving-transport';
import { createSimulatedIdCardReader, createSimulatedPrinter, createSimulatedScannerAndPad } from './simulated';
import type { SimulatorControls } from './simulated';
import { transportForLink } from './transports';
import type { LinkTransportDeps } from './transports';

type Entries = DevicesConfig['devices'];
export type Entry<R extends DeviceRole> = NonNullable<Entries[R]>;

/** A device of a role; `null` for roles the shell or renderer serves. `hotplug`: follow its port in the listing. */
export type Built =
  | { role: 'idcard'; device: IdCardReader }
  | { role: 'printer'; device: ReceiptPrinter }
  | { role: 'scanner'; device: Scanner; hotplug?: HotplugTarget }
  | { role: 'evaluator'; device: EvaluatorPad | null; note?: string; hotplug?: HotplugTarget }
  | { role: 'camera'; device: null; note: string };

export class BuildError extends Error {}

export interface BuildDeps extends Omit<LinkTransportDeps, 'list'> {
  /** The simulator panel's handles (simulated profile); null in the configured profile. */
  readonly simulator: SimulatorControls | null;
  readonly list: () => Promise<Listings>;
  readonly paperWidth: () => PaperWidth;
  readonly wltDecoder: WltDecoder;
}

function requireSimulator(deps: BuildDeps): SimulatorControls {
  if (!deps.simulator) throw new BuildError('simulated devices exist only with --devices simulated');
  return deps.simulator;
}

/** Where a stream device's port is now: the fixed path, or wherever its USB ID was last found. */
function currentPathOf(link: Link, transport: Transport): () => string | null {
  if (transport instanceof ResolvingTransport) return () => transport.currentPath();
  const path = link.type === 'serial' || link.type === 'hid' ? (link.path ?? null) : null;
  return () => path;
}

function buildIdCard(entry: Entry<'idcard'>, deps: BuildDeps): IdCardReader {
  const link = entry.link;
  if (link.type === 'simulated') {
    const simulator = requireSimulator(deps);
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
  return new SamIdCardReader({ kind: 'idcard-sam-serial', candidates, wltDecoder: deps.wltDecoder, openWhileAbsent: true });
}

function buildPrinter(entry: Entry<'printer'>, deps: BuildDeps): ReceiptPrinter {
  const paperWidth = deps.paperWidth();
  const link = entry.link;
  if (link.type === 'simulated') {
    const simulator = requireSimulator(deps);
    const { printer, control } = createSimulatedPrinter(paperWidth);
    simulator.printer = control;
    return printer;
  }
  const transport =
    link.type === 'tcp'
      ? new TcpTransport({ host: link.host, port: link.port })
      : link.type === 'device-file'
        ? new DeviceFileTransport({ path: link.path })
        : transportForLink(link, deps);
  if (!transport) throw new BuildError(`printers cannot use a ${link.type} link`);
  return new EscPosPrinter(transport, { paperWidth, kind: `printer-escpos-${link.type}`, pollIntervalMs: 60_000 });
}

function buildScanner(entry: Entry<'scanner'>, deps: BuildDeps): Built & { role: 'scanner' } {
  if (entry.link.type === 'simulated') {
    const simulator = requireSimulator(deps);
    const fresh = createSimulatedScannerAndPad();
    simulator.scannerAndPad = { ...simulator.scannerAndPad, scanner: fresh.simulator.scanner };
    return { role: 'scanner', device: fresh.scanner };
  }
  const transport = transportForLink(entry.link, deps);
  if (!transport) throw new BuildError(`scanners cannot use a ${entry.link.type} link`);
  const built = scannerFromConfig(entry, transport);
  if (!built.ok) throw new BuildError(built.detail);
  return { role: 'scanner', device: built.device, hotplug: { device: built.device, currentPath: currentPathOf(entry.link, transport), link: entry.link } };
}

function buildEvaluator(entry: Entry<'evaluator'>, deps: BuildDeps): Built & { role: 'evaluator' } {
  // The customer-facing screen is a window (Electron) or the /customer page (web shell), not a driver.
  if (entry.kind === 'evaluator-screen') return { role: 'evaluator', device: null, note: 'customer-facing screen' };
  if (entry.link.type === 'simulated') {
    const simulator = requireSimulator(deps);
    const fresh = createSimulatedScannerAndPad();
    simulator.scannerAndPad = { ...simulator.scannerAndPad, evaluator: fresh.simulator.evaluator };
    return { role: 'evaluator', device: fresh.evaluator };
  }
  const transport = transportForLink(entry.link, deps);
  if (!transport) throw new BuildError(`evaluation pads cannot use a ${entry.link.type} link`);
  const built = evaluatorPadFromConfig(entry, transport);
  if (!built.ok) throw new BuildError(built.detail);
  return { role: 'evaluator', device: built.device, hotplug: { device: built.device, currentPath: currentPathOf(entry.link, transport), link: entry.link } };
}

/** The driver for a validated entry (its kind names its role); throws BuildError with a plain-language reason. */
export function buildDevice(entry: BindingEntry, deps: BuildDeps): Built {
  switch (entry.kind) {
    case 'idcard-sam':
      return { role: 'idcard', device: buildIdCard(entry, deps) };
    case 'printer-escpos':
      return { role: 'printer', device: buildPrinter(entry, deps) };
    case 'scanner-hid-pos':
    case 'scanner-keyboard-wedge':
    case 'scanner-serial':
      return buildScanner(entry, deps);
    case 'evaluator-bus':
    case 'evaluator-hid-keys':
    case 'evaluator-screen':
      return buildEvaluator(entry, deps);
    case 'camera-uvc':
      return { role: 'camera', device: null, note: 'the document camera is opened by the page (getUserMedia)' };
  }
}
