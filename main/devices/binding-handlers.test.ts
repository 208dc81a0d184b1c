import { afterEach, describe, expect, it } from 'vitest';
import { DeviceManager } from '../../devices/manager/device-manager';
import { defaultDeviceSettings } from '../../devices/manager/settings';
import type { DeviceProfile } from '../../devices/manager/settings';
import { bindingHandlers } from './binding-handlers';

const managers: DeviceManager[] = [];
afterEach(async () => {
  for (const m of managers.splice(0)) await m.close();
});

const noContext = {} as never;

function setup(profile: DeviceProfile) {
  const manager = new DeviceManager({ settings: defaultDeviceSettings(profile) });
  managers.push(manager);
  const listings = {
    serialPorts: [{ path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' }],
    hidDevices: [],
    problems: ['HID devices: no permission'],
  };
  return { manager, handlers: bindingHandlers({ devices: manager, list: async () => listings, cardWaitMs: 10 }) };
}

describe('device binding handlers', () => {
  it('a bad entry is BAD_INPUT with the field named; a simulated device in the configured profile too', async () => {
    const { handlers } = setup('configured');
    await expect(handlers['device.bind']({ role: 'printer', entry: { kind: 'printer-escpos', link: { type: 'tcp', host: 'p', port: 70000 } } }, noContext)).rejects.toMatchObject({
      code: 'BAD_INPUT',
      issues: [expect.objectContaining({ path: 'devices.printer.link.port' })],
    });
    await expect(handlers['device.bind']({ role: 'printer', entry: { kind: 'printer-escpos', link: { type: 'simulated' } } }, noContext)).rejects.toMatchObject({
      code: 'BAD_INPUT',
      reason: 'binding.simulatedOnly',
      issues: [{ path: 'devices.printer.link.type', reason: 'notAllowed' }],
    });
    await expect(handlers['device.bind']({ role: 'idcard', entry: { kind: 'idcard-sam', link: { type: 'hid', path: '/dev/hidraw0' } } }, noContext)).rejects.toMatchObject({
      code: 'DEVICE_ERROR',
    });
  });

  it('discovery lists the system devices with the listing problems, then binds a candidate by USB ID', async () => {
    const { manager, handlers } = setup('configured');
    const found = await handlers['device.discover']({}, noContext);
    expect(found.candidates.map((c) => c.id)).toEqual(['serial:/dev/ttyUSB0', 'screen:customer']);
    expect(found.problem).toContain('no permission');
    expect(() => handlers['device.bind']({ role: 'printer', candidateId: 'serial:/dev/gone' }, noContext)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    const bound = await handlers['device.bind']({ role: 'printer', candidateId: 'serial:/dev/ttyUSB0' }, noContext);
    expect(bound.binding).toMatchObject({ role: 'printer', kind: 'printer-escpos', link: 'serial USB 1a86:7523 9600 baud', enabled: true });
    expect(manager.printer?.kind).toBe('printer-escpos-serial');
    expect((await handlers['device.bindings']({}, noContext)).bindings.find((b) => b.role === 'printer')?.enabled).toBe(true);
    expect(await handlers['device.unbind']({ role: 'printer' }, noContext)).toEqual({ unbound: true });
  });

  it('the simulated profile offers its virtual devices; the card test without a card says so', async () => {
    const { manager, handlers } = setup('simulated');
    const found = await handlers['device.discover']({}, noContext);
    expect(found.candidates.map((c) => c.id)).toContain('simulated:printer');
    await manager.start();
    expect(await handlers['device.testCard']({}, noContext)).toEqual({ status: 'no-card' });
    await manager.unbind('idcard');
    await expect(handlers['device.testCard']({}, noContext)).rejects.toMatchObject({ code: 'DEVICE_UNAVAILABLE' });
  });
});
