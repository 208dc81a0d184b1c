import type { UnlockResult } from '../../src/contract';

/** What the PIN screen says, as an i18n key under `technician.pin.` with its values. */
export interface PinNotice {
  readonly key: 'wrong' | 'locked' | 'notConfigured' | 'expired' | 'failed';
  readonly params?: Record<string, string | number>;
}

/** Local clock time of an ISO instant, HH:MM. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The PIN screen's message for an unlock result (null when unlocked). */
export function noticeFor(result: UnlockResult): PinNotice | null {
  switch (result.status) {
    case 'unlocked':
      return null;
    case 'wrong-pin':
      return { key: 'wrong', params: { left: result.attemptsLeft } };
    case 'locked':
      return { key: 'locked', params: { time: clockTime(result.until) } };
    case 'not-configured':
      return { key: 'notConfigured' };
  }
}

/** Where a successful unlock leads: the console in this page, or the web shell's /technician page. */
export function afterUnlock(pageRole: string, electron: boolean, ticket: string): { kind: 'here' } | { kind: 'navigate'; url: string } {
  if (pageRole === 'technician' || electron) return { kind: 'here' };
  return { kind: 'navigate', url: `/technician#ticket=${encodeURIComponent(ticket)}` };
}

/** The one-time ticket in `#ticket=…` of the /technician page, if any. */
export function ticketFromHash(hash: string): string | null {
  const m = /^#ticket=([A-Za-z0-9_-]{16,64})$/.exec(hash);
  return m?.[1] ?? null;
}
