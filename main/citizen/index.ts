// The citizen side of the privileged process, composed once by main/app.ts.
import type { Handlers } from '../../src/contract';
import type { Store } from '../../src/store';
import type { CatalogService } from '../catalog';
import type { DeviceSet } from '../devices';
import type { Logger } from '../log';
import { DEFAULT_IDENTITY } from '../technician/identity';
import { citizenHandlers } from './handlers';
import { CitizenSession } from './session';

export interface Citizen {
  readonly session: CitizenSession;
  readonly handlers: ReturnType<typeof citizenHandlers>;
  /** Stops listening to the reader and wipes the session. */
  close(): void;
}

export interface CitizenOptions {
  store: Store;
  catalog: () => CatalogService | null;
  devices: DeviceSet;
  logger: Logger;
  /** The terminal number as the technician set it (read at each submission). */
  terminalId?: () => string;
  /** The terminal identity's hall code (read at each submission); the catalogue's when not given. */
  hallCode?: () => string;
  now?: () => Date;
}

export function createCitizen({ store, catalog, devices, logger, terminalId = () => 'T-0001', hallCode, now = () => new Date() }: CitizenOptions): Citizen {
  const session = new CitizenSession(() => devices.idcard);
  const handlers: Partial<Handlers> & ReturnType<typeof citizenHandlers> = citizenHandlers({
    store,
    catalog,
    session,
    printer: () => devices.printer,
    terminalId,
    hallCode: hallCode ?? (() => catalog()?.catalog.file.hall.code ?? DEFAULT_IDENTITY.hallCode),
    now,
    log: (message, fields) => logger.info(message, fields),
  });
  const off = devices.cards.on((card) => session.cardRead(card));
  return {
    session,
    handlers,
    close() {
      off();
      session.end();
    },
  };
}
