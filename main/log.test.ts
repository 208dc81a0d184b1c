import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

describe('logger', () => {
  it('masks ID and mobile numbers in messages and fields', () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l));
    log.info('card 430102199003071234 read', { phone: '13812345678', error: new Error('id 310115197806050029') });
    const joined = lines.join('\n');
    expect(joined).not.toContain('430102199003071234');
    expect(joined).not.toContain('13812345678');
    expect(joined).not.toContain('310115197806050029');
    expect(joined).toContain('4301**********1234');
  });

  it('drops lines below the minimum level', () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l), 'warn');
    log.info('quiet');
    log.warn('loud');
    expect(lines).toHaveLength(1);
  });
});
