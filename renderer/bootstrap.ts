import { api, onConnectionChange } from './api/client';
import { useAttractStore } from './stores/attract-store';
import { useSystemStore } from './stores/system-store';

/** The sync figures as they are now, unless a `sync.state` event brought newer ones meanwhile. */
function refreshSync(): void {
  const before = useSystemStore.getState().sync;
  api.call('sync.status').then(
    (status) => useSystemStore.getState().sync === before && useSystemStore.getState().setSync(status),
    () => {},
  );
}

async function refresh(): Promise<void> {
  const system = useSystemStore.getState();
  refreshSync();
  const [info, devices] = await Promise.all([api.call('system.info'), api.call('device.list')]);
  system.setInfo(info);
  system.setDevices(devices);
  system.setConnection('open');
}

/** Wires contract events into the stores once; components only read stores. */
export function bootstrap(): void {
  onConnectionChange((state) => {
    useSystemStore.getState().setConnection(state);
    if (state === 'open') void refresh().catch(() => {});
  });
  api.on('idcard.inserted', ({ card }) => {
    useAttractStore.getState().showCard(card, useSystemStore.getState().info?.cardDisplayMs);
  });
  api.on('device.status', (status) => useSystemStore.getState().updateDevice(status));
  api.on('sync.state', (state) => useSystemStore.getState().setSync(state));
  void refresh().catch(() => useSystemStore.getState().setConnection('closed'));
}
