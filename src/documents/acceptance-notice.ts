import { z } from 'zod';
import { ReceiptDocument } from '../kernel/receipt';
import { maskIdNumber } from '../kernel/mask';
import type { ReceiptBlockInput } from '../kernel/receipt';
import { chineseDate, field, footer, paragraph, title } from './format';
import type { Language } from './format';

export const AcceptanceNoticeData = z.object({
  noticeNumber: z.string().min(1).max(40),
  trackingNumber: z.string().min(4).max(40),
  applicantName: z.string().min(1).max(60),
  idNumber: z.string().min(1).max(30),
  serviceName: z.string().min(1).max(120),
  acceptedAt: z.string(),
  workingDays: z.number().int().min(0).max(365),
  promisedDate: z.string(),
  materials: z.array(z.string().min(1).max(120)).max(40),
  window: z.string().max(40),
  staffNumber: z.string().max(20),
  hallName: z.string().max(60),
  printedAt: z.string(),
});
export type AcceptanceNoticeData = z.infer<typeof AcceptanceNoticeData>;

/**
 * 受理通知书: the window's formal notice that an application was accepted. It is addressed to the
 * applicant, so the name prints in full; the ID number is masked (the tracking number identifies the case).
 */
export function acceptanceNotice(data: AcceptanceNoticeData, lang: Language = {}): ReceiptDocument {
  const blocks: ReceiptBlockInput[] = [
    ...title('受理通知书', 'Notice of Acceptance', lang),
    { kind: 'text', text: `编号：${data.noticeNumber}`, align: 'center' },
    { kind: 'rule', style: 'double' },
    { kind: 'text', text: `${data.applicantName}：` },
    ...paragraph(
      `您于${chineseDate(data.acceptedAt)}提出的“${data.serviceName}”申请，经审查，申请材料齐全、符合法定形式，决定予以受理。本事项承诺办结时限为${data.workingDays}个工作日，预计于${chineseDate(data.promisedDate)}前办结。`,
      `Your application "${data.serviceName}" has been accepted. It will be completed within ${data.workingDays} working days, by ${data.promisedDate.slice(0, 10)}.`,
      lang,
    ),
    { kind: 'rule' },
    field('办件编号', 'No.', data.trackingNumber, lang),
    field('证件号码', 'ID', maskIdNumber(data.idNumber), lang),
    field('受理窗口', 'Window', data.window, lang),
    field('受理人工号', 'Staff', data.staffNumber, lang),
    { kind: 'text', text: lang.english ? '已收材料 Materials received' : '已收材料', bold: true },
    ...data.materials.map((m, i): ReceiptBlockInput => ({ kind: 'text', text: `${i + 1}. ${m}` })),
    { kind: 'qr', data: data.trackingNumber, cell: 5, level: 'M' },
    { kind: 'text', text: '（受理专用章）', align: 'right' },
    { kind: 'text', text: chineseDate(data.acceptedAt), align: 'right' },
    ...footer(data.hallName, data.printedAt),
  ];
  return ReceiptDocument.parse({ title: 'acceptance-notice', blocks });
}
