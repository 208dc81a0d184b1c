import { describe, expect, it } from 'vitest';
import { createConfiguredIdCardReader, createSimulatedIdCardReader } from './idcard-device';

describe('ID card reader construction', () => {
  it('builds no configured reader without HALL_IDCARD_PORT', () => {
    expect(createConfiguredIdCardReader({})).toBeNull();
    expect(createConfiguredIdCardReader({ HALL_IDCARD_PORT: '  ' })).toBeNull();
  });

  it('builds a serial SAM reader from the environment that reports itself offline when nothing answers', async () => {
    const reader = createConfiguredIdCardReader({ HALL_IDCARD_PORT: '/dev/does-not-exist', HALL_IDCARD_BAUD: 'nonsense' });
    expect(reader?.kind).toBe('idcard-sam-serial');
    expect((await reader?.open())?.code).toBe('ok');
    expect(reader?.status()).toMatchObject({ state: 'error', connected: false, detail: expect.stringContaining('读卡器未连接') });
    await reader?.close();
  });

  it('simulated profile: the real SAM driver reads a card the panel places', async () => {
    const { reader, control } = createSimulatedIdCardReader();
    const cards: string[] = [];
    reader.events.on('card', (c) => cards.push(c.cardType));
    expect((await reader.open()).code).toBe('ok');
    await reader.claim();
    await reader.enable();
    control.place({
      cardType: 'resident',
      name: '王五',
      gender: 'male',
      birthDate: '1990-03-07',
      idNumber: '110101199003071233',
      validFrom: '2020-01-01',
      validUntil: 'long-term',
      idNumberValid: true,
      hasPhoto: false,
    });
    const start = Date.now();
    while (cards.length === 0 && Date.now() - start < 3000) await new Promise((r) => setTimeout(r, 10));
    expect(cards).toEqual(['resident']);
    expect(reader.status().kind).toBe('idcard-sam-simulated');
    await reader.close();
  });
});
