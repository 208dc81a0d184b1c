import { z } from 'zod';
import { ReceiptDocument } from '../kernel/receipt';
import type { ReceiptBlockInput } from '../kernel/receipt';
import { dateTime, footer, paragraph } from './format';
import type { Language } from './format';

export const QueueTicketData = z.object({
  ticketNumber: z.string().min(1).max(12),
  serviceName: z.string().min(1).max(120),
  waitingAhead: z.number().int().min(0).max(9999),
  windows: z.string().max(60),
  issuedAt: z.string(),
  hallName: z.string().max(60),
});
export type QueueTicketData = z.infer<typeof QueueTicketData>;

/** 排队取号单: no personal data at all. */
export function queueTicket(data: QueueTicketData, lang: Language = {}): ReceiptDocument {
  const blocks: ReceiptBlockInput[] = [
    { kind: 'text', text: lang.english ? '排队号 Queue number' : '排队号', align: 'center' },
    { kind: 'text', text: data.ticketNumber, align: 'center', bold: true, width: 3, height: 3 },
    { kind: 'text', text: data.serviceName, align: 'center', bold: true },
    { kind: 'text', text: `您前面还有 ${data.waitingAhead} 人`, align: 'center' },
    ...(lang.english ? [{ kind: 'text', text: `${data.waitingAhead} waiting ahead of you`, align: 'center' } as const] : []),
    { kind: 'text', text: `办理窗口：${data.windows}`, align: 'center' },
    { kind: 'text', text: `取号时间 ${dateTime(data.issuedAt)}`, align: 'center' },
    ...paragraph('请留意叫号屏幕和语音提示，过号请重新取号。', 'Watch the screen for your number; a missed number needs a new ticket.', lang),
    ...footer(data.hallName, data.issuedAt).slice(0, 2),
    { kind: 'cut' },
  ];
  return ReceiptDocument.parse({ title: 'queue-ticket', blocks });
}
