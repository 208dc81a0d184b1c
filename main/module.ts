// The unit a profile is built from. Every feature of the privileged side (citizen intake, window, technician,
// evaluation, sync, devices, and later back office, manager, queue) exports one `createXModule(deps)` that
// returns this shape; main/app.ts builds only the modules its profile lists and merges their handlers.
// A module reads no process.env: everything it needs comes in through its typed deps (see main/config.ts).
import type { Handlers } from '../src/contract';

export interface FeatureModule {
  /** Stable name, used by the per-profile module list and its tests ('devices', 'citizen', 'window', …). */
  readonly name: string;
  /** The contract methods this module answers. Two modules never answer the same method. */
  readonly handlers: Partial<Handlers>;
  /** Starts timers, devices or connections; called once, in list order, after every module is built. */
  start?(): Promise<void> | void;
  /** Releases what start() (or construction) took: subscriptions, timers, devices; called in reverse order. */
  close?(): Promise<void> | void;
}
