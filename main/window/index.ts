// The window workstation (profile `window`): composes the core (session, queue, applications), the actions
// (with printing and the offline replay) and a probe that notices the platform coming back; exposes the
// contract handlers. Built by main/app.ts for the window profile only.
import type { Handlers } from '../../src/contract';
import { ContractError } from '../../src/contract';
import type { Store } from '../../src/store';
import { decodePage } from '../citizen/page-input';
import { WindowActions } from './actions';
import { WindowCache } from './cache';
import { WindowCore } from './service';
import type { WindowServiceOptions } from './service';
import { WalkIn } from './walkin';

export type WindowHandlers = Pick<
  Handlers,
  | 'window.state'
  | 'window.signIn'
  | 'window.signOut'
  | 'window.lock'
  | 'window.unlock'
  | 'window.dismissConflicts'
  | 'window.activity'
  | 'window.queue'
  | 'window.find'
  | 'window.application'
  | 'window.reveal'
  | 'window.material'
  | 'window.act'
  | 'window.recordAgent'
  | 'window.handout'
  | 'window.walkin.begin'
  | 'window.walkin.useCard'
  | 'window.walkin.check'
  | 'window.walkin.addPage'
  | 'window.walkin.removePage'
  | 'window.walkin.precheck'
  | 'window.walkin.submit'
  | 'window.walkin.cancel'
>;

export interface Workstation {
  readonly core: WindowCore;
  readonly actions: WindowActions;
  readonly walkIn: WalkIn;
  readonly handlers: WindowHandlers;
  start(): Promise<void>;
  close(): void;
}

export const DEFAULT_PROBE_MS = 5_000;

export interface WorkstationOptions extends Omit<WindowServiceOptions, 'cache'> {
  store: Store;
  /** Terminal number and hall code of this workstation's records (walk-in intake); read at each submission. */
  terminalId?: () => string;
  hallCode?: () => string;
}

export function createWorkstation(options: WorkstationOptions): Workstation {
  const cache = new WindowCache(options.store.db, options.store.cipher);
  const core = new WindowCore({ ...options, cache });
  const actions = new WindowActions(core);
  const walkIn = new WalkIn(core, {
    store: options.store,
    terminalId: options.terminalId ?? (() => options.windowId),
    hallCode: options.hallCode ?? (() => options.catalog()?.catalog.file.hall.code ?? 'local-hall'),
  });
  let probe: NodeJS.Timeout | null = null;

  /** While signed in: refresh the reachability now and then, and replay offline actions once it answers. */
  const tick = async () => {
    if (core.closed) return;
    const session = core.session.current;
    if (!session || !core.client) return;
    const waiting = cache.pendingCount(options.windowId) > 0;
    if (core.reachability === 'online' && !waiting) return;
    const answer = core.observe(await core.client.queue(session.token));
    if (answer.kind === 'ok') {
      cache.saveQueue(`${session.hallId}:${session.windowId}`, answer.value.applications, new Date().toISOString());
      if (waiting) await actions.replay();
      options.publish('window.queueChanged', { reason: 'sync' });
    }
  };

  const handlers: WindowHandlers = {
    'window.state': async () => (await core.connect(), core.state()),
    'window.signIn': async ({ staffNumber, pin }) => {
      const result = await core.signIn(staffNumber, pin);
      if (result.ok) void actions.replay();
      return result;
    },
    'window.signOut': () => (walkIn.cancel(), core.signOut()),
    'window.lock': () => (walkIn.cancel(), core.session.lock(), core.state()),
    'window.unlock': async ({ pin }) => ({ ok: await core.session.unlock(pin), state: core.state() }),
    'window.dismissConflicts': () => {
      core.replayConflicts = [];
      core.emit();
      return core.state();
    },
    'window.activity': () => (core.session.activity(), { ok: true as const }),
    'window.queue': () => core.queue(),
    'window.find': (input) => core.find(input),
    'window.application': ({ applicationId }) => core.application(applicationId),
    'window.reveal': ({ applicationId }) => core.reveal(applicationId),
    'window.material': ({ applicationId, sha256 }) => core.material(applicationId, sha256),
    'window.act': (input) => actions.act(input),
    'window.recordAgent': ({ applicationId }) => actions.recordAgent(applicationId),
    'window.handout': (input) => {
      if (input.method === 'mail' && !input.mailTracking) throw new ContractError('BAD_INPUT', 'window.mailTrackingRequired', { detail: 'mail delivery needs a tracking number', issues: [{ path: 'mailTracking', reason: 'required' }] });
      return actions.handout(input);
    },
    'window.walkin.begin': ({ subject }) => walkIn.begin(subject),
    'window.walkin.useCard': ({ holder }) => walkIn.useCard(holder),
    'window.walkin.check': ({ subject, values, fields }) => walkIn.check(subject, values, fields),
    'window.walkin.addPage': ({ material, jpeg }) => ({ material, pages: walkIn.addPage(material, decodePage(jpeg)) }),
    'window.walkin.removePage': ({ material, index }) => ({ material, pages: walkIn.removePage(material, index) }),
    'window.walkin.precheck': ({ subject, values, promised, paper }) => walkIn.precheck({ subject, values, promised, paper }),
    'window.walkin.submit': ({ subject, values, promised, paper }) => walkIn.submit({ subject, values, promised, paper }),
    'window.walkin.cancel': () => walkIn.cancel(),
  };

  return {
    core,
    actions,
    walkIn,
    handlers,
    async start() {
      cache.prune(Date.now());
      await core.connect();
      probe = setInterval(() => void tick().catch((error: unknown) => options.logger.warn('window probe failed', { error })), options.probeMs ?? DEFAULT_PROBE_MS);
      probe.unref();
    },
    close() {
      core.closed = true;
      walkIn.close();
      if (probe) clearInterval(probe);
      core.session.close();
    },
  };
}
