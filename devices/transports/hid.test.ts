import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { SamIdCardReader } from '../drivers/idcard/sam-reader';
import { SamSimulator } from '../simulators/idcard/sam-simulator';
import { sampleCards } from '../simulators/idcard/sample-cards';
import { fromReport, HidTransport, toReports } from './hid';
import type { HidDeviceLike, HidFraming } from './hid';
import { createMemoryPair } from './memory-pair';

/**
 * A scripted HID reader: takes output reports apart with the given framing, hands the bytes to the SAM
 * simulator, and sends the simulator's answers back as input reports of the same framing.
 */
class ScriptedHidReader extends EventEmitter implements HidDeviceLike {
  readonly pair = createMemoryPair('hid wire');
  readonly sim = new SamSimulator(this.pair.device);
  reportsOut = 0;
  closed = false;

  constructor(private readonly framing: HidFraming) {
    super();
    void this.pair.host.open();
    void this.sim.start();
    this.pair.host.events.on('data', (bytes) => {
      for (const report of toReports(bytes, this.framing)) {
        // Input reports carry the report ID only for numbered reports.
        this.emit('data', this.framing.reportId === 0 ? report.subarray(1) : report);
      }
    });
  }

  async write(values: number[] | Uint8Array): Promise<number> {
    const report = Uint8Array.from(values);
    if (report.length !== this.framing.reportSize + 1 || report[0] !== this.framing.reportId) throw new Error('malformed output report');
    this.reportsOut += 1;
    const payload = fromReport(report, { ...this.framing, inputHasReportId: true });
    await this.pair.host.write(payload);
    return report.length;
  }

  unplug(): void {
    this.emit('error', new Error('could not read from HID device'));
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

const readers: SamIdCardReader[] = [];
afterEach(async () => {
  for (const r of readers.splice(0)) await r.close();
});

async function until(condition: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > 3000) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('HID report framing', () => {
  it('splits a frame into zero-padded 64-byte reports with a leading report ID', () => {
    const reports = toReports(new Uint8Array(130).fill(7), { reportSize: 64, reportId: 0, lengthPrefix: false });
    expect(reports.map((r) => r.length)).toEqual([65, 65, 65]);
    expect(reports[2]?.subarray(1, 3)).toEqual(Uint8Array.of(7, 7));
    expect(reports[2]?.[3]).toBe(0);
  });

  it('writes and reads a per-report length prefix', () => {
    const framing = { reportSize: 32, reportId: 2, lengthPrefix: true };
    const reports = toReports(new Uint8Array(40).fill(9), framing);
    expect(reports.map((r) => [r[0], r[1]])).toEqual([[2, 31], [2, 9]]);
    expect(fromReport(reports[1] ?? new Uint8Array(0), framing)).toEqual(new Uint8Array(9).fill(9));
    // A lying length byte is clamped to the report.
    expect(fromReport(Uint8Array.of(2, 200, 1, 2), framing)).toEqual(Uint8Array.of(1, 2));
  });
});

describe.each([
  ['64-byte raw reports (hypothesis a)', { reportSize: 64, reportId: 0, lengthPrefix: false }],
  ['numbered 32-byte reports with length prefix (hypothesis b)', { reportSize: 32, reportId: 1, lengthPrefix: true }],
] as const)('SAM reader over HID, %s', (_name, framing) => {
  it('reads a card through the transport interface and reports an unplug', async () => {
    const device = new ScriptedHidReader(framing);
    const transport = new HidTransport('scripted', framing, async () => device);
    const reader = new SamIdCardReader({ kind: 'idcard-sam-hid', candidates: async () => [transport], pollIntervalMs: 5, backoff: { initialMs: 10, maxMs: 20 } });
    readers.push(reader);
    const cards: string[] = [];
    reader.events.on('card', (c) => cards.push(c.cardType));
    expect((await reader.open()).code).toBe('ok');
    await reader.claim();
    await reader.enable();
    const sample = sampleCards.find((s) => s.id === 'hmt-chen');
    if (!sample) throw new Error('sample');
    device.sim.place(sample.card);
    await until(() => cards.length === 1, 'card read over HID');
    expect(cards).toEqual(['hmt-residence']);
    expect(reader.currentCard()?.passNumber).toBe('H12345678');
    device.unplug();
    await until(() => !reader.status().connected, 'offline after HID error');
    expect(device.closed).toBe(true);
    await until(() => reader.status().connected, 'reopened');
  });
});
