import { z } from 'zod';
import { ReceiptDocument } from '../kernel/receipt';
import type { ReceiptBlockInput } from '../kernel/receipt';
import { chineseDate, dateTime, field, footer, paragraph, title } from './format';
import type { Language } from './format';

export const DeliverySlipData = z.object({
  trackingNumber: z.string().min(1).max(64),
  serviceName: z.string().min(1).max(120),
  /** Masked on paper: the slip stays at the window and may be filed. */
  applicantName: z.string().min(1).max(60),
  method: z.enum(['collect', 'mail']),
  /** Collect: who collected (applicant or a recorded agent), masked name and ID number. */
  collector: z.object({ role: z.enum(['applicant', 'agent']), name: z.string().max(60), idNumber: z.string().max(30) }).nullable(),
  mailTracking: z.string().max(40).nullable(),
  deliveredAt: z.string(),
  window: z.string().max(60),
  staffNumber: z.string().max(20),
  hallName: z.string().max(60),
  printedAt: z.string(),
});
export type DeliverySlipData = z.infer<typeof DeliverySlipData>;

/** 领取签收单 / 送达回证: the result handed out (or mailed), to whom, checked by which window, signed for. */
export function deliverySlip(data: DeliverySlipData, lang: Language = {}): ReceiptDocument {
  const how: ReceiptBlockInput[] =
    data.method === 'collect' && data.collector
      ? [
          field('领取方式', 'Method', '窗口领取', lang),
          field('领取人', 'Collector', `${data.collector.name}（${data.collector.role === 'applicant' ? '申请人本人' : '委托代领人'}）`, lang),
          field('证件号码', 'ID', data.collector.idNumber, lang),
          { kind: 'text', text: '领取人身份已核验（居民身份证）' },
        ]
      : [field('送达方式', 'Method', '邮寄送达', lang), field('邮件单号', 'Tracking', data.mailTracking ?? '', lang)];
  const blocks: ReceiptBlockInput[] = [
    ...title(data.method === 'collect' ? '领取签收单' : '送达回证', data.method === 'collect' ? 'Collection Receipt' : 'Proof of Delivery', lang),
    { kind: 'rule', style: 'double' },
    ...paragraph(`“${data.serviceName}”办理结果已于${chineseDate(data.deliveredAt)}${data.method === 'collect' ? '当面交付' : '交邮寄送'}。`, `The result of "${data.serviceName}" was ${data.method === 'collect' ? 'handed over' : 'mailed'} on ${data.deliveredAt.slice(0, 10)}.`, lang),
    { kind: 'rule' },
    field('办件编号', 'No.', data.trackingNumber, lang),
    field('申请人', 'Applicant', data.applicantName, lang),
    ...how,
    field('出件窗口', 'Window', data.window, lang),
    field('经办人工号', 'Staff', data.staffNumber, lang),
    field('时间', 'Time', dateTime(data.deliveredAt), lang),
    { kind: 'barcode', data: data.trackingNumber.replace(/[^\x20-\x7e]/g, '').slice(0, 60) || 'NONE', height: 48 },
    { kind: 'feed', lines: 2 },
    { kind: 'text', text: data.method === 'collect' ? '领取人签名：____________' : '收件人签收后寄回或拍照回传', align: 'left' },
    ...footer(data.hallName, data.printedAt),
  ];
  return ReceiptDocument.parse({ title: 'delivery-slip', blocks });
}
