import { create } from 'zustand';
import type { DeviceRole, DeviceStatus, SyncState, SystemInfo } from '../../src/contract';

export type ServiceConnection = 'connecting' | 'open' | 'closed';

interface SystemState {
  info: SystemInfo | null;
  devices: Partial<Record<DeviceRole, DeviceStatus>>;
  connection: ServiceConnection;
  /** Sync with the central platform, for the badge (null until the first answer). */
  sync: SyncState | null;
  setInfo(info: SystemInfo): void;
  setDevices(list: readonly DeviceStatus[]): void;
  updateDevice(status: DeviceStatus): void;
  setConnection(state: ServiceConnection): void;
  setSync(sync: SyncState): void;
}

/** What the UI knows about the terminal itself: profile, devices, sync, and whether the service answers. */
export const useSystemStore = create<SystemState>()((set) => ({
  info: null,
  devices: {},
  connection: 'connecting',
  sync: null,
  setInfo: (info) => set({ info }),
  setDevices: (list) => set({ devices: Object.fromEntries(list.map((d) => [d.role, d])) }),
  updateDevice: (status) => set((s) => ({ devices: { ...s.devices, [status.role]: status } })),
  setConnection: (connection) => set({ connection }),
  setSync: (sync) => set({ sync }),
}));

/** A reader counts as usable when it is open and connected; anything else shows "读卡器未连接". */
export function readerUsable(status: DeviceStatus | undefined): boolean {
  return status !== undefined && status.connected && status.state !== 'error' && status.state !== 'closed';
}
