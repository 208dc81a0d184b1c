// The technician console's device methods: discovery, bindings, and the card-reader test. The dispatcher
// already refused them to a connection without an unlocked technician session (they are `privileged` in
// the contract); these only do the work.
import { ContractError } from '../../src/contract';
import { maskAddress, maskIdNumber, maskName } from '../../src/kernel/mask';
import type { CardTest, Handlers, IdCard } from '../../src/contract';
import type { IdCardReader } from '../../devices/drivers/idcard/reader';
import type { BindingError } from '../../devices/manager/bindings';
import { customerScreenCandidate, discoverCandidates, entryFor, simulatedCandidates } from '../../devices/manager/candidates';
import type { DeviceManager } from '../../devices/manager/device-manager';
import type { DiscoveredDevice, Listings } from '../../devices/manager/discovery';

type BindingMethod = 'device.discover' | 'device.bindings' | 'device.bind' | 'device.unbind' | 'device.testCard';

export interface BindingHandlerDeps {
  readonly devices: Pick<DeviceManager, 'profile' | 'bind' | 'unbind' | 'bindings' | 'idcard'>;
  /** Serial and HID listing (configured profile). */
  readonly list: () => Promise<Listings & { problems?: string[] }>;
  readonly cardWaitMs?: number;
}

const fieldDetail = (fields: readonly { path: string; message: string }[]) => fields.map((f) => `${f.path}: ${f.message}`).join('; ');

const genders = { male: '男', female: '女', unknown: '未知', unspecified: '未说明' } as const;

/** A refused binding as the contract carries it: field errors for a bad entry, DEVICE_ERROR for a driver. */
export function bindingContractError(error: BindingError): ContractError {
  switch (error.code) {
    case 'invalid-entry':
      return new ContractError('BAD_INPUT', 'binding.invalid', { params: { role: error.role }, detail: `invalid ${error.role} binding: ${fieldDetail(error.fields)}`, issues: error.fields.map((f) => ({ path: f.path, reason: 'invalid' as const })) });
    case 'not-in-profile':
      return new ContractError('BAD_INPUT', 'binding.simulatedOnly', { detail: 'simulated devices exist only with --devices simulated', issues: error.fields.map((f) => ({ path: f.path, reason: 'notAllowed' as const })) });
    case 'build-failed':
      return new ContractError('DEVICE_ERROR', 'binding.buildFailed', { params: { role: error.role }, detail: error.detail });
  }
}

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

export function bindingHandlers(deps: BindingHandlerDeps): Pick<Handlers, BindingMethod> {
  let found: readonly DiscoveredDevice[] = [];
  const bind = async (...args: Parameters<DeviceManager['bind']>) => {
    const outcome = await deps.devices.bind(...args);
    if (!outcome.ok) throw bindingContractError(outcome.error);
    return { binding: outcome.binding, status: outcome.status };
  };
  return {
    'device.discover': async () => {
      if (deps.devices.profile === 'simulated') return { candidates: [...simulatedCandidates(), customerScreenCandidate()] };
      const listings = await deps.list();
      const result = discoverCandidates(listings);
      found = result.found;
      const problems = listings.problems ?? [];
      return { candidates: [...result.candidates, customerScreenCandidate()], ...(problems.length ? { problem: problems.join('; ') } : {}) };
    },
    'device.bindings': () => ({ bindings: deps.devices.bindings() }),
    'device.bind': (input) => {
      if ('entry' in input) return bind(input.role, input.entry);
      const choice = entryFor(input.role, input.candidateId, found, input.kind);
      if (!choice.ok) throw new ContractError('NOT_FOUND', 'binding.candidateUnavailable', { detail: choice.message });
      return bind(input.role, choice.entry);
    },
    'device.unbind': async ({ role }) => ({ unbound: await deps.devices.unbind(role) }),
    'device.testCard': async (): Promise<CardTest> => {
      const reader = deps.devices.idcard;
      if (!reader) throw new ContractError('DEVICE_UNAVAILABLE', 'idcard.readerMissing', { detail: 'no ID card reader is bound' });
      const started = Date.now();
      const result = await reader.readCard();
      if (result.code !== 'ok') throw new ContractError('DEVICE_ERROR', 'device.failed', { params: { device: 'idcard', result: result.code }, detail: result.detail });
      // No card yet: give the technician a few seconds to place one (the reader polls by itself).
      const card = result.value ?? (await nextCard(reader, deps.cardWaitMs ?? 5_000));
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
  };
}
