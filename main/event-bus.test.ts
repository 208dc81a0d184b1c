import { describe, expect, it } from 'vitest';
import { EventBus } from './event-bus';

describe('EventBus.on', () => {
  it('hears only the named event, with the validated payload, until unsubscribed', () => {
    const bus = new EventBus();
    const levels: string[] = [];
    const off = bus.on('evaluator.key', ({ level }) => levels.push(level));
    bus.publish('evaluator.key', { level: '满意' });
    bus.publish('idcard.removed', {});
    off();
    bus.publish('evaluator.key', { level: '不满意' });
    expect(levels).toEqual(['满意']);
  });

  it('never hears an invalid payload', () => {
    const invalid: string[] = [];
    const bus = new EventBus((name) => invalid.push(name));
    const heard: unknown[] = [];
    bus.on('evaluator.key', (p) => heard.push(p));
    bus.publish('evaluator.key', { level: 'bogus' } as never);
    expect(heard).toEqual([]);
    expect(invalid).toEqual(['evaluator.key']);
  });
});
