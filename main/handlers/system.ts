import type { Handlers, SystemInfo } from '../../src/contract';

export function systemHandlers(info: SystemInfo): Pick<Handlers, 'system.info'> {
  return { 'system.info': () => info };
}
