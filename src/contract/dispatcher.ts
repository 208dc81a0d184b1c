import type { z } from 'zod';
import { isMethodName, methods } from './api';
import type { MethodInput, MethodName, MethodOutput } from './api';
import type { WindowRole } from './define';
import { ContractError } from './errors';
import type { ContractErrorShape } from './errors';
import { zodIssues } from './zod-issues';
import type { CallResult } from './wire';

export interface CallContext {
  /** Which window (or web page) made the call; checked against a method's roles. */
  readonly role: WindowRole;
  /**
   * Which connection made the call: one per WebSocket in the web shell, one per webContents in Electron.
   * A technician unlock belongs to the connection that entered the PIN; privileged methods need it.
   */
  readonly connection?: string;
}

export type Handler<M extends MethodName> = (
  input: z.output<(typeof methods)[M]['input']>,
  ctx: CallContext,
) => Promise<MethodOutput<M>> | MethodOutput<M>;

export type Handlers = { [M in MethodName]: Handler<M> };

export interface DispatcherOptions {
  /** Told about every failure that is not a ContractError (a bug or a crash in a handler). */
  onInternalError?: (method: string, error: unknown) => void;
  /**
   * Asked before every privileged method: does this connection hold an unlocked technician session?
   * (The answer may also count as activity for the session's idle timer.) Without it, privileged methods
   * are always refused.
   */
  isPrivileged?: (ctx: CallContext) => boolean;
  /** Told when a shell's connection (WebSocket, webContents) goes away, so its technician session ends. */
  onConnectionClosed?: (connection: string) => void;
}

export interface Dispatcher {
  dispatch(method: string, input: unknown, ctx: CallContext): Promise<CallResult>;
  /** Shells call this when a connection closes. */
  connectionClosed(connection: string): void;
}

/**
 * One dispatcher for both shells: validates the input, checks the caller's role, runs the handler,
 * validates the output and turns every failure into a typed {code, reason} (never a stack trace, never
 * zod's words: input issues carry our reason codes).
 */
function failed(code: ContractErrorShape['code'], reason: 'contract.unknownMethod' | 'contract.wrongRole' | 'contract.needsTechnician' | 'contract.badOutput' | 'contract.internal', detail: string): CallResult {
  return { ok: false, error: new ContractError(code, reason, { detail }).toShape() };
}

export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatcher {
  return {
    async dispatch(name, input, ctx) {
      if (!isMethodName(name)) {
        return failed('UNKNOWN_METHOD', 'contract.unknownMethod', `Unknown method: ${name.slice(0, 128)}`);
      }
      const def = methods[name];
      if (def.roles && !def.roles.includes(ctx.role)) {
        return failed('FORBIDDEN', 'contract.wrongRole', `${name} is not available to the ${ctx.role} window`);
      }
      if (def.privileged && !(ctx.connection !== undefined && options.isPrivileged?.(ctx) === true)) {
        return failed('UNAUTHENTICATED', 'contract.needsTechnician', `${name} needs an unlocked technician session`);
      }
      const given = input ?? {};
      const parsed = def.input.safeParse(given);
      if (!parsed.success) {
        return { ok: false, error: new ContractError('BAD_INPUT', 'contract.badInput', { detail: `Invalid input for ${name}`, issues: zodIssues(parsed.error, given) }).toShape() };
      }
      try {
        const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
        const value = await handler(parsed.data, ctx);
        const checked = def.output.safeParse(value);
        if (!checked.success) {
          options.onInternalError?.(name, checked.error);
          return failed('BAD_OUTPUT', 'contract.badOutput', `The terminal produced an invalid answer for ${name}`);
        }
        return { ok: true, value: checked.data };
      } catch (error) {
        if (error instanceof ContractError) return { ok: false, error: error.toShape() };
        options.onInternalError?.(name, error);
        return failed('INTERNAL', 'contract.internal', `${name} failed inside the terminal`);
      }
    },
    connectionClosed(connection) {
      options.onConnectionClosed?.(connection);
    },
  };
}

/** Helper for tests and shells: a typed direct call through a dispatcher. */
export async function callThrough<M extends MethodName>(
  dispatcher: Dispatcher,
  name: M,
  input: MethodInput<M>,
  ctx: CallContext,
): Promise<MethodOutput<M>> {
  const result = await dispatcher.dispatch(name, input, ctx);
  if (!result.ok) throw ContractError.fromShape(result.error);
  return result.value as MethodOutput<M>;
}
