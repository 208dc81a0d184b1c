import { api, onConnectionChange } from './api/client';
import { useAttractStore } from './stores/attract-store';
import { useSystemStore } from './stores/system-store';

async function refresh(): Promise<void> {
  const system = useSystemStore.getState();
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
  void refresh().catch(() => useSystemStore.getState().setConnection('closed'));
}
