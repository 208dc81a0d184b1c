import { describe, expect, it } from 'vitest';
import { EventBus } from './event-bus';
import { eventForRole, requestForRole } from './role-events';

const finished = { requestId: 'r1', applicationId: 'APP-1', outcome: 'rated' as const, level: '不满意' as const };
const requested = { requestId: 'r1', applicationId: 'APP-1', serviceName: '居民身份证换领', staff: { name: '张工', number: 'A0317' }, requestedAt: '2026-11-23T10:00:00+08:00', presetLevel: '非常不满意' as const };

describe('events per page role: the rating level is the citizen’s', () => {
  it('the customer page hears the level; the window, kiosk, technician and unknown pages do not', () => {
    expect(eventForRole('customer', 'evaluation.finished', finished)).toEqual(finished);
    for (const role of ['window', 'kiosk', 'technician', null] as const) {
      const seen = eventForRole(role, 'evaluation.finished', finished);
      expect(seen).toEqual({ requestId: 'r1', applicationId: 'APP-1', outcome: 'rated' });
      expect(JSON.stringify(seen)).not.toContain('满意');
    }
    expect(finished.level).toBe('不满意');
  });

  it('a pad-preset level in a request reaches only the customer page, as event and as answer', () => {
    expect(eventForRole('customer', 'evaluation.requested', requested)).toEqual(requested);
    const { presetLevel: _preset, ...rest } = requested;
    expect(eventForRole('window', 'evaluation.requested', requested)).toEqual(rest);
    expect(requestForRole('window', requested)).toEqual(rest);
    expect(requestForRole('customer', requested)).toEqual(requested);
    expect(requestForRole('window', null)).toBeNull();
  });

  it('other events pass unchanged to every role', () => {
    const state = { reason: 'action' };
    expect(eventForRole('window', 'window.queueChanged', state)).toBe(state);
    expect(eventForRole('window', 'idcard.removed', {})).toEqual({});
  });

  it('through the bus: a window listener filtering by role never receives the level', () => {
    const bus = new EventBus();
    const heard: unknown[] = [];
    bus.subscribe((name, payload) => heard.push(eventForRole('window', name, payload)));
    bus.publish('evaluation.finished', finished);
    expect(heard).toEqual([{ requestId: 'r1', applicationId: 'APP-1', outcome: 'rated' }]);
  });
});
