import type { Handlers } from '../../src/contract';
import type { DeviceSet } from '../devices';

export function deviceHandlers(devices: DeviceSet): Pick<Handlers, 'device.list'> {
  return { 'device.list': () => devices.all().map((d) => d.status()) };
}
