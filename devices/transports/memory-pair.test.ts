import { describe, expect, it } from 'vitest';
import { createMemoryPair } from './memory-pair';
import { TransportError } from './transport';

describe('in-memory transport pair', () => {
  it('delivers bytes to the other end', async () => {
    const { host, device } = createMemoryPair();
    await host.open();
    await device.open();
    const got: number[] = [];
    device.events.on('data', (d) => got.push(...d));
    await host.write(new Uint8Array([1, 2, 3]));
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toEqual([1, 2, 3]);
  });

  it('unplug closes both ends and makes open fail until replug', async () => {
    const { host, device } = createMemoryPair();
    await host.open();
    await device.open();
    const closes: string[] = [];
    host.events.on('close', (c) => closes.push(c.reason));
    host.unplug();
    expect(closes).toEqual(['unplugged']);
    await expect(host.open()).rejects.toBeInstanceOf(TransportError);
    host.replug();
    await expect(host.open()).resolves.toBeUndefined();
  });
});
