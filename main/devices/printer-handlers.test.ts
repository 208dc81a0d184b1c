import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeviceManager } from '../../devices/manager/device-manager';
import { defaultDeviceSettings } from '../../devices/manager/settings';
import type { DeviceSettings } from '../../devices/manager/settings';
import { printerHandlers } from './printer-handlers';

const sets: DeviceManager[] = [];
afterEach(async () => {
  for (const set of sets.splice(0)) await set.close();
});

function manager(settings: DeviceSettings): DeviceManager {
  const set = new DeviceManager({ settings });
  sets.push(set);
  return set;
}

async function simulated() {
  const set = manager(defaultDeviceSettings('simulated'));
  await set.printer?.open();
  return { set, handlers: printerHandlers(set) };
}

const noContext = {} as never;

describe('printer handlers', () => {
  it('preview renders the sample receipt as a PNG whose QR decodes to the tracking number', async () => {
    const { handlers } = await simulated();
    const preview = await handlers['printer.preview']({ kind: 'application-receipt', paperWidth: 384 }, noContext);
    expect(preview.lines[0]).toBe('办件回执');
    const png = PNG.sync.read(Buffer.from(preview.base64, 'base64'));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe('TRK2026000123');
  });

  it('preview at the bound printer width comes from the printer driver', async () => {
    const { set, handlers } = await simulated();
    const printer = set.printer;
    if (!printer) throw new Error('no printer');
    const asked = vi.spyOn(printer, 'preview');
    const own = await handlers['printer.preview']({ kind: 'queue-ticket' }, noContext);
    expect(own.width).toBe(printer.paperWidth);
    expect(asked).toHaveBeenCalledTimes(1);
    const other = await handlers['printer.preview']({ kind: 'queue-ticket', paperWidth: printer.paperWidth === 576 ? 384 : 576 }, noContext);
    expect(other.width).not.toBe(printer.paperWidth);
    expect(asked).toHaveBeenCalledTimes(1);
  });

  it('prints the test page on the simulated printer and lists it among the simulator jobs', async () => {
    const { handlers } = await simulated();
    const { report, preview } = await handlers['printer.printTestPage']({}, noContext);
    expect(report.outcome).toBe('printed');
    expect(preview.lines[0]).toBe('打印机测试页');
    expect(preview.mime).toBe('image/png');
    const jobs = await handlers['sim.printer.jobs']({}, noContext);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.png?.length).toBeGreaterThan(100);
  });

  it('setPaper out → status says so and the next job is refused with a typed outcome', async () => {
    const { handlers } = await simulated();
    await handlers['sim.printer.setPaper']({ state: 'out' }, noContext);
    const status = await handlers['printer.status']({}, noContext);
    expect(status.available && status.condition?.paperOut).toBe(true);
    const { report } = await handlers['printer.printTestPage']({}, noContext);
    expect(report.outcome).toBe('paper-out');
  });

  it('device.list sees the printer in both profiles', async () => {
    const { set } = await simulated();
    expect(set.all().map((d) => d.status().role)).toContain('printer');
    const configured = manager({ ...defaultDeviceSettings('configured'), printer: { type: 'tcp', host: '127.0.0.1', port: 9 }, paperWidthMm: 58 });
    expect(configured.printer?.paperWidth).toBe(384);
    expect(configured.all().map((d) => d.status().kind)).toContain('printer-escpos-tcp');
  });

  it('without a configured printer, status says unavailable and simulator methods are forbidden', async () => {
    const set = manager(defaultDeviceSettings('configured'));
    const handlers = printerHandlers(set);
    expect(await handlers['printer.status']({}, noContext)).toMatchObject({ available: false });
    expect(() => handlers['sim.printer.setPaper']({ state: 'ok' }, noContext)).toThrow(/simulator/);
  });
});
