import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EscPosPrinter } from '../../devices/drivers/printer/escpos-printer';
import { interpret } from '../../devices/protocols/escpos/interpreter';
import { servePty } from '../../devices/simulators/printer/hosts';
import { VirtualPrinter } from '../../devices/simulators/printer/virtual-printer';
import { DeviceFileTransport } from '../../devices/transports/device-file';
import { sampleDocument } from '../../src/documents';

// The `file:` transport (Linux /dev/usb/lp*) opens a character device read-write, non-blocking, and polls
// for replies. A PTY end is a character device too, so it stands in for usblp here.

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('printer over a character device file', () => {
  it('prints and reads status through the device file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'printer-file-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const sim = new VirtualPrinter({ paperWidth: 576 });
    const host = await servePty(sim, dir);
    cleanup.push(() => host.close());
    const printer = new EscPosPrinter(new DeviceFileTransport({ path: host.hostPath, pollMs: 5 }), { paperWidth: 576, statusTimeoutMs: 300, jobTimeoutMs: 2000 });
    cleanup.push(() => printer.close());
    expect((await printer.open()).code).toBe('ok');
    sim.setPaper('near-end');
    const condition = await printer.queryCondition();
    expect(condition.code === 'ok' && condition.value.paperNearEnd).toBe(true);
    const report = await printer.print(sampleDocument('acceptance-notice', { paperWidth: 576 }));
    expect(report.outcome).toBe('printed');
    expect(interpret(sim.recentJobs()[0]?.bytes ?? new Uint8Array(), 576).lines[0]).toBe('受理通知书');
  });

  it('a missing device file is a typed result, not a throw', async () => {
    const printer = new EscPosPrinter(new DeviceFileTransport({ path: '/dev/usb/lp-does-not-exist' }));
    expect((await printer.open()).code).toBe('no-hardware');
    expect((await printer.print(sampleDocument('queue-ticket', { paperWidth: 576 }))).outcome).toBe('offline');
  });
});
