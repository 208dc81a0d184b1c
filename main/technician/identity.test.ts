import { describe, expect, it } from 'vitest';
import { methods } from '../../src/contract';
import { createDispatcher } from '../../src/contract';
import type { Handlers } from '../../src/contract';
import { silentLogger } from '../log';
import { DEFAULT_IDENTITY, IDENTITY_KEY, IdentityService } from './identity';

function settings(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { get: (k: string) => data.get(k) ?? null, set: (k: string, v: string) => void data.set(k, v), delete: (k: string) => data.delete(k), data };
}

describe('terminal identity', () => {
  it('starts from the defaults, stores a valid identity and tells listeners', () => {
    const s = settings();
    const identity = new IdentityService(s, silentLogger);
    expect(identity.get()).toEqual(DEFAULT_IDENTITY);
    const seen: number[] = [];
    identity.onChange((next, previous) => seen.push(next.idleTimeoutSeconds, previous.idleTimeoutSeconds));
    identity.set({ ...DEFAULT_IDENTITY, hallCode: 'CS0102', idleTimeoutSeconds: 90 });
    expect(seen).toEqual([90, 60]);
    expect(new IdentityService(s, silentLogger).get().hallCode).toBe('CS0102');
  });

  it('a bad stored value falls back to the defaults instead of crashing', () => {
    expect(new IdentityService(settings({ [IDENTITY_KEY]: '{"hallCode":"x"}' }), silentLogger).get()).toEqual(DEFAULT_IDENTITY);
    expect(new IdentityService(settings({ [IDENTITY_KEY]: 'nope' }), silentLogger).get()).toEqual(DEFAULT_IDENTITY);
  });

  it('validation errors name the field', async () => {
    const handlers = { 'terminal.setIdentity': (input: unknown) => input } as unknown as Handlers;
    const d = createDispatcher(handlers, { isPrivileged: () => true });
    const result = await d.dispatch(
      'terminal.setIdentity',
      { ...DEFAULT_IDENTITY, hallCode: 'hall 1', idleTimeoutSeconds: 5, paperWidthMm: 76, extra: true },
      { role: 'technician', connection: 'c' },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BAD_INPUT');
    const fields = (result.error.issues ?? []).map((i) => i.path);
    expect(fields).toEqual(expect.arrayContaining(['hallCode', 'idleTimeoutSeconds', 'paperWidthMm']));
    expect(result.error.issues?.find((i) => i.path === 'idleTimeoutSeconds')).toEqual({ path: 'idleTimeoutSeconds', reason: 'tooSmall', params: { min: 30 } });
    expect(result.error.issues?.find((i) => i.path === 'hallCode')).toEqual({ path: 'hallCode', reason: 'pattern' });
    expect(methods['terminal.setIdentity'].input.safeParse(DEFAULT_IDENTITY).success).toBe(true);
  });

  it('refuses a bad identity even when called directly', () => {
    const identity = new IdentityService(settings(), silentLogger);
    expect(() => identity.set({ ...DEFAULT_IDENTITY, terminalName: '' })).toThrow();
    expect(identity.get()).toEqual(DEFAULT_IDENTITY);
  });
});

describe('terminal identity defaults', () => {
  it('seeds the hall code and paper width until a technician sets them; an invalid seed is ignored', () => {
    expect(new IdentityService(settings(), silentLogger, undefined, { hallCode: 'QX01', paperWidthMm: 58 }).get()).toMatchObject({ hallCode: 'QX01', paperWidthMm: 58 });
    expect(new IdentityService(settings(), silentLogger, undefined, { hallCode: 'not a code' }).get()).toEqual(DEFAULT_IDENTITY);
  });

  it('follows the catalogue’s hall code while never set (a reload changes it); once set, the stored one stays', () => {
    let hall = 'QX01';
    const s = settings();
    const identity = new IdentityService(s, silentLogger, undefined, () => ({ hallCode: hall }));
    expect(identity.get().hallCode).toBe('QX01');
    hall = 'QX02';
    expect(identity.get().hallCode).toBe('QX02');
    identity.set({ ...identity.get(), hallCode: 'CS0102' });
    hall = 'QX03';
    expect(identity.get().hallCode).toBe('CS0102');
    expect(new IdentityService(s, silentLogger, undefined, () => ({ hallCode: hall })).get().hallCode).toBe('CS0102');
  });
});
