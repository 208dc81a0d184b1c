import { describe, expect, it } from 'vitest';
import { createLogger, LogRing, silentLogger, withRing } from './log';

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

describe('log ring', () => {
  it('keeps recent entries masked, bounded, filtered by level', () => {
    const ring = new LogRing(3);
    const log = withRing(silentLogger, ring);
    log.debug('not kept');
    log.info('card 430102199003071234 read', { phone: '13812345678' });
    log.warn('paper low');
    log.error('printer gone', { error: new Error('at 310115197806050029') });
    log.info('fourth');
    const all = ring.recent();
    expect(all.map((e) => e.message)).toEqual(['paper low', 'printer gone', 'fourth']);
    expect(ring.recent(10, 'warn').map((e) => e.level)).toEqual(['warn', 'error']);
    expect(ring.recent(1).map((e) => e.message)).toEqual(['fourth']);
    expect(JSON.stringify(all)).not.toMatch(/310115197806050029/);
    expect(all[1]?.details).toContain('3101**********0029');
    expect(all.map((e) => e.seq)).toEqual([2, 3, 4]);
  });

  it('masks what it stores even before anything is shown', () => {
    const ring = new LogRing();
    ring.add('info', 'id 430102199003071234', { mobile: '13812345678' });
    expect(JSON.stringify(ring.recent())).not.toMatch(/430102199003071234|13812345678/);
  });
});
