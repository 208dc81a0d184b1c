// Handlers of the technician console. The dispatcher already refused every privileged method to a
// connection without an unlocked technician session; these only do the work.
// The device methods of the console (discovery, bindings, card test) are the devices module's
// (main/devices/binding-handlers.ts).
import { ContractError } from '../../src/contract';
import type { Handlers } from '../../src/contract';
import type { DeviceManager } from '../../devices/manager/device-manager';
import type { LogRing } from '../log';
import type { TechnicianAuth } from '../technician/auth';
import { buildDiagnostics, writeDiagnostics } from '../technician/diagnostics';
import type { DiagnosticsSources } from '../technician/diagnostics';
import type { IdentityService } from '../technician/identity';

type TechnicianMethod =
  | 'technician.status'
  | 'technician.unlock'
  | 'technician.resume'
  | 'technician.lock'
  | 'technician.keepAlive'
  | 'technician.changePin'
  | 'terminal.identity'
  | 'terminal.setIdentity'
  | 'logs.recent'
  | 'diagnostics.export';

export interface TechnicianDeps {
  readonly auth: TechnicianAuth;
  readonly identity: IdentityService;
  /** What the diagnostics bundle reads of the devices. */
  readonly devices: Pick<DeviceManager, 'all' | 'checkHealth' | 'configuration' | 'statusStream' | 'health'>;
  readonly ring: LogRing;
  readonly dataDir: string;
  readonly diagnostics: Omit<DiagnosticsSources, 'identity' | 'devices' | 'configuration' | 'statusHistory' | 'health' | 'logs' | 'technician'>;
  readonly now?: () => Date;
}

export function technicianHandlers(deps: TechnicianDeps): Pick<Handlers, TechnicianMethod> {
  const now = deps.now ?? (() => new Date());
  return {
    'technician.status': (_input, ctx) => deps.auth.status(ctx.connection),
    'technician.unlock': ({ pin }, ctx) => deps.auth.unlock(pin, ctx.connection),
    'technician.resume': ({ ticket }, ctx) => ({ unlocked: deps.auth.resume(ticket, ctx.connection) }),
    'technician.lock': (_input, ctx) => {
      deps.auth.lock(ctx.connection);
      return { locked: true };
    },
    'technician.keepAlive': (_input, ctx) => {
      const expires = ctx.connection === undefined ? null : deps.auth.sessions.expiresAt(ctx.connection);
      if (expires === null) throw new ContractError('UNAUTHENTICATED', 'technician.sessionEnded', { detail: 'session ended' });
      return { expiresAt: new Date(expires).toISOString() };
    },
    'technician.changePin': async ({ current, next }, ctx) => {
      await deps.auth.changePin(current, next, ctx.connection);
      return { changed: true };
    },
    'terminal.identity': () => deps.identity.get(),
    'terminal.setIdentity': (input) => deps.identity.set(input),
    'logs.recent': ({ limit, minLevel }) => ({ entries: deps.ring.recent(limit ?? 200, minLevel ?? 'debug') }),
    'diagnostics.export': async (_input, ctx) => {
      await deps.devices.checkHealth();
      const at = now();
      const identity = deps.identity.get();
      const content = buildDiagnostics(
        {
          ...deps.diagnostics,
          identity,
          devices: deps.devices.all().map((d) => d.status()),
          configuration: deps.devices.configuration(),
          statusHistory: deps.devices.statusStream.history(),
          health: deps.devices.health.list(),
          logs: deps.ring.recent(),
          technician: { ...deps.auth.status(ctx.connection), unlocked: undefined, expiresAt: undefined },
        },
        at,
      );
      const fileName = writeDiagnostics(deps.dataDir, content, identity, at);
      return { fileName, bytes: Buffer.byteLength(content), content };
    },
  };
}
