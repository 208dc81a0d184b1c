import type { HotplugWatcher } from './discovery';

export interface LinkAware {
  linkGone(reason: string): void;
}

/**
 * Connects the hot-plug watcher to a bound device: when the port the device is using vanishes from the
 * listing, the device is told, whether or not its transport noticed. `currentPath` is where the device is
 * now (a fixed port, or `ResolvingTransport.currentPath`).
 */
export function bindHotplug(watcher: HotplugWatcher, device: LinkAware, currentPath: () => string | null): () => void {
  return watcher.events.on('vanished', (gone) => {
    const path = currentPath();
    if (gone.path !== undefined && path !== null && gone.path === path) device.linkGone(`${gone.label} vanished`);
  });
}
