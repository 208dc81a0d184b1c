// The devices feature of the privileged side: the device manager (devices/manager) and the contract
// methods that reach it — device list, ID card read, printer and simulator panel, the technician's
// discovery and bindings. Other modules (citizen, window, evaluation, sync, technician diagnostics) take
// `manager` for the roles and the card feed; nothing here reads process.env (the settings come typed).
import type { PaperWidth } from '../../src/kernel/receipt';
import type { DeviceBindingStore } from '../../devices/manager/bindings';
import { DeviceManager } from '../../devices/manager/device-manager';
import type { Publish } from '../../devices/manager/device-events';
import type { Listings } from '../../devices/manager/discovery';
import type { DeviceSettings } from '../../devices/manager/settings';
import { listSystemDevices } from '../../devices/manager/system-listings';
import type { Logger } from '../log';
import type { FeatureModule } from '../module';
import { bindingHandlers } from './binding-handlers';
import { deviceHandlers } from './device-handlers';
import { idcardHandlers } from './idcard-handlers';
import { printerHandlers } from './printer-handlers';
import { simulatorHandlers } from './simulator-handlers';

export interface DevicesModuleDeps {
  readonly settings: DeviceSettings;
  /** The terminal store's device bindings (src/store's DeviceBindingRepository satisfies the port). */
  readonly bindings: DeviceBindingStore;
  readonly publish: Publish;
  readonly logger: Logger;
  /** The terminal identity's paper width, read whenever a printer is built. */
  readonly paperWidth: () => PaperWidth;
  /** The terminal number as the technician set it, printed on the test page. */
  readonly terminalId: () => string;
  /** Serial and HID listing; default: the system's. */
  readonly list?: () => Promise<Listings & { problems?: string[] }>;
}

type DeviceHandlers = ReturnType<typeof deviceHandlers> &
  ReturnType<typeof idcardHandlers> &
  ReturnType<typeof printerHandlers> &
  ReturnType<typeof simulatorHandlers> &
  ReturnType<typeof bindingHandlers>;

export interface DevicesModule extends FeatureModule {
  readonly handlers: DeviceHandlers;
  /** The roles, the card feed and the bindings, for the modules that use devices. */
  readonly manager: DeviceManager;
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createDevicesModule(deps: DevicesModuleDeps): DevicesModule {
  const list = deps.list ?? listSystemDevices;
  const manager = new DeviceManager({
    settings: deps.settings,
    bindings: deps.bindings,
    publish: deps.publish,
    log: deps.logger,
    list,
    paperWidth: deps.paperWidth,
  });
  return {
    name: 'devices',
    manager,
    handlers: {
      ...deviceHandlers(manager),
      ...idcardHandlers(manager),
      ...printerHandlers(manager, deps.terminalId),
      ...simulatorHandlers(manager),
      ...bindingHandlers({ devices: manager, list }),
    },
    start: () => manager.start(),
    close: () => manager.close(),
  };
}
