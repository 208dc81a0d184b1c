import { describe, expect, it } from 'vitest';
import { sampleCards } from './sample-cards';
import { SimulatedIdCardReader } from './simulated-reader';
import { checkIdNumber } from '../../../src/contract';

describe('SimulatedIdCardReader', () => {
  it('follows open → claim → enable and reports status changes', async () => {
    const reader = new SimulatedIdCardReader();
    const states: string[] = [];
    reader.events.on('status', (s) => states.push(s.state));
    expect((await reader.enable()).code).toBe('closed');
    await reader.open();
    expect((await reader.enable()).code).toBe('not-claimed');
    await reader.claim();
    expect((await reader.enable()).code).toBe('ok');
    await reader.close();
    expect(states).toEqual(['idle', 'closed']);
  });

  it('emits one card event per placement and a removal', async () => {
    const reader = new SimulatedIdCardReader();
    await reader.open();
    await reader.claim();
    await reader.enable();
    const seen: string[] = [];
    reader.events.on('card', (c) => seen.push(c.cardType));
    reader.events.on('removed', () => seen.push('removed'));
    const first = sampleCards[0];
    if (!first) throw new Error('no sample');
    reader.place(first.card);
    expect(await reader.readCard()).toEqual({ code: 'ok', value: first.card });
    expect(reader.remove()).toBe(true);
    expect(reader.remove()).toBe(false);
    expect(seen).toEqual(['resident', 'removed']);
  });

  it('ships only sample residents whose numbers validate', () => {
    for (const sample of sampleCards.filter((s) => s.card.cardType !== 'foreign-permanent')) {
      expect(checkIdNumber(sample.card.idNumber).valid).toBe(true);
    }
  });
});
