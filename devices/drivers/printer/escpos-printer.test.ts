import { afterEach, describe, expect, it } from 'vitest';
import { ReceiptDocument } from '../../../src/kernel/receipt';
import { interpret } from '../../protocols/escpos/interpreter';
import { attachToTransport } from '../../simulators/printer/hosts';
import { VirtualPrinter } from '../../simulators/printer/virtual-printer';
import { createMemoryPair } from '../../transports/memory-pair';
import type { Transport } from '../../transports/transport';
import { EscPosPrinter } from './escpos-printer';
import type { PrinterAlert } from './printer';

const doc = ReceiptDocument.parse({
  title: 'application-receipt',
  blocks: [{ kind: 'text', text: '办件回执', align: 'center' }, { kind: 'qr', data: 'TRK2026000123' }, { kind: 'cut' }],
});

const opened: EscPosPrinter[] = [];

async function setup(printDelayMs = 0, jobTimeoutMs = 200) {
  const pair = createMemoryPair('printer');
  const sim = new VirtualPrinter({ paperWidth: 384, printDelayMs });
  await pair.device.open();
  attachToTransport(sim, pair.device);
  const printer = new EscPosPrinter(pair.host, { paperWidth: 384, statusTimeoutMs: 50, jobTimeoutMs, jobTimeoutPerKbMs: 0 });
  opened.push(printer);
  expect((await printer.open()).code).toBe('ok');
  const alerts: PrinterAlert[] = [];
  printer.events.on('alert', (a) => alerts.push(a));
  return { pair, sim, printer, alerts };
}

afterEach(async () => {
  for (const p of opened.splice(0)) await p.close();
});

