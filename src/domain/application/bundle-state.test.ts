import { describe, expect, it } from 'vitest';
import { deriveBundleState } from './bundle-state';

describe('deriveBundleState', () => {
  it.each([
    [['submitted', 'submitted'], 'submitted'],
    [['accepted', 'submitted'], 'inProgress'],
    [['accepted', 'supplementRequired'], 'needsSupplement'],
    [['decided', 'precheckReturned'], 'needsSupplement'],
    [['decided', 'resultReady', 'delivered'], 'completed'],
    [['delivered', 'delivered'], 'delivered'],
    [['delivered', 'rejected'], 'partlyCompleted'],
    [['rejected', 'returned'], 'notGranted'],
    [['withdrawn', 'abandoned'], 'withdrawn'],
    [['withdrawn', 'delivered'], 'delivered'],
    [['inProgress', 'specialProcedure'], 'inProgress'],
  ] as const)('%j → %s', (members, expected) => {
    expect(deriveBundleState(members)).toBe(expected);
  });
});
