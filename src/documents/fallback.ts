import type { PrintOutcome } from '../kernel/receipt';

// When a receipt cannot be printed the citizen still leaves with the tracking number: the screen shows
// the same QR code the paper would carry and says where to get a paper copy. Pure text, for the UI.

export interface PrintFallback {
  /** What the on-screen QR encodes: the same payload as the paper receipt's QR. */
  readonly qrPayload: string;
  readonly trackingNumber: string;
  readonly message: { readonly zh: string; readonly en: string };
}

const WHY: Record<Exclude<PrintOutcome, 'printed'>, { zh: string; en: string }> = {
  'paper-out': { zh: '打印机缺纸', en: 'The printer is out of paper' },
  'cover-open': { zh: '打印机舱盖未关闭', en: 'The printer cover is open' },
  offline: { zh: '打印机暂时无法连接', en: 'The printer is not reachable' },
  failed: { zh: '打印机故障', en: 'The printer reported a fault' },
};

/** null when the receipt was printed; otherwise what the screen should show instead. */
export function printFallback(outcome: PrintOutcome, trackingNumber: string, paperCopyAt = '综合窗口'): PrintFallback | null {
  if (outcome === 'printed') return null;
  const why = WHY[outcome];
  return {
    qrPayload: trackingNumber,
    trackingNumber,
    message: {
      zh: `${why.zh}，回执未能打印。您的申请已提交成功，请用手机拍下或扫描下方二维码保存办件编号 ${trackingNumber}，并可到${paperCopyAt}领取纸质回执。`,
      en: `${why.en}; the receipt was not printed. Your application was submitted. Photograph or scan the code to keep your number ${trackingNumber}; a paper copy is available at the service window.`,
    },
  };
}
