import { HidTransport, defaultHidFraming } from '../transports/hid';
import type { HidOpener } from '../transports/hid';
import { SerialTransport } from '../transports/serial';
import type { Transport } from '../transports/transport';
import type { Link } from './config';
import type { Listings } from './discovery';
import { ResolvingTransport } from './resolving-transport';

export interface LinkTransportDeps {
  /** Current serial + HID listing, for links bound by USB ID. */
  readonly list: () => Promise<Listings>;
  /** node-hid opener; tests pass a scripted device. */
  readonly hidOpener?: HidOpener;
  /** Builds the byte transport for a port instead of a real serial port or hidraw node (tests: memory pairs). */
  readonly portTransport?: (type: 'serial' | 'hid', path: string) => Transport;
}

/**
 * The transport for a scanner's or key pad's configured link. HID scanners and pads deliver whole input
 * reports, report ID included (HID-POS 0x02; boot keyboards have none), so the HID framing passes reports
 * through untouched. A link bound by USB ID re-resolves its port on every (re)open. `null` for links that
 * carry no byte stream (simulated, display, media), which the caller builds differently.
 */
export function transportForLink(link: Link, deps: LinkTransportDeps): Transport | null {
  if (link.type === 'serial') {
    const make = (path: string): Transport =>
      deps.portTransport?.('serial', path) ?? new SerialTransport({ path, baudRate: link.baudRate, dataBits: link.dataBits, stopBits: link.stopBits, parity: link.parity });
    return link.path !== undefined ? make(link.path) : new ResolvingTransport(link, deps.list, make);
  }
  if (link.type === 'hid') {
    const make = (path: string): Transport => deps.portTransport?.('hid', path) ?? new HidTransport(path, defaultHidFraming, deps.hidOpener);
    return link.path !== undefined ? make(link.path) : new ResolvingTransport(link, deps.list, make);
  }
  return null;
}
