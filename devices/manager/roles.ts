// The four roles a terminal's drivers fill, and what holds each right now. Roles change while the terminal
// runs (technician binding): consumers read the fields at the time of use, never keep a driver.
import type { EvaluatorPad } from '../drivers/evaluator/pad';
import type { IdCardReader } from '../drivers/idcard/reader';
import type { ReceiptPrinter } from '../drivers/printer/printer';
import type { Scanner } from '../drivers/scanner/scanner';
import type { Device, DeviceEvents } from '../model/device';
import type { TypedEmitter } from '../model/emitter';
import { CardFeed } from './card-feed';
import type { SimulatorControls } from './simulated';

/** Any device as the app manages it: lifecycle and status events, whatever its class-specific events. */
export type ManagedDevice = Omit<Device, 'events'> & { readonly events: Pick<TypedEmitter<DeviceEvents>, 'on'> };

/** The driver class of each role a driver fills (the camera is opened by the page, not here). */
export interface RoleDevices {
  idcard: IdCardReader;
  printer: ReceiptPrinter;
  scanner: Scanner;
  evaluator: EvaluatorPad;
}
export type DriverRole = keyof RoleDevices;
export const DRIVER_ROLES: readonly DriverRole[] = ['idcard', 'printer', 'scanner', 'evaluator'];

export function isDriverRole(role: string): role is DriverRole {
  return (DRIVER_ROLES as readonly string[]).includes(role);
}

/**
 * What the rest of the terminal sees of its devices: the driver in each role now, the card feed that
 * follows the idcard role, and (simulated profile only) the simulator panel's handles.
 */
export interface DeviceSet {
  readonly idcard: IdCardReader | null;
  readonly printer: ReceiptPrinter | null;
  readonly scanner: Scanner | null;
  readonly evaluator: EvaluatorPad | null;
  readonly cards: Pick<CardFeed, 'on'>;
  readonly simulator: Readonly<SimulatorControls> | null;
  /** The devices in their roles now, in role order. */
  all(): ManagedDevice[];
}

/** The role slots themselves; only the device manager places drivers in them. */
export class DeviceRoles implements DeviceSet {
  private readonly slots: { [R in DriverRole]: RoleDevices[R] | null } = { idcard: null, printer: null, scanner: null, evaluator: null };
  readonly cards = new CardFeed();

  constructor(readonly simulator: SimulatorControls | null) {}

  get idcard(): IdCardReader | null {
    return this.slots.idcard;
  }
  get printer(): ReceiptPrinter | null {
    return this.slots.printer;
  }
  get scanner(): Scanner | null {
    return this.slots.scanner;
  }
  get evaluator(): EvaluatorPad | null {
    return this.slots.evaluator;
  }

  get<R extends DriverRole>(role: R): RoleDevices[R] | null {
    return this.slots[role];
  }

  /** Puts `device` in `role` (or empties it); the card feed moves with the idcard role. */
  place<R extends DriverRole>(role: R, device: RoleDevices[R] | null): void {
    this.slots[role] = device;
    if (role === 'idcard') this.cards.follow(this.slots.idcard);
  }

  all(): ManagedDevice[] {
    return DRIVER_ROLES.map((role) => this.slots[role]).filter((d): d is NonNullable<typeof d> => d !== null);
  }
}
