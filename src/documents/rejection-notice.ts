import { z } from 'zod';
import { ReceiptDocument } from '../kernel/receipt';
import { maskIdNumber } from '../kernel/mask';
import type { ReceiptBlockInput } from '../kernel/receipt';
import { chineseDate, field, footer, paragraph, title } from './format';
import type { Language } from './format';

export const RejectionNoticeData = z.object({
  noticeNumber: z.string().min(1).max(40),
  trackingNumber: z.string().min(4).max(40),
  applicantName: z.string().min(1).max(60),
  idNumber: z.string().min(1).max(30),
  serviceName: z.string().min(1).max(120),
  /** When the application was made (kiosk submission or walk-in). */
  submittedAt: z.string(),
  /** The day of the decision not to accept. */
  decidedAt: z.string(),
  /** The reason and its legal basis as the staff member wrote it (required for 不予受理). */
  reason: z.string().trim().min(1).max(2000),
  window: z.string().max(60),
  staffNumber: z.string().max(20),
  hallName: z.string().max(60),
  printedAt: z.string(),
});
export type RejectionNoticeData = z.infer<typeof RejectionNoticeData>;

/**
 * 不予受理通知书: the window's formal notice that an application is not accepted, with the reason and its
 * legal basis and the applicant's remedies (行政复议 within 60 days, 行政诉讼 within 6 months). Addressed to
 * the applicant like the 受理通知书, so the name prints in full; the ID number is masked.
 */
export function rejectionNotice(input: RejectionNoticeData, lang: Language = {}): ReceiptDocument {
  const data = RejectionNoticeData.parse(input);
  const reason = data.reason.replace(/[。.\s]+$/u, '');
  const blocks: ReceiptBlockInput[] = [
    ...title('不予受理通知书', 'Notice of Non-Acceptance', lang),
    { kind: 'text', text: `编号：${data.noticeNumber}`, align: 'center' },
    { kind: 'rule', style: 'double' },
    { kind: 'text', text: `${data.applicantName}：` },
    ...paragraph(
      `您于${chineseDate(data.submittedAt)}提出的“${data.serviceName}”申请，经审查，决定不予受理。`,
      `Your application "${data.serviceName}" of ${data.submittedAt.slice(0, 10)} is not accepted.`,
      lang,
    ),
    { kind: 'text', text: lang.english ? '理由及依据 Reason and legal basis' : '理由及依据', bold: true },
    { kind: 'text', text: `${reason}。` },
    ...paragraph(
      '如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
      'You may apply for administrative reconsideration within 60 days of receiving this notice, or bring an administrative lawsuit within 6 months.',
      lang,
    ),
    { kind: 'rule' },
    field('办件编号', 'No.', data.trackingNumber, lang),
    field('证件号码', 'ID', maskIdNumber(data.idNumber), lang),
    field('窗口', 'Window', data.window, lang),
    field('经办人工号', 'Staff', data.staffNumber, lang),
    { kind: 'qr', data: data.trackingNumber, cell: 5, level: 'M' },
    { kind: 'text', text: '（受理专用章）', align: 'right' },
    { kind: 'text', text: chineseDate(data.decidedAt), align: 'right' },
    ...footer(data.hallName, data.printedAt),
  ];
  return ReceiptDocument.parse({ title: 'rejection-notice', blocks });
}
