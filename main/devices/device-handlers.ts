import type { Handlers } from '../../src/contract';
import type { DeviceSet } from '../../devices/manager/roles';

export function deviceHandlers(devices: Pick<DeviceSet, 'all'>): Pick<Handlers, 'device.list'> {
  return { 'device.list': () => devices.all().map((d) => d.status()) };
}
