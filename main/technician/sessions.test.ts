import { describe, expect, it } from 'vitest';
import { IDLE_MS, TechnicianSessions, TICKET_MS } from './sessions';

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('technician sessions', () => {
  it('a session expires after 10 minutes without activity; activity keeps it alive', () => {
    const c = clock();
    const s = new TechnicianSessions(c.now);
    s.unlock('ws-1');
    c.advance(IDLE_MS - 1);
    expect(s.isUnlocked('ws-1', true)).toBe(true);
    c.advance(IDLE_MS - 1);
    expect(s.isUnlocked('ws-1')).toBe(true);
    c.advance(1);
    expect(s.isUnlocked('ws-1')).toBe(false);
    expect(s.expiresAt('ws-1')).toBeNull();
  });

  it('belongs to one connection and ends on lock', () => {
    const s = new TechnicianSessions(clock().now);
    s.unlock('ws-1');
    expect(s.isUnlocked('ws-2')).toBe(false);
    s.lock('ws-1');
    expect(s.isUnlocked('ws-1')).toBe(false);
  });

  it('a ticket hands the unlock to another connection once, within 30 s', () => {
    const c = clock();
    const s = new TechnicianSessions(c.now);
    const ticket = s.issueTicket();
    expect(s.redeem(ticket, 'page-2')).toBe(true);
    expect(s.isUnlocked('page-2')).toBe(true);
    expect(s.redeem(ticket, 'page-3')).toBe(false);
    const late = s.issueTicket();
    c.advance(TICKET_MS);
    expect(s.redeem(late, 'page-4')).toBe(false);
    expect(s.redeem('made-up-ticket-0123456789', 'page-5')).toBe(false);
  });
});