describe('EscPosPrinter', () => {
  it('prints and reports printed only after the printer acknowledged the job', async () => {
    const { sim, printer } = await setup();
    const report = await printer.print(doc);
    expect(report).toMatchObject({ outcome: 'printed', attempts: 1, title: 'application-receipt' });
    const jobs = sim.recentJobs();
    expect(jobs).toHaveLength(1);
    const job = interpret(jobs[0]?.bytes ?? new Uint8Array(), 384);
    expect(job.lines).toContain('办件回执');
    expect(job.qrCodes).toEqual(['TRK2026000123']);
    expect(job.cuts).toBe(1);
  });

  it('refuses a job when paper is out, loses nothing, and prints it once after paper is loaded', async () => {
    const { sim, printer, alerts } = await setup();
    sim.setPaper('out');
    const refused = await printer.print(doc);
    expect(refused.outcome).toBe('paper-out');
    expect(sim.recentJobs()).toHaveLength(0);
    expect(alerts.map((a) => a.kind)).toContain('paper-out');
    expect(printer.status().state).toBe('error');
    sim.setPaper('ok');
    expect((await printer.print(doc)).outcome).toBe('printed');
    expect(sim.recentJobs().filter((j) => j.outcome === 'printed')).toHaveLength(1);
  });

  it('reports cover-open as its own outcome', async () => {
    const { sim, printer } = await setup();
    sim.setPaper('cover-open');
    expect((await printer.print(doc)).outcome).toBe('cover-open');
  });

  it('prints on near-end paper and raises one maintenance alert', async () => {
    const { sim, printer, alerts } = await setup();
    sim.setPaper('near-end');
    const a = await printer.print(doc);
    const b = await printer.print(doc);
    expect([a.outcome, b.outcome]).toEqual(['printed', 'printed']);
    expect(a.paperNearEnd).toBe(true);
    expect(alerts.filter((x) => x.kind === 'paper-near-end')).toHaveLength(1);
  });

  it('paper running out mid-job: typed outcome, held bytes cleared so nothing prints twice later', async () => {
    const { sim, printer } = await setup(150, 400);
    const pending = printer.print(doc);
    setTimeout(() => sim.setPaper('out'), 20);
    const report = await pending;
    expect(report.outcome).toBe('paper-out');
    sim.setPaper('ok');
    await new Promise((r) => setTimeout(r, 50));
    expect(sim.recentJobs().map((j) => j.outcome)).toEqual(['discarded']);
    expect((await printer.print(doc)).outcome).toBe('printed');
  });

  it('printer vanishing mid-job gives offline after one reopen attempt, never a throw', async () => {
    const { pair, printer } = await setup(500);
    const statuses: string[] = [];
    printer.events.on('status', (s) => statuses.push(s.detail ?? s.state));
    const pending = printer.print(doc);
    setTimeout(() => pair.host.unplug(), 30);
    const report = await pending;
    expect(report.outcome).toBe('offline');
    expect(report.attempts).toBeGreaterThanOrEqual(1);
    expect(statuses).toContain('printer disconnected');
    expect(printer.status().connected).toBe(false);
  });

  it('a printer that comes back is used again after the failed job', async () => {
    const { pair, printer } = await setup();
    pair.host.unplug();
    expect((await printer.print(doc)).outcome).toBe('offline');
    pair.host.replug();
    await pair.device.open();
    expect((await printer.print(doc)).outcome).toBe('printed');
  });

  it('a printer that never answers gives offline after a retry with reopen', async () => {
    const pair = createMemoryPair('mute printer');
    await pair.device.open();
    const printer = new EscPosPrinter(pair.host, { paperWidth: 384, statusTimeoutMs: 20, jobTimeoutMs: 50, jobTimeoutPerKbMs: 0 });
    opened.push(printer);
    await printer.open();
    const report = await printer.print(doc);
    expect(report).toMatchObject({ outcome: 'offline', attempts: 2 });
    expect((await printer.queryCondition()).code).toBe('offline');
  });

  it('a printer that was off at start is opened by the first job', async () => {
    const pair = createMemoryPair('late printer');
    const sim = new VirtualPrinter({ paperWidth: 384 });
    attachToTransport(sim, pair.device);
    pair.host.unplug();
    const printer = new EscPosPrinter(pair.host, { paperWidth: 384, statusTimeoutMs: 50, jobTimeoutMs: 200 });
    opened.push(printer);
    expect((await printer.open()).code).toBe('no-hardware');
    expect((await printer.print(doc)).outcome).toBe('offline');
    pair.host.replug();
    await pair.device.open();
    expect((await printer.print(doc)).outcome).toBe('printed');
  });

  it('a job lost on the way is retried once after reopening, and printed once', async () => {
    const pair = createMemoryPair('lossy link');
    const sim = new VirtualPrinter({ paperWidth: 384 });
    await pair.device.open();
    attachToTransport(sim, pair.device);
    let dropped = 0;
    let reopened = 0;
    const host = pair.host;
    const lossy: Transport = {
      description: 'lossy',
      events: host.events,
      isOpen: () => host.isOpen(),
      open: async () => {
        reopened++;
        await host.open();
      },
      close: () => host.close(),
      write: async (data) => {
        if (data.length > 3 && data.some((b) => b !== 0) && dropped === 0) {
          dropped++;
          return;
        }
        await host.write(data);
      },
    };
    const printer = new EscPosPrinter(lossy, { paperWidth: 384, statusTimeoutMs: 50, jobTimeoutMs: 100, jobTimeoutPerKbMs: 0 });
    opened.push(printer);
    await printer.open();
    const report = await printer.print(doc);
    expect(report).toMatchObject({ outcome: 'printed', attempts: 2 });
    expect(reopened).toBe(2);
    expect(sim.recentJobs().map((j) => j.outcome)).toEqual(['printed']);
  });

  it('polls while enabled and idle, so a near-end alert arrives without a job', async () => {
    const pair = createMemoryPair('polled');
    const sim = new VirtualPrinter({ paperWidth: 384 });
    await pair.device.open();
    attachToTransport(sim, pair.device);
    const printer = new EscPosPrinter(pair.host, { paperWidth: 384, statusTimeoutMs: 50, pollIntervalMs: 10 });
    opened.push(printer);
    const alerts: string[] = [];
    printer.events.on('alert', (a) => alerts.push(a.kind));
    await printer.open();
    await printer.claim();
    await printer.enable();
    sim.setPaper('near-end');
    await new Promise((r) => setTimeout(r, 80));
    expect(alerts).toEqual(['paper-near-end']);
    await printer.disable();
  });

  it('prints a line with a character outside the printer font as an image instead of □', async () => {
    const { sim, printer } = await setup();
    const rare = ReceiptDocument.parse({ title: 'rare', blocks: [{ kind: 'text', text: '申请人：李𠮷' }, { kind: 'text', text: '普通一行' }, { kind: 'cut' }] });
    expect((await printer.print(rare)).outcome).toBe('printed');
    const job = interpret(sim.recentJobs()[0]?.bytes ?? new Uint8Array(), 384);
    expect(job.lines).toEqual(['普通一行']);
    const raster = job.items.find((i) => i.kind === 'raster');
    expect(raster?.kind === 'raster' && raster.width).toBe(12 * 12);
    expect(raster?.kind === 'raster' && raster.bits.some((b) => b !== 0)).toBe(true);
    expect(job.problems).toEqual([]);
  });

  it('answers status queries with the parsed condition', async () => {
    const { sim, printer } = await setup();
    sim.setPaper('near-end');
    const result = await printer.queryCondition();
    expect(result.code === 'ok' && result.value.paperNearEnd).toBe(true);
  });

  it('a link that closes between jobs is reopened in the background; the status says ready again', async () => {
    const pair = createMemoryPair('replugged');
    const sim = new VirtualPrinter({ paperWidth: 384 });
    await pair.device.open();
    attachToTransport(sim, pair.device);
    const printer = new EscPosPrinter(pair.host, { paperWidth: 384, statusTimeoutMs: 50, jobTimeoutMs: 200, backoff: { initialMs: 5, maxMs: 20 } });
    opened.push(printer);
    expect((await printer.open()).code).toBe('ok');
    pair.host.unplug();
    expect(printer.status()).toMatchObject({ state: 'error', connected: false, detail: 'printer disconnected' });
    pair.host.replug();
    await pair.device.open();
    await expect.poll(() => printer.status(), { timeout: 3_000 }).toMatchObject({ state: 'idle', connected: true });
    expect((await printer.print(doc)).outcome).toBe('printed');
  });

  it('a failed open says why, in the shared reading of transport errors', async () => {
    const pair = createMemoryPair('absent');
    pair.host.unplug();
    const printer = new EscPosPrinter(pair.host, { paperWidth: 384 });
    opened.push(printer);
    expect(await printer.open()).toMatchObject({ code: 'no-hardware', detail: expect.stringContaining('absent (host) is not connected') });
  });

  it('previews a document as it would print it, without printing', async () => {
    const { sim, printer } = await setup();
    const preview = printer.preview(doc);
    expect(preview).toMatchObject({ paperWidth: 384, lines: ['办件回执'], unprintable: [] });
    expect([...preview.png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(sim.recentJobs()).toHaveLength(0);
  });
});
