import type { z } from 'zod';
import { event } from './define';
import { DeviceStatus } from './device';
import { catalogMethods } from './methods/catalog';
import { idcardEvents, idcardMethods } from './methods/idcard';
import { evaluatorEvents, evaluatorMethods } from './methods/evaluator';
import { evaluationEvents, evaluationMethods } from './methods/evaluation';
import { technicianEvents, technicianMethods } from './methods/technician';
import { printerEvents, printerMethods } from './methods/printer';
import { scannerEvents, scannerMethods } from './methods/scanner';
import { sessionMethods } from './methods/session';
import { applicationMethods } from './methods/application';
import { systemMethods } from './methods/system';
import { syncEvents, syncMethods } from './methods/sync';
import { windowEvents, windowMethods } from './methods/window';

export * from './methods/catalog';
export * from './methods/idcard';
export * from './methods/evaluator';
export * from './methods/evaluation';
export * from './methods/technician';
export * from './methods/printer';
export * from './methods/scanner';
export * from './methods/session';
export * from './methods/application';
export * from './methods/system';
export * from './methods/sync';
export * from './methods/window';

/**
 * Every method the renderer may call, composed from one file per namespace under ./methods.
 * Inputs are validated on the privileged side by the dispatcher.
 */
export const methods = {
  ...systemMethods,
  ...idcardMethods,
  ...catalogMethods,
  ...printerMethods,
  ...scannerMethods,
  ...evaluatorMethods,
  ...syncMethods,
  ...windowMethods,
  ...sessionMethods,
  ...applicationMethods,
  ...technicianMethods,
  ...evaluationMethods,
} as const;

/** Every event the privileged side pushes to the renderer. */
export const events = {
  'device.status': event({ description: 'A device changed state.', payload: DeviceStatus }),
  ...idcardEvents,
  ...scannerEvents,
  ...evaluatorEvents,
  ...printerEvents,
  ...syncEvents,
  ...windowEvents,
  ...technicianEvents,
  ...evaluationEvents,
} as const;

export type Methods = typeof methods;
export type Events = typeof events;
export type MethodName = keyof Methods;
export type EventName = keyof Events;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}
