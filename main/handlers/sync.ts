import { ContractError } from '../../src/contract';
import type { Handlers } from '../../src/contract';
import type { TerminalSync } from '../sync/service';

type SyncHandlers = Pick<Handlers, 'sync.status' | 'sync.enrol' | 'sync.deadLetters' | 'sync.requeue'>;

export function syncHandlers(sync: TerminalSync): SyncHandlers {
  return {
    'sync.status': () => sync.status(),
    'sync.enrol': ({ code, platformUrl }) => sync.enrol(code, platformUrl),
    'sync.deadLetters': () => sync.deadLetters(),
    'sync.requeue': ({ opId }) => {
      const next = sync.requeue(opId);
      if (next === null) throw new ContractError('NOT_FOUND', 'sync.noDeadLetter', { detail: 'no such dead letter' });
      return { opId: next };
    },
  };
}
