import type { z } from 'zod';

export interface MethodDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** Who may call it: every shell window, or only windows of the listed roles. */
  readonly roles?: readonly WindowRole[];
  /**
   * Technician-only: refused unless the calling connection (page / window) holds an unlocked technician
   * session (PIN entered, not idle for 10 minutes, not exited). Checked by the dispatcher, after `roles`.
   */
  readonly privileged?: boolean;
  readonly description: string;
}

export interface EventDefinition<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
  readonly description: string;
}

export type WindowRole = 'kiosk' | 'window' | 'customer' | 'technician';

export function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDefinition<I, O>): MethodDefinition<I, O> {
  return def;
}

export function event<P extends z.ZodType>(def: EventDefinition<P>): EventDefinition<P> {
  return def;
}
