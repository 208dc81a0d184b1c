import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher } from '../src/contract';
import type { Dispatcher, Handlers, SystemInfo } from '../src/contract';
import { loadOrCreateKeyFile, openStore } from '../src/store';
import type { Store } from '../src/store';
import { loadCatalog } from './catalog';
import type { StartOptions } from './config';
import { forwardScannerAndPadEvents, scannerAndPadSimulatorHandlers } from '../devices/manager/simulated';
import { createDeviceSet, startDevices } from './devices';
import type { DeviceSet } from './devices';
import { EventBus } from './event-bus';
import { createCitizen } from './citizen';
import { catalogHandlers } from './handlers/catalog';
import { deviceHandlers } from './handlers/device';
import { idcardHandlers, summarize } from './handlers/idcard';
import { printerHandlers } from './handlers/printer';
import { simulatorHandlers } from './handlers/simulator';
import { systemHandlers } from './handlers/system';
import { syncHandlers } from './handlers/sync';
import { TerminalSync, type EngineTuning } from './sync/service';
import type { SafeStorageLike } from '../src/sync/credentials';
import type { Logger } from './log';

export interface AppOptions {
  options: StartOptions;
  shell: SystemInfo['shell'];
  version: string;
  logger: Logger;
  /** Electron's safeStorage for the sync secret; the web shell uses a key file in the data directory. */
  safeStorage?: SafeStorageLike | null;
  /** Tests: faster sync timers. */
  syncTuning?: EngineTuning;
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

export function createApp({ options, shell, version, logger, safeStorage, syncTuning }: AppOptions): App {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const store = openStore({
    path: join(options.dataDir, 'terminal.sqlite'),
    key: loadOrCreateKeyFile(join(options.dataDir, 'terminal.key')),
  });
  let catalog = loadCatalog(store, logger);
  const bus = new EventBus((name, message) => logger.error('dropped invalid event', { event: name, message }));
  const devices = createDeviceSet(options.devices);
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
  };

  const citizen = createCitizen({ store, catalog: () => catalog, devices, logger });
  const handlers: Handlers = {
    ...systemHandlers(info),
    ...syncHandlers(sync),
    ...deviceHandlers(devices),
    ...idcardHandlers(devices),
    ...catalogHandlers(() => catalog),
    ...citizen.handlers,
    ...simulatorHandlers(devices),
    ...printerHandlers(devices),
    ...scannerAndPadSimulatorHandlers(() => devices.simulator?.scannerAndPad ?? null),
  };
  const dispatcher = createDispatcher(handlers, {
    onInternalError: (method, error) => logger.error('handler failed', { method, error }),
  });

  const unsubscribers: (() => void)[] = [];
  // A new catalogue version or holiday year from the platform: the running terminal uses it at once.
  unsubscribers.push(
    store.inbox.onApplied((message, result) => {
      if (result.outcome !== 'applied' || (message.kind !== 'catalog.delta' && message.kind !== 'calendar.update')) return;
      catalog = loadCatalog(store, logger);
      logger.info('catalogue reloaded after sync', { kind: message.kind, version: catalog?.catalog.file.catalogVersion });
    }),
  );
  for (const device of devices.all()) {
    unsubscribers.push(device.events.on('status', (status) => bus.publish('device.status', status)));
  }
  unsubscribers.push(forwardScannerAndPadEvents(devices, (name, payload) => bus.publish(name, payload)));
  if (devices.idcard) {
    const reader = devices.idcard;
    unsubscribers.push(
      reader.events.on('card', (card) => {
        logger.info('card read', { cardType: card.cardType, valid: card.idNumberValid });
        bus.publish('idcard.inserted', { card: summarize(card) });
      }),
      reader.events.on('removed', () => bus.publish('idcard.removed', {})),
    );
  }
  if (devices.printer) {
    const printer = devices.printer;
    unsubscribers.push(
      printer.events.on('alert', (alert) => {
        logger.warn('printer alert', { kind: alert.kind, detail: alert.detail });
        bus.publish('printer.alert', alert);
      }),
      printer.events.on('job', (report) => {
        logger.info('print job', { title: report.title, outcome: report.outcome, attempts: report.attempts });
        bus.publish('printer.job', report);
      }),
    );
  }

  return {
    dispatcher,
    bus,
    devices,
    store,
    sync,
    start: async () => {
      const purged = store.purgePersonalData(new Date().toISOString());
      if (purged > 0) logger.info('retention purge', { applications: purged });
      await startDevices(devices);
      // In the background: the terminal works (and records) whether or not the platform answers.
      void sync.start();
    },
    async close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      citizen.close();
      for (const device of devices.all()) await device.close();
      await sync.close();
      store.close();
    },
  };
}
