import { z } from 'zod';
import { ReceiptDocument } from '../kernel/receipt';
import { maskIdNumber } from '../kernel/mask';
import type { ReceiptBlockInput } from '../kernel/receipt';
import { chineseDate, field, footer, paragraph, title } from './format';
import type { Language } from './format';

export const MaterialIssue = z.object({
  material: z.string().min(1).max(120),
  problem: z.enum(['missing', 'incorrect']),
  /** What is wrong or what exactly is needed. */
  detail: z.string().max(300),
  /** Where to get it (issuing office, online service, self-service terminal). */
  whereToGet: z.string().max(200),
});

export const OneTimeNoticeData = z.object({
  noticeNumber: z.string().min(1).max(40),
  trackingNumber: z.string().max(40).optional(),
  applicantName: z.string().min(1).max(60),
  idNumber: z.string().min(1).max(30),
  serviceName: z.string().min(1).max(120),
  issuedAt: z.string(),
  issues: z.array(MaterialIssue).min(1).max(40),
  window: z.string().max(40),
  contactPhone: z.string().max(30),
  hallName: z.string().max(60),
  printedAt: z.string(),
});
export type OneTimeNoticeData = z.infer<typeof OneTimeNoticeData>;

const PROBLEM = { missing: ['缺少', 'Missing'], incorrect: ['需更正', 'To correct'] } as const;

/** 一次性告知书: every missing or incorrect material at once, each with where to get it. */
export function oneTimeNotice(data: OneTimeNoticeData, lang: Language = {}): ReceiptDocument {
  const issues = data.issues.flatMap((issue, i): ReceiptBlockInput[] => {
    const [zh, en] = PROBLEM[issue.problem];
    return [
      { kind: 'text', text: `${i + 1}. 【${zh}${lang.english ? ` ${en}` : ''}】${issue.material}`, bold: true },
      ...(issue.detail ? [{ kind: 'text', text: `   ${issue.detail}` } as const] : []),
      { kind: 'text', text: `   获取途径：${issue.whereToGet}` },
    ];
  });
  const blocks: ReceiptBlockInput[] = [
    ...title('一次性告知书', 'One-time Notice of Materials', lang),
    { kind: 'text', text: `编号：${data.noticeNumber}`, align: 'center' },
    { kind: 'rule', style: 'double' },
    { kind: 'text', text: `${data.applicantName}：` },
    ...paragraph(
      `您申请办理的“${data.serviceName}”事项，申请材料尚需补齐或更正。现将全部需补正的材料一次性告知如下（共${data.issues.length}项）：`,
      `For "${data.serviceName}", the following ${data.issues.length} item(s) must be supplied or corrected. This list is complete.`,
      lang,
    ),
    { kind: 'rule' },
    ...issues,
    { kind: 'rule' },
    ...paragraph('补齐上述材料后，可到任一综合窗口或本自助终端继续办理，无需重新排队取号。', 'Bring the items to any window or this terminal; no new queue ticket is needed.', lang),
    ...(data.trackingNumber ? [field('办件编号', 'No.', data.trackingNumber, lang)] : []),
    field('证件号码', 'ID', maskIdNumber(data.idNumber), lang),
    field('告知窗口', 'Window', data.window, lang),
    field('咨询电话', 'Phone', data.contactPhone, lang),
    field('告知日期', 'Date', chineseDate(data.issuedAt), lang),
    ...footer(data.hallName, data.printedAt),
  ];
  return ReceiptDocument.parse({ title: 'one-time-notice', blocks });
}
