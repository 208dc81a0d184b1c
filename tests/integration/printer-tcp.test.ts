import { afterEach, describe, expect, it } from 'vitest';
import { EscPosPrinter } from '../../devices/drivers/printer/escpos-printer';
import { interpret } from '../../devices/protocols/escpos/interpreter';
import { serveTcp } from '../../devices/simulators/printer/hosts';
import type { TcpPrinterHost } from '../../devices/simulators/printer/hosts';
import { VirtualPrinter } from '../../devices/simulators/printer/virtual-printer';
import { TcpTransport } from '../../devices/transports/tcp';
import { sampleDocument } from '../../src/documents';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setup(printDelayMs = 0) {
  const sim = new VirtualPrinter({ paperWidth: 576, printDelayMs });
  const host: TcpPrinterHost = await serveTcp(sim, 0);
  let closed = false;
  cleanup.push(async () => {
    if (!closed) await host.close();
  });
  const printer = new EscPosPrinter(new TcpTransport({ host: '127.0.0.1', port: host.port, connectTimeoutMs: 500 }), { paperWidth: 576, statusTimeoutMs: 300, jobTimeoutMs: 1500 });
  cleanup.push(() => printer.close());
  expect((await printer.open()).code).toBe('ok');
  return {
    sim,
    printer,
    stopHost: async () => {
      closed = true;
      await host.close();
    },
  };
}

const receipt = sampleDocument('application-receipt', { paperWidth: 576 });

describe('printer over TCP (port 9100 style) to the virtual printer', () => {
  it('prints a receipt; the printer got exactly what the document says', async () => {
    const { sim, printer } = await setup();
    const report = await printer.print(receipt);
    expect(report.outcome).toBe('printed');
    const [job] = sim.recentJobs();
    const decoded = interpret(job?.bytes ?? new Uint8Array(), 576);
    expect(decoded.lines[0]).toBe('办件回执');
    expect(decoded.qrCodes).toEqual(['TRK2026000123']);
    expect(decoded.statusQueries).toBe(0);
    expect(sim.jobPng(job?.id ?? -1)?.length).toBeGreaterThan(1000);
  });

  it('paper out before a job: typed outcome, nothing sent, re-sent after paper is loaded', async () => {
    const { sim, printer } = await setup();
    sim.setPaper('out');
    expect((await printer.print(receipt)).outcome).toBe('paper-out');
    expect(sim.recentJobs()).toHaveLength(0);
    sim.setPaper('ok');
    expect((await printer.print(receipt)).outcome).toBe('printed');
    expect(sim.recentJobs().map((j) => j.outcome)).toEqual(['printed']);
  });

  it('printer vanishes mid-job: offline, after one reopen attempt, without throwing', async () => {
    const { printer, stopHost } = await setup(800);
    const pending = printer.print(receipt);
    await new Promise((r) => setTimeout(r, 100));
    await stopHost();
    const report = await pending;
    expect(report.outcome).toBe('offline');
    expect(report.attempts).toBe(1);
    expect(printer.status().connected).toBe(false);
  });

  it('queues jobs one at a time and each gets its own outcome', async () => {
    const { sim, printer } = await setup(20);
    const reports = await Promise.all([printer.print(receipt), printer.print(sampleDocument('queue-ticket', { paperWidth: 576 })), printer.print(receipt)]);
    expect(reports.map((r) => r.outcome)).toEqual(['printed', 'printed', 'printed']);
    expect(sim.recentJobs().map((j) => interpret(j.bytes, 576).lines[0])).toEqual(['办件回执', '排队号', '办件回执']);
  });
});
