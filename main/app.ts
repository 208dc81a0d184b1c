import { mkdirSync } from 'node:fs';
import { createDispatcher } from '../src/contract';
import type { Dispatcher, Handlers, SystemInfo } from '../src/contract';
import type { StartOptions } from './config';
import { createDeviceSet, startDevices } from './devices';
import type { DeviceSet } from './devices';
import { EventBus } from './event-bus';
import { deviceHandlers } from './handlers/device';
import { idcardHandlers, summarize } from './handlers/idcard';
import { simulatorHandlers } from './handlers/simulator';
import { systemHandlers } from './handlers/system';
import type { Logger } from './log';

export interface AppOptions {
  options: StartOptions;
  shell: SystemInfo['shell'];
  version: string;
  logger: Logger;
}

/** The composition root: every service is built once here and shared by whichever shell hosts it. */
export interface App {
  readonly dispatcher: Dispatcher;
  readonly bus: EventBus;
  readonly devices: DeviceSet;
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createApp({ options, shell, version, logger }: AppOptions): App {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const bus = new EventBus((name, message) => logger.error('dropped invalid event', { event: name, message }));
  const devices = createDeviceSet(options.devices);
  const info: SystemInfo = {
    version,
    profile: options.profile,
    devices: options.devices,
    shell,
    cardDisplayMs: options.cardDisplayMs,
  };

  const handlers: Handlers = {
    ...systemHandlers(info),
    ...deviceHandlers(devices),
    ...idcardHandlers(devices),
    ...simulatorHandlers(devices),
  };
  const dispatcher = createDispatcher(handlers, {
    onInternalError: (method, error) => logger.error('handler failed', { method, error }),
  });

  const unsubscribers: (() => void)[] = [];
  for (const device of devices.all()) {
    unsubscribers.push(device.events.on('status', (status) => bus.publish('device.status', status)));
  }
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

  return {
    dispatcher,
    bus,
    devices,
    start: () => startDevices(devices),
    async close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      for (const device of devices.all()) await device.close();
    },
  };
}
