import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoff', () => {
  const policy = { baseMs: 1000, capMs: 60_000 };

  it('doubles per attempt between half and all of the ceiling', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 1)).toBe(1000);
    expect(backoffDelay(4, policy, () => 0)).toBe(4000);
    expect(backoffDelay(4, policy, () => 1)).toBe(8000);
  });

  it('stops growing at the cap, even for huge attempt counts', () => {
    expect(backoffDelay(50, policy, () => 1)).toBe(60_000);
    expect(backoffDelay(10_000, policy, () => 0)).toBe(30_000);
  });

  it('spreads terminals apart', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(6, policy)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('treats attempt 0 or negative like the first', () => {
    expect(backoffDelay(0, policy, () => 1)).toBe(1000);
    expect(backoffDelay(-3, policy, () => 1)).toBe(1000);
  });
});
