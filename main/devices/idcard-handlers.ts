import { ContractError } from '../../src/contract';
import type { Handlers } from '../../src/contract';
import { summarizeCard } from '../../devices/manager/device-events';
import type { DeviceSet } from '../../devices/manager/roles';

export function idcardHandlers(devices: Pick<DeviceSet, 'idcard'>): Pick<Handlers, 'idcard.read'> {
  return {
    'idcard.read': async () => {
      const reader = devices.idcard;
      if (!reader) throw new ContractError('DEVICE_UNAVAILABLE', 'idcard.readerMissing', { detail: 'no ID card reader is bound' });
      const result = await reader.readCard();
      if (result.code !== 'ok') throw new ContractError('DEVICE_ERROR', 'device.failed', { params: { device: 'idcard', result: result.code }, detail: result.detail });
      return result.value ? { status: 'ok', card: summarizeCard(result.value) } : { status: 'no-card' };
    },
  };
}
