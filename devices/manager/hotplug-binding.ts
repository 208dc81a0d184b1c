// Follows bound stream devices (scanners, key pads) in the system's device listing. Serial bindings do not
// always notice a line that goes away, and a device that comes back waits out its backoff; the listing
// tells both sooner. Used by the device manager in the configured profile; polls only while a bound
// device has a port to follow.
import { HotplugWatcher, resolveLink } from './discovery';
import type { DiscoveredDevice, Listings } from './discovery';
import type { Link } from './config';

export interface LinkAware {
  /** The port vanished from the listing: report it and start reconnecting. */
  linkGone(reason: string): void;
  /** The port is listed again: reconnect now rather than after the backoff. */
  linkBack?(): void;
}

/** A bound device and how to find its port: where it is now, and which listed devices are it. */
export interface HotplugTarget {
  readonly device: LinkAware;
  /** Where the device is now (a fixed port, or `ResolvingTransport.currentPath`); null before it was found. */
  readonly currentPath: () => string | null;
  readonly link?: Link;
}

/** Whether a listed device is the one `link` is bound to: the same fixed port, or a matching USB ID. */
export function linkMatches(link: Link, listed: DiscoveredDevice): boolean {
  if (link.type !== 'serial' && link.type !== 'hid') return false;
  if (link.path !== undefined) return listed.path === link.path;
  return resolveLink(link, [listed]).ok;
}

/**
 * Connects the hot-plug watcher to a bound device: when the port the device is using vanishes from the
 * listing, the device is told, whether or not its transport noticed; when a device matching its link
 * appears, it is told to reconnect now.
 */
export function bindHotplug(watcher: HotplugWatcher, device: LinkAware, currentPath: () => string | null, link?: Link): () => void {
  const offGone = watcher.events.on('vanished', (gone) => {
    const path = currentPath();
    if (gone.path !== undefined && path !== null && gone.path === path) device.linkGone(`${gone.label} vanished`);
  });
  const offBack = watcher.events.on('appeared', (back) => {
    if (link && linkMatches(link, back)) device.linkBack?.();
  });
  return () => {
    offGone();
    offBack();
  };
}

/** One watcher for every followed role; it polls only between start() and close() while a role is followed. */
export class HotplugFollower {
  readonly watcher: HotplugWatcher;
  private readonly followed = new Map<string, () => void>();
  private started = false;

  constructor(
    list: () => Promise<Listings>,
    private readonly intervalMs: number,
  ) {
    this.watcher = new HotplugWatcher(list);
  }

  /** Follows `target` for `role` (replacing what was followed there), or stops following the role. */
  follow(role: string, target: HotplugTarget | null): void {
    this.followed.get(role)?.();
    this.followed.delete(role);
    if (target) this.followed.set(role, bindHotplug(this.watcher, target.device, target.currentPath, target.link));
    this.update();
  }

  following(): string[] {
    return [...this.followed.keys()];
  }

  start(): void {
    this.started = true;
    this.update();
  }

  close(): void {
    this.started = false;
    for (const off of this.followed.values()) off();
    this.followed.clear();
    this.watcher.stop();
  }

  private update(): void {
    if (this.started && this.followed.size > 0) this.watcher.start(this.intervalMs);
    else this.watcher.stop();
  }
}
