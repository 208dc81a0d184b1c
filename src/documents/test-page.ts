import { z } from 'zod';
import { ReceiptDocument } from '../kernel/receipt';
import type { ReceiptBlockInput } from '../kernel/receipt';
import { dateTime } from './format';

export const TestPageData = z.object({
  terminalId: z.string().max(40),
  printerDescription: z.string().max(120),
  paperWidth: z.union([z.literal(384), z.literal(576)]),
  printedAt: z.string(),
});
export type TestPageData = z.infer<typeof TestPageData>;

export const TEST_PAGE_QR = 'HALL-PRINTER-TEST-0123456789';
export const TEST_PAGE_BARCODE = 'TEST-128-0042';

const LONG_PARAGRAPH =
  '政务服务“好差评”制度要求，办事群众可以对每一次服务进行评价。本测试页用于检查打印机的中文字库、自动换行、对齐方式、字号放大、二维码、条形码和切纸功能是否正常。如果下面的文字出现乱码、缺字或错位，请检查打印机是否处于中文（GB18030）模式。';

/** Technician test page: every size, alignment, a long Chinese paragraph, rare characters, QR, barcode, cut. */
export function testPage(data: TestPageData): ReceiptDocument {
  const columns = data.paperWidth / 12;
  const ruler = Array.from({ length: columns }, (_, i) => String((i + 1) % 10)).join('');
  const blocks: ReceiptBlockInput[] = [
    { kind: 'text', text: '打印机测试页', align: 'center', bold: true, width: 2, height: 2 },
    { kind: 'text', text: 'Printer test page', align: 'center' },
    { kind: 'rule', style: 'double' },
    { kind: 'pair', left: '终端', right: data.terminalId },
    { kind: 'pair', left: '打印机', right: data.printerDescription },
    { kind: 'pair', left: '纸宽', right: `${data.paperWidth} dots / ${columns} 列` },
    { kind: 'pair', left: '时间', right: dateTime(data.printedAt) },
    { kind: 'text', text: ruler },
    { kind: 'rule' },
    { kind: 'text', text: '标准字号 Normal 1x1' },
    { kind: 'text', text: '加粗 Bold', bold: true },
    { kind: 'text', text: '下划线 Underline', underline: true },
    { kind: 'text', text: '倍宽 2x1', width: 2, height: 1 },
    { kind: 'text', text: '倍高 1x2', width: 1, height: 2 },
    { kind: 'text', text: '倍宽倍高 2x2', width: 2, height: 2 },
    { kind: 'text', text: '三倍 3x3', width: 3, height: 3 },
    { kind: 'text', text: '左对齐 left', align: 'left' },
    { kind: 'text', text: '居中 center', align: 'center' },
    { kind: 'text', text: '右对齐 right', align: 'right' },
    { kind: 'rule' },
    { kind: 'text', text: LONG_PARAGRAPH },
    { kind: 'rule' },
    { kind: 'text', text: '生僻字 GBK: 䶮 喆 堃 赟 玥' },
    { kind: 'text', text: '四字节 4-byte (prints □): 𠮷 㐀' },
    { kind: 'text', text: '符号: ￥¥ € · ° № ①②③' },
    { kind: 'qr', data: TEST_PAGE_QR, cell: 6, level: 'M' },
    { kind: 'barcode', data: TEST_PAGE_BARCODE, height: 64, module: 2, hri: true },
    { kind: 'text', text: '— 测试结束 End of test —', align: 'center' },
    { kind: 'cut' },
  ];
  return ReceiptDocument.parse({ title: 'test-page', blocks });
}
