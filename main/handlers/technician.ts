// Handlers of the technician console. The dispatcher already refused every privileged method to a
// connection without an unlocked technician session; these only do the work.
import { ContractError, maskAddress, maskIdNumber, maskName } from '../../src/contract';
import type { CardTest, Handlers, IdCard } from '../../src/contract';
import type { IdCardReader } from '../../devices/drivers/idcard/reader';
import type { DiscoveredDevice, Listings } from '../../devices/manager/discovery';
import { customerScreenCandidate, discoverCandidates, entryFor, simulatedCandidates } from '../binding/candidates';
import type { DeviceBinder } from '../binding/binder';
import type { DeviceSet } from '../devices';
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
  | 'device.discover'
  | 'device.bindings'
  | 'device.bind'
  | 'device.unbind'
  | 'device.testCard'
  | 'logs.recent'
  | 'diagnostics.export';

export interface TechnicianDeps {
  readonly auth: TechnicianAuth;
  readonly identity: IdentityService;
  readonly binder: DeviceBinder;
  readonly devices: DeviceSet;
  readonly ring: LogRing;
  readonly profile: 'simulated' | 'configured';
  /** Serial and HID listing (configured profile). */
  readonly list: () => Promise<Listings & { problems?: string[] }>;
  readonly dataDir: string;
  readonly diagnostics: Omit<DiagnosticsSources, 'identity' | 'devices' | 'configuration' | 'statusHistory' | 'health' | 'logs' | 'technician'>;
  readonly now?: () => Date;
}

const genders = { male: '男', female: '女', unknown: '未知', unspecified: '未说明' } as const;

const CARD_WAIT_MS = 5_000;

/** The next card the reader reads, or null after `ms`. */
function nextCard(reader: IdCardReader, ms: number): Promise<IdCard | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      off();
      resolve(null);
    }, ms);
    const off = reader.events.on('card', (card) => {
      clearTimeout(timer);
      off();
      resolve(card);
    });
  });
}

export function technicianHandlers(deps: TechnicianDeps): Pick<Handlers, TechnicianMethod> {
  const now = deps.now ?? (() => new Date());
  let found: readonly DiscoveredDevice[] = [];
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
    'device.discover': async () => {
      if (deps.profile === 'simulated') return { candidates: [...simulatedCandidates(), customerScreenCandidate()] };
      const listings = await deps.list();
      const result = discoverCandidates(listings);
      found = result.found;
      const problems = listings.problems ?? [];
      return { candidates: [...result.candidates, customerScreenCandidate()], ...(problems.length ? { problem: problems.join('; ') } : {}) };
    },
    'device.bindings': () => ({ bindings: deps.binder.bindings() }),
    'device.bind': (input) => {
      if ('entry' in input) return deps.binder.bind(input.role, input.entry);
      const choice = entryFor(input.role, input.candidateId, found, input.kind);
      if (!choice.ok) throw new ContractError('NOT_FOUND', 'binding.candidateUnavailable', { detail: choice.message });
      return deps.binder.bind(input.role, choice.entry);
    },
    'device.unbind': async ({ role }) => ({ unbound: await deps.binder.unbind(role) }),
    'device.testCard': async (): Promise<CardTest> => {
      const reader = deps.devices.idcard;
      if (!reader) throw new ContractError('DEVICE_UNAVAILABLE', 'idcard.readerMissing', { detail: 'no ID card reader is bound' });
      const started = Date.now();
      const result = await reader.readCard();
      if (result.code !== 'ok') throw new ContractError('DEVICE_ERROR', 'device.failed', { params: { device: 'idcard', result: result.code }, detail: result.detail });
      // No card yet: give the technician a few seconds to place one (the reader polls by itself).
      const card = result.value ?? (await nextCard(reader, CARD_WAIT_MS));
      if (!card) return { status: 'no-card' };
      return {
        status: 'ok',
        cardType: card.cardType,
        maskedName: maskName(card.name),
        maskedIdNumber: maskIdNumber(card.idNumber),
        idNumberValid: card.idNumberValid,
        gender: genders[card.gender],
        birthYear: card.birthDate.slice(0, 4),
        maskedAddress: card.address ? maskAddress(card.address) : null,
        validUntil: card.validUntil,
        hasPhoto: card.hasPhoto,
        readMs: result.value ? null : Date.now() - started,
      };
    },
    'logs.recent': ({ limit, minLevel }) => ({ entries: deps.ring.recent(limit ?? 200, minLevel ?? 'debug') }),
    'diagnostics.export': async (_input, ctx) => {
      await deps.binder.checkHealth();
      const at = now();
      const identity = deps.identity.get();
      const content = buildDiagnostics(
        {
          ...deps.diagnostics,
          identity,
          devices: deps.devices.all().map((d) => d.status()),
          configuration: deps.binder.configuration(),
          statusHistory: deps.binder.statusStream.history(),
          health: deps.binder.health.list(),
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
