import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EscPosPrinter } from '../../devices/drivers/printer/escpos-printer';
import { interpret } from '../../devices/protocols/escpos/interpreter';
import { servePty } from '../../devices/simulators/printer/hosts';
import { VirtualPrinter } from '../../devices/simulators/printer/virtual-printer';
import { SerialTransport } from '../../devices/transports/serial';
import { sampleDocument } from '../../src/documents';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setup(printDelayMs = 0) {
  const dir = mkdtempSync(join(tmpdir(), 'printer-pty-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const sim = new VirtualPrinter({ paperWidth: 384, printDelayMs });
  const host = await servePty(sim, dir);
  let closed = false;
  cleanup.push(async () => {
    if (!closed) await host.close();
  });
  const printer = new EscPosPrinter(new SerialTransport({ path: host.hostPath, baudRate: 115200 }), { paperWidth: 384, statusTimeoutMs: 300, jobTimeoutMs: 2000 });
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

describe('printer over a serial PTY (socat) to the virtual printer', () => {
  it('prints the test page with Chinese text, QR and barcode', async () => {
    const { sim, printer } = await setup();
    const report = await printer.print(sampleDocument('test-page', { paperWidth: 384 }));
    expect(report.outcome).toBe('printed');
    const decoded = interpret(sim.recentJobs()[0]?.bytes ?? new Uint8Array(), 384);
    expect(decoded.lines[0]).toBe('打印机测试页');
    expect(decoded.qrCodes).toHaveLength(1);
    expect(decoded.barcodes).toHaveLength(1);
    expect(decoded.cuts).toBe(1);
  });

  it('cover open and paper out are typed outcomes; the job prints once after fixing', async () => {
    const { sim, printer } = await setup();
    const doc = sampleDocument('one-time-notice', { paperWidth: 384 });
    sim.setPaper('cover-open');
    expect((await printer.print(doc)).outcome).toBe('cover-open');
    sim.setPaper('out');
    expect((await printer.print(doc)).outcome).toBe('paper-out');
    sim.setPaper('near-end');
    const report = await printer.print(doc);
    expect(report).toMatchObject({ outcome: 'printed', paperNearEnd: true });
    expect(sim.recentJobs()).toHaveLength(1);
  });

  it('the PTY disappearing mid-job gives a typed outcome', async () => {
    const { printer, stopHost } = await setup(800);
    const pending = printer.print(sampleDocument('application-receipt', { paperWidth: 384 }));
    await new Promise((r) => setTimeout(r, 100));
    await stopHost();
    const report = await pending;
    expect(['offline', 'failed']).toContain(report.outcome);
    expect(report.outcome).not.toBe('printed');
  });
});
