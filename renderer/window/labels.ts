import type { TFunction } from 'i18next';

/** "staff:A0318@window:W02" → "W02 窗口（工号 A0318）"; anything else (a kiosk terminal id) as it is. */
export function byLabel(t: TFunction, by: string | null): string {
  const m = by ? /^staff:([^@]+)@window:(.+)$/.exec(by) : null;
  if (m) return t('window.by', { window: m[2], staff: m[1] });
  const platform = by ? /^staff:([^@]+)@platform$/.exec(by) : null;
  if (platform) return t('window.byPlatform', { staff: platform[1] });
  if (by && /^T-/.test(by)) return t('window.byKiosk', { terminal: by });
  return by ?? '';
}
