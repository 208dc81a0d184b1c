import { describe, expect, it } from 'vitest';
import { PrintOutcome } from '../kernel/receipt';
import { printFallback } from './fallback';

describe('printFallback', () => {
  it('is null when printed, and otherwise carries the same QR payload and where to get paper', () => {
    expect(printFallback('printed', 'TRK1')).toBeNull();
    for (const outcome of PrintOutcome.options.filter((o) => o !== 'printed')) {
      const fallback = printFallback(outcome, 'TRK2026000123');
      expect(fallback?.qrPayload).toBe('TRK2026000123');
      expect(fallback?.message.zh).toContain('综合窗口领取纸质回执');
      expect(fallback?.message.zh).toContain('TRK2026000123');
    }
    expect(printFallback('paper-out', 'X1')?.message.zh).toMatch(/^打印机缺纸/);
  });
});
