import { describe, expect, it } from 'vitest';
import { TypedEmitter } from '../../model/emitter';
import { createMemoryPair } from '../../transports/memory-pair';
import type { Transport, TransportEvents } from '../../transports/transport';
import { SamSimulator } from '../../simulators/idcard/sam-simulator';
import { connectSam } from './connect';
import { orderPorts, rateOrder, serialCandidates } from './serial-candidates';
import { SerialTransport } from '../../transports/serial';

/** A line at the wrong baud rate: every request gets bytes back, none of them a frame. */
class NoisyLine implements Transport {
  readonly events = new TypedEmitter<TransportEvents>();
  private open_ = false;
  closed = 0;
  constructor(readonly description: string, private readonly noisy: boolean) {}
  isOpen() {
    return this.open_;
  }
  async open() {
    this.open_ = true;
  }
  async write() {
    if (this.noisy) queueMicrotask(() => this.events.emit('data', Uint8Array.of(0xfe, 0x00, 0x7f, 0x80, 0xe0)));
  }
  async close() {
    this.open_ = false;
    this.closed += 1;
  }
}

describe('connectSam', () => {
  it('skips silent and wrong-rate candidates and closes them', async () => {
    const silent = new NoisyLine('silent', false);
    const wrongRate = new NoisyLine('wrong-rate', true);
    const { host, device } = createMemoryPair('good');
    const sim = new SamSimulator(device);
    await sim.start();
    const outcome = await connectSam([silent, wrongRate, host], 30);
    expect(outcome.ok && outcome.transport).toBe(host);
    expect([silent.closed, wrongRate.closed]).toEqual([1, 1]);
    await sim.stop();
  });

  it('calls a device that only speaks something else unsupported', async () => {
    const outcome = await connectSam([new NoisyLine('vendor', true)], 30);
    expect(outcome).toMatchObject({ ok: false, code: 'unsupported' });
  });

  it('reports no hardware when nothing answers or nothing opens', async () => {
    expect(await connectSam([new NoisyLine('silent', false)], 20)).toMatchObject({ ok: false, code: 'no-hardware' });
    expect(await connectSam([], 20)).toMatchObject({ ok: false, code: 'no-hardware' });
  });
});

describe('serial candidates', () => {
  it('tries 115200 first, then the other SAM rates; a remembered rate goes first', () => {
    expect(rateOrder(115200, true)).toEqual([115200, 9600, 57600, 38400, 19200]);
    expect(rateOrder(9600, true)).toEqual([9600, 115200, 57600, 38400, 19200]);
    expect(rateOrder(57600, false)).toEqual([57600]);
  });

  it('puts known USB-serial bridges first', () => {
    const ordered = orderPorts([{ path: '/dev/ttyS0' }, { path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' }]);
    expect(ordered.map((p) => p.path)).toEqual(['/dev/ttyUSB0', '/dev/ttyS0']);
  });

  it('discovers ports and remembers the one that answered', async () => {
    const provider = serialCandidates({ list: async () => ({ ports: [{ path: '/dev/ttyS0' }, { path: '/dev/ttyUSB1', vendorId: '067b', productId: '2303' }] }) });
    const first = await provider();
    expect(first.map((t) => t.description).slice(0, 2)).toEqual(['/dev/ttyUSB1@115200', '/dev/ttyUSB1@9600']);
    expect(first).toHaveLength(10);
    provider.remember(new SerialTransport({ path: '/dev/ttyS0', baudRate: 38400 }));
    expect((await provider())[0]?.description).toBe('/dev/ttyS0@38400');
  });
});
