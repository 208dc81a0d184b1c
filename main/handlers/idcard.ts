import { ContractError, maskIdNumber, maskName } from '../../src/contract';
import type { Handlers, IdCard, IdCardSummary } from '../../src/contract';
import type { DeviceSet } from '../devices';

export function summarize(card: IdCard): IdCardSummary {
  return {
    cardType: card.cardType,
    maskedName: maskName(card.name),
    maskedIdNumber: maskIdNumber(card.idNumber),
    idNumberValid: card.idNumberValid,
  };
}

export function idcardHandlers(devices: DeviceSet): Pick<Handlers, 'idcard.read'> {
  return {
    'idcard.read': async () => {
      if (!devices.idcard) throw new ContractError('DEVICE_UNAVAILABLE', 'idcard.readerMissing', { detail: 'no ID card reader is bound' });
      const result = await devices.idcard.readCard();
      if (result.code !== 'ok') throw new ContractError('DEVICE_ERROR', 'device.failed', { params: { device: 'idcard', result: result.code }, detail: result.detail });
      return result.value ? { status: 'ok', card: summarize(result.value) } : { status: 'no-card' };
    },
  };
}
