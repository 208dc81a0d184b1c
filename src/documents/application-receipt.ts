import { z } from 'zod';
import { ReceiptDocument } from '../kernel/receipt';
import { maskIdNumber, maskName } from '../kernel/mask';
import type { ReceiptBlockInput } from '../kernel/receipt';
import { chineseDate, dateTime, field, footer, paragraph, title } from './format';
import type { Language } from './format';

export const ApplicationReceiptData = z.object({
  trackingNumber: z.string().min(4).max(40),
  applicantName: z.string().min(1).max(60),
  idNumber: z.string().min(1).max(30),
  items: z.array(z.string().min(1).max(120)).min(1).max(20),
  submittedAt: z.string(),
  promisedDate: z.string(),
  /** How to query progress: a web address, 12345, the mini-program… */
  queryBy: z.array(z.string().max(120)).max(4),
  hallName: z.string().max(60),
  printedAt: z.string(),
});
export type ApplicationReceiptData = z.infer<typeof ApplicationReceiptData>;

/** The same words the submitted screen shows: a receipt is not a 受理. */
export const NOT_ACCEPTED = {
  zh: '提交不等于受理：工作人员审核后会通知您办理结果。',
  en: 'Submitted does not mean accepted: staff will review it and tell you the result.',
} as const;

/** 回执: what the citizen takes home after submitting at the kiosk. Name and ID number are masked. */
export function applicationReceipt(data: ApplicationReceiptData, lang: Language = {}): ReceiptDocument {
  const blocks: ReceiptBlockInput[] = [
    ...title('办件回执', 'Application Receipt', lang),
    { kind: 'rule', style: 'double' },
    field('办件编号', 'No.', data.trackingNumber, lang),
    field('申请人', 'Applicant', maskName(data.applicantName), lang),
    field('证件号码', 'ID', maskIdNumber(data.idNumber), lang),
    field('提交时间', 'Submitted', dateTime(data.submittedAt), lang),
    field('承诺办结', 'Due', chineseDate(data.promisedDate), lang),
    { kind: 'rule' },
    { kind: 'text', text: lang.english ? '申请事项 Items' : '申请事项', bold: true },
    ...data.items.map((item, i): ReceiptBlockInput => ({ kind: 'text', text: `${i + 1}. ${item}` })),
    { kind: 'rule' },
    ...paragraph(NOT_ACCEPTED.zh, NOT_ACCEPTED.en, lang),
    { kind: 'rule' },
    { kind: 'text', text: lang.english ? '查询办理进度 How to check progress' : '查询办理进度', bold: true },
    ...data.queryBy.map((way): ReceiptBlockInput => ({ kind: 'text', text: `· ${way}` })),
    { kind: 'qr', data: data.trackingNumber, cell: 6, level: 'M' },
    { kind: 'text', text: data.trackingNumber, align: 'center' },
    ...paragraph('扫码或凭办件编号查询进度，请妥善保管本回执。', 'Scan the code or use the number to check progress. Keep this receipt.', lang),
    ...footer(data.hallName, data.printedAt),
  ];
  return ReceiptDocument.parse({ title: 'application-receipt', blocks });
}
