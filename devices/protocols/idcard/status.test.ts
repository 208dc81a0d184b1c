import { describe, expect, it } from 'vitest';
import { describeStatus, knownStatusCodes } from './status';

describe('SW3 status codes', () => {
  it.each([
    [0x90, 'ok'],
    [0x9f, 'ok'],
    [0x91, 'absent-item'],
    [0x10, 'retry'],
    [0x11, 'retry'],
    [0x21, 'bug'],
    [0x23, 'bug'],
    [0x24, 'retry'],
    [0x31, 'replace-card'],
    [0x32, 'replace-card'],
    [0x33, 'replace-card'],
    [0x37, 'replace-card'],
    [0x3f, 'replace-card'],
    [0x40, 'not-id-card'],
    [0x41, 'replace-card'],
    [0x47, 'replace-card'],
    [0x60, 'fault'],
    [0x66, 'fault'],
    [0x80, 'no-card'],
    [0x81, 'replace-card'],
  ])('0x%s maps to %s', (sw3, kind) => {
    expect(describeStatus(sw3).kind).toBe(kind);
  });

  it('covers every code of the spec table and reports unknown ones', () => {
    expect(knownStatusCodes.length).toBe(20);
    expect(describeStatus(0x55)).toEqual({ sw3: 0x55, kind: 'unknown', meaning: 'unknown status 0x55' });
  });
});
