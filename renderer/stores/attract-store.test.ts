import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAttractStore } from './attract-store';

const card = { cardType: 'resident' as const, maskedName: '张*', maskedIdNumber: '4301**********1234', idNumberValid: true };

describe('attract store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    useAttractStore.getState().clear();
    vi.useRealTimers();
  });

  it('shows a card and clears it after 10 s by default', () => {
    useAttractStore.getState().showCard(card);
    expect(useAttractStore.getState().card).toEqual(card);
    vi.advanceTimersByTime(9_999);
    expect(useAttractStore.getState().card).toEqual(card);
    vi.advanceTimersByTime(1);
    expect(useAttractStore.getState().card).toBeNull();
  });

  it('restarts the countdown when another card is read', () => {
    useAttractStore.getState().showCard(card, 1_000);
    vi.advanceTimersByTime(800);
    useAttractStore.getState().showCard({ ...card, maskedName: '李**' }, 1_000);
    vi.advanceTimersByTime(800);
    expect(useAttractStore.getState().card?.maskedName).toBe('李**');
    vi.advanceTimersByTime(200);
    expect(useAttractStore.getState().card).toBeNull();
  });

  it('clears at once on demand (card removed, session wiped)', () => {
    useAttractStore.getState().showCard(card);
    useAttractStore.getState().clear();
    expect(useAttractStore.getState().card).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });
});
