import { describe, expect, it } from 'vitest';
import { afterUnlock, noticeFor, ticketFromHash } from './access';

describe('technician access (page side)', () => {
  it('turns unlock results into PIN-screen messages', () => {
    expect(noticeFor({ status: 'unlocked', ticket: 't' })).toBeNull();
    expect(noticeFor({ status: 'wrong-pin', attemptsLeft: 3 })).toEqual({ key: 'wrong', params: { left: 3 } });
    expect(noticeFor({ status: 'locked', until: new Date(2026, 2, 2, 9, 5).toISOString() })).toEqual({ key: 'locked', params: { time: '09:05' } });
    expect(noticeFor({ status: 'not-configured' })).toEqual({ key: 'notConfigured' });
  });

  it('web shell kiosk → /technician with the ticket; Electron and the console page stay', () => {
    expect(afterUnlock('kiosk', false, 'abc_DEF-123')).toEqual({ kind: 'navigate', url: '/technician#ticket=abc_DEF-123' });
    expect(afterUnlock('kiosk', true, 'x')).toEqual({ kind: 'here' });
    expect(afterUnlock('technician', false, 'x')).toEqual({ kind: 'here' });
  });

  it('reads only a well-formed ticket from the hash', () => {
    expect(ticketFromHash('#ticket=abcdefghijklmnopqrstuvwx')).toBe('abcdefghijklmnopqrstuvwx');
    expect(ticketFromHash('#ticket=short')).toBeNull();
    expect(ticketFromHash('#ticket=<script>alert(1)</script>aaaaaaaa')).toBeNull();
    expect(ticketFromHash('')).toBeNull();
  });
});
