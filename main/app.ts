import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher } from '../src/contract';
import { paperWidthDots } from '../src/kernel/receipt';
import type { Dispatcher, Handlers, SystemInfo } from '../src/contract';
import { loadOrCreateKeyFile, openStore } from '../src/store';
import type { Store } from '../src/store';
import { loadCatalog } from './catalog';
import { loadDeviceSettings } from './config';
import type { StartOptions } from './config';
import { recordEvaluation } from '../src/store/record';
import { WindowEvaluationLedger } from '../src/store/window-evaluation-ledger';
import { createDevicesModule } from './devices';
import type { DeviceSet } from './devices';
import { EventBus } from './event-bus';
import { createCitizen } from './citizen';
import { catalogHandlers } from './handlers/catalog';
import { systemHandlers } from './handlers/system';
import { syncHandlers } from './handlers/sync';
import { TerminalSync, type EngineTuning } from './sync/service';
import { createWorkstation } from './window';
import { resolveWindowPlatform } from './window/platform';
import type { SafeStorageLike } from '../src/sync/credentials';
import { LogRing, withRing } from './log';
import type { Logger } from './log';
import { EvaluationDesk } from './evaluation/desk';
import { evaluationHandlers } from './handlers/evaluation';
import { technicianHandlers } from './handlers/technician';
import { TechnicianAuth } from './technician/auth';
import { IdentityService } from './technician/identity';

export interface AppOptions {
  options: StartOptions;
  shell: SystemInfo['shell'];
  version: string;
  logger: Logger;
  /** Electron's safeStorage for the sync secret; the web shell uses a key file in the data directory. */
  safeStorage?: SafeStorageLike | null;
  /** Tests: faster sync timers. */
  syncTuning?: EngineTuning;
  /** Window profile: which window this workstation is (default HALL_WINDOW_ID or W01). */
  windowId?: string;
}

