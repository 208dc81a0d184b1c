// Device states for the heartbeat, in the protocol's four words.
import type { HeartbeatRequest } from '../../src/sync/protocol';
import type { DeviceSet } from '../devices';

export function heartbeatDevices(devices: DeviceSet): HeartbeatRequest['devices'] {
  return devices
    .all()
    .slice(0, 50)
    .map((device) => {
      const status = device.status();
      const state = !status.connected ? 'offline' : status.state === 'error' ? 'error' : status.state === 'closed' ? 'degraded' : 'ok';
      return { device: `${status.role}:${status.kind}`.slice(0, 128), state };
    });
}
