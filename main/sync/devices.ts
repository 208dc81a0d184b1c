// Device states for the platform: the heartbeat's snapshot, and a device.health operation in the outbox
// whenever a device's state (in the protocol's four words) changes.
import type { DeviceStatus } from '../../src/contract';
import { deviceHealthOp } from '../../src/sync/ops';
import type { NewOutboxOp } from '../../src/sync/outbox';
import type { HeartbeatRequest } from '../../src/wire/sync-protocol';
import type { DeviceSet } from '../devices';

type HealthState = HeartbeatRequest['devices'][number]['state'];

export function healthState(status: Pick<DeviceStatus, 'connected' | 'state'>): HealthState {
  if (!status.connected) return 'offline';
  if (status.state === 'error') return 'error';
  return status.state === 'closed' ? 'degraded' : 'ok';
}

const deviceName = (status: Pick<DeviceStatus, 'role' | 'kind'>) => `${status.role}:${status.kind}`.slice(0, 128);

export function heartbeatDevices(devices: DeviceSet): HeartbeatRequest['devices'] {
  return devices
    .all()
    .slice(0, 50)
    .map((device) => {
      const status = device.status();
      return { device: deviceName(status), state: healthState(status) };
    });
}

/** Remembers each device's last reported state; answers an operation only when it changed. */
export class DeviceHealthChanges {
  private readonly last = new Map<string, HealthState>();

  observe(status: DeviceStatus): NewOutboxOp | null {
    const device = deviceName(status);
    const state = healthState(status);
    if (this.last.get(device) === state) return null;
    const first = !this.last.has(device);
    this.last.set(device, state);
    // A device that starts healthy is not news; one that starts broken, or changes, is.
    if (first && state === 'ok') return null;
    return deviceHealthOp({ device, state, at: status.updatedAt, ...(status.detail ? { detail: status.detail } : {}) });
  }
}
