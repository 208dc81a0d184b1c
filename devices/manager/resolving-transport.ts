import { TypedEmitter } from '../model/emitter';
import { TransportError } from '../transports/transport';
import type { Transport, TransportEvents } from '../transports/transport';
import type { Link } from './config';
import { discover, resolveLink } from './discovery';
import type { Listings } from './discovery';

/**
 * A transport bound by USB ID rather than by port: every `open()` looks the device up in a fresh listing,
 * so a USB-serial scanner or pad that comes back as /dev/ttyUSB1 instead of /dev/ttyUSB0 is found again
 * by the driver's ordinary reconnect loop. `make` builds the concrete transport for a path.
 */
export class ResolvingTransport implements Transport {
  readonly events = new TypedEmitter<TransportEvents>();
  private inner: Transport | null = null;
  private innerPath: string | null = null;
  private unsubscribers: (() => void)[] = [];

  constructor(
    private readonly link: Link,
    private readonly list: () => Promise<Listings>,
    private readonly make: (path: string) => Transport,
  ) {}

  get description(): string {
    const usb = this.link.type === 'serial' || this.link.type === 'hid' ? this.link.usb : undefined;
    const id = usb ? `${usb.vendorId.toString(16).padStart(4, '0')}:${usb.productId.toString(16).padStart(4, '0')}` : this.link.type;
    return this.innerPath === null ? `${id} (not found yet)` : `${id} at ${this.innerPath}`;
  }

  /** The port the device was last found at. */
  currentPath(): string | null {
    return this.innerPath;
  }

  isOpen(): boolean {
    return this.inner?.isOpen() ?? false;
  }

  async open(): Promise<void> {
    if (this.isOpen()) return;
    let listings: Listings;
    try {
      listings = await this.list();
    } catch (error) {
      throw new TransportError('io', `device listing failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const resolved = resolveLink(this.link, discover(listings));
    if (!resolved.ok) throw new TransportError(resolved.reason === 'ambiguous' ? 'config' : 'not-found', resolved.detail);
    if (this.inner === null || this.innerPath !== resolved.path) {
      await this.dropInner();
      this.inner = this.make(resolved.path);
      this.innerPath = resolved.path;
    }
    const inner = this.inner;
    await inner.open();
    this.unsubscribers.push(
      inner.events.on('data', (d) => this.events.emit('data', d)),
      inner.events.on('error', (e) => this.events.emit('error', e)),
      inner.events.on('close', (c) => {
        this.detach();
        this.events.emit('close', c);
      }),
    );
  }

  write(data: Uint8Array): Promise<void> {
    if (this.inner === null) return Promise.reject(new TransportError('closed', `${this.description} is not open`));
    return this.inner.write(data);
  }

  async close(): Promise<void> {
    this.detach();
    await this.inner?.close();
  }

  private detach(): void {
    for (const off of this.unsubscribers) off();
    this.unsubscribers = [];
  }

  private async dropInner(): Promise<void> {
    this.detach();
    await this.inner?.close().catch(() => undefined);
    this.inner = null;
    this.innerPath = null;
  }
}