/** The composition root: every service is built once here and shared by whichever shell hosts it. */
export interface App {
  readonly dispatcher: Dispatcher;
  readonly bus: EventBus;
  readonly devices: DeviceSet;
  /** Local SQLite store (catalogue versions, applications, evaluations); closed by close(). */
  readonly store: Store;
  /** Sync with the central platform (embedded, remote or off). */
  readonly sync: TerminalSync;
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createApp({ options, shell, version, logger: baseLogger, safeStorage, syncTuning, windowId }: AppOptions): App {
  // Recent entries (masked) are kept for the technician's log viewer and the diagnostics bundle.
  const logRing = new LogRing();
  const logger = withRing(baseLogger, logRing);
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const store = openStore({
    path: join(options.dataDir, 'terminal.sqlite'),
    key: loadOrCreateKeyFile(join(options.dataDir, 'terminal.key')),
  });
  let catalog = loadCatalog(store, logger);
  const bus = new EventBus((name, message) => logger.error('dropped invalid event', { event: name, message }));
  const deviceSettings = loadDeviceSettings(options.devices);
  // Until a technician sets it, the hall code is the current catalogue's (asked again after a reload).
  const identity = new IdentityService(store.settings, logger, undefined, () => ({
    paperWidthMm: deviceSettings.paperWidthMm,
    ...(catalog ? { hallCode: catalog.catalog.file.hall.code } : {}),
  }));
  const technician = new TechnicianAuth({ settings: store.settings, logger, devices: options.devices, env: process.env });
  // The profile's devices with the technician's stored bindings applied; every role is wired to the bus.
  const devicesModule = createDevicesModule({
    settings: deviceSettings,
    bindings: store.deviceBindings,
    publish: (name, payload) => bus.publish(name, payload),
    logger,
    paperWidth: () => paperWidthDots(identity.get().paperWidthMm),
    terminalId: () => identity.get().terminalNumber,
  });
  const devices = devicesModule.manager;
  const windowRatings = new WindowEvaluationLedger(store);
  const evaluations = new EvaluationDesk({
    store,
    record: (input) => recordEvaluation(store, input, Date.now()),
    remote: { has: (id, channel) => windowRatings.has(id, channel), record: (input, application) => windowRatings.record(input, application, Date.now()) },
    publish: (name, payload) => bus.publish(name, payload),
    logger,
    terminal: () => identity.get().terminalNumber,
    // Called only on a rating, long after `citizen` below exists.
    kioskSubmission: () => citizen.session.lastSubmission()?.applicationId ?? null,
  });
  const sync = new TerminalSync({
    store,
    devices,
    dataDir: options.dataDir,
    platform: options.platform ?? { mode: 'off' },
    version,
    logger,
    publish: (state) => bus.publish('sync.state', state),
    safeStorage: safeStorage ?? null,
    ...(catalog ? { hallId: catalog.catalog.file.hall.code } : {}),
    ...(syncTuning ? { engine: syncTuning } : {}),
  });
  const info: SystemInfo = {
    version,
    profile: options.profile,
    devices: options.devices,
    shell,
    cardDisplayMs: options.cardDisplayMs,
    ...(options.idle ? { idle: options.idle } : {}),
  };

  const citizen = createCitizen({ store, catalog: () => catalog, devices, logger, terminalId: () => identity.get().terminalNumber, hallCode: () => identity.get().hallCode });
  const windowName = windowId ?? process.env.HALL_WINDOW_ID ?? 'W01';
  const workstation = createWorkstation({
    windowId: windowName,
    store,
    devices,
    catalog: () => catalog,
    logger,
    publish: (name, payload) => bus.publish(name, payload),
    platform: () => resolveWindowPlatform({ sync, dataDir: options.dataDir, windowId: windowName, hallFallback: catalog?.catalog.file.hall.code ?? 'local-hall', logger }),
    terminalId: () => identity.get().terminalNumber,
    hallCode: () => identity.get().hallCode,
  });
  const handlers: Handlers = {
    ...systemHandlers(info),
    ...syncHandlers(sync),
    ...devicesModule.handlers,
    ...catalogHandlers(() => catalog),
    ...citizen.handlers,
    ...workstation.handlers,
    ...technicianHandlers({
      auth: technician,
      identity,
      devices,
      ring: logRing,
      dataDir: options.dataDir,
      diagnostics: {
        versions: { terminal: version, node: process.versions.node, electron: process.versions.electron ?? 'none', platform: `${process.platform} ${process.arch}` },
        system: info,
        sync: () => sync.status(),
      },
    }),
    ...evaluationHandlers(
      evaluations,
      options.devices === 'simulated'
        ? {
            latest: () => {
              const latest = store.evaluations.latestUnrated('windowPad');
              if (!latest) return null;
              const subject = catalog?.catalog.item(latest.subjectId) ?? catalog?.catalog.bundle(latest.subjectId);
              return { applicationId: latest.applicationId, serviceName: subject?.name ?? latest.subjectId };
            },
          }
        : null,
    ),
  };
  const dispatcher = createDispatcher(handlers, {
    onInternalError: (method, error) => logger.error('handler failed', { method, error }),
    isPrivileged: (ctx) => technician.isPrivileged(ctx),
    onConnectionClosed: (connection) => technician.lock(connection),
  });

  const unsubscribers: (() => void)[] = [];
  // A new catalogue version or holiday year from the platform: the running terminal uses it at once.
  unsubscribers.push(
    store.inbox.onApplied((message, result) => {
      if (result.outcome !== 'applied' || (message.kind !== 'catalog.delta' && message.kind !== 'calendar.update')) return;
      catalog = loadCatalog(store, logger);
      logger.info('catalogue reloaded after sync', { kind: message.kind, version: catalog?.catalog.file.catalogVersion });
    }),
    // Device faults and recoveries reach the platform through the outbox (the heartbeat only has the latest).
    bus.on('device.status', (status) => sync.recordDeviceStatus(status)),
  );
  unsubscribers.push(
    bus.on('evaluator.key', ({ level }) => evaluations.padKey(level)),
    identity.onChange((next, previous) => {
      bus.publish('terminal.identity', next);
      if (next.paperWidthMm !== previous.paperWidthMm) void devices.rebuild('printer');
    }),
  );

  return {
    dispatcher,
    bus,
    devices,
    store,
    sync,
    start: async () => {
      const purged = store.purgePersonalData(new Date().toISOString());
      if (purged > 0) logger.info('retention purge', { applications: purged });
      await technician.init();
      await devicesModule.start();
      // In the background: the terminal works (and records) whether or not the platform answers.
      void sync.start();
      if (options.profile === 'window') void workstation.start();
    },
    async close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      citizen.close();
      workstation.close();
      await devicesModule.close();
      await sync.close();
      store.close();
    },
  };
}
