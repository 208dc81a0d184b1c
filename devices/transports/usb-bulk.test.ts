import { afterEach, describe, expect, it } from 'vitest';
import { SamIdCardReader } from '../drivers/idcard/sam-reader';
import { SamSimulator } from '../simulators/idcard/sam-simulator';
import { sampleCards } from '../simulators/idcard/sample-cards';
import { createMemoryPair } from './memory-pair';
import { usbBulkCandidates } from './usb-bulk';
import type { BulkDevice } from './usb-bulk';

type Firmware = 'split' | 'whole';

/** A scripted native-USB SAM reader whose firmware accepts only one of the two pipe layouts. */
class ScriptedBulkReader implements BulkDevice {
  readonly pair = createMemoryPair('usb wire');
  readonly sim = new SamSimulator(this.pair.device);
  private inbox = new Uint8Array(0);
  private header: Uint8Array | null = null;
  private waiters: (() => void)[] = [];
  opened = false;
  unplugged = false;

  constructor(private readonly firmware: Firmware) {
    void this.pair.host.open();
    void this.sim.start();
    this.pair.host.events.on('data', (bytes) => {
      const next = new Uint8Array(this.inbox.length + bytes.length);
      next.set(this.inbox);
      next.set(bytes, this.inbox.length);
      this.inbox = next;
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  async open() {
    if (this.unplugged) throw new Error('LIBUSB_ERROR_NO_DEVICE');
    this.opened = true;
  }
  async close() {
    this.opened = false;
  }
  async claimInterface() {}
  async releaseInterface() {}

  async transferOut(endpoint: number, data: Uint8Array) {
    if (this.unplugged) throw new Error('LIBUSB_ERROR_NO_DEVICE');
    if (this.firmware === 'whole') {
      if (endpoint !== 2) return { status: 'stall' };
      await this.pair.host.write(data);
      return { status: 'ok' };
    }
    if (endpoint === 2 && data.length === 7) {
      this.header = Uint8Array.from(data);
      return { status: 'ok' };
    }
    if (endpoint === 6 && this.header) {
      const frame = new Uint8Array(7 + data.length);
      frame.set(this.header);
      frame.set(data, 7);
      this.header = null;
      await this.pair.host.write(frame);
      return { status: 'ok' };
    }
    return { status: 'stall' };
  }

  async transferIn(endpoint: number, length: number, timeoutMs = 200) {
    if (this.unplugged) throw new Error('LIBUSB_ERROR_NO_DEVICE');
    if (!this.inbox.length) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (this.unplugged) throw new Error('LIBUSB_ERROR_NO_DEVICE');
      if (!this.inbox.length) throw new Error('LIBUSB_ERROR_TIMEOUT');
    }
    const allowed = this.firmware === 'whole' ? endpoint === 1 : endpoint === 1 || endpoint === 5;
    if (!allowed) return { status: 'stall' };
    const take = Math.min(length, this.firmware === 'split' && endpoint === 1 ? 7 : 64, this.inbox.length);
    const out = this.inbox.slice(0, take);
    this.inbox = this.inbox.slice(take);
    return { status: 'ok', data: new DataView(out.buffer) };
  }

  unplug() {
    this.unplugged = true;
    for (const wake of this.waiters.splice(0)) wake();
  }
}

const readers: SamIdCardReader[] = [];
afterEach(async () => {
  for (const r of readers.splice(0)) await r.close();
});

async function until(condition: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > 5000) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('usb package', () => {
  it('installs and loads here (libusb binding)', async () => {
    const { usb } = await import('usb');
    expect(typeof usb.findDeviceByIds).toBe('function');
  });
});

describe.each(['split', 'whole'] as const)('SAM reader over USB bulk, %s-pipe firmware', (firmware) => {
  it('finds the working pipe layout, reads a card and reports an unplug', async () => {
    const device = new ScriptedBulkReader(firmware);
    const reader = new SamIdCardReader({
      kind: 'idcard-sam-usb',
      candidates: async () => usbBulkCandidates(0x0400, 0xc35a, async () => device),
      pollIntervalMs: 5,
      probeTimeoutMs: 100,
      backoff: { initialMs: 10, maxMs: 20 },
    });
    readers.push(reader);
    const cards: string[] = [];
    reader.events.on('card', (c) => cards.push(c.idNumber.slice(0, 1)));
    expect((await reader.open()).code).toBe('ok');
    expect(reader.health().link).toBe(`usb:0400:c35a/${firmware}`);
    await reader.claim();
    await reader.enable();
    const sample = sampleCards.find((s) => s.id === 'foreign-garcia');
    if (!sample) throw new Error('sample');
    device.sim.place(sample.card);
    await until(() => cards.length === 1, 'card read over USB bulk');
    expect(reader.currentCard()?.cardVersion).toBe('2023');
    device.unplug();
    await until(() => !reader.status().connected, 'offline after unplug');
    expect(reader.status().detail).toContain('读卡器未连接');
  });
});
