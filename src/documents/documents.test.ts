import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../devices/protocols/escpos/encoder';
import { interpret } from '../../devices/protocols/escpos/interpreter';
import { boxPainter } from '../../devices/protocols/escpos/painter';
import { renderPng } from '../../devices/protocols/escpos/render';
import { DocumentKind } from '../kernel/receipt';
import type { PaperWidth, ReceiptDocument } from '../kernel/receipt';
import { TEST_PAGE_BARCODE, TEST_PAGE_QR, sampleDocument } from './index';

function print(doc: ReceiptDocument, paperWidth: PaperWidth) {
  const encoded = encodeReceipt(doc, { paperWidth });
  return { encoded, job: interpret(encoded.bytes, paperWidth) };
}

function qrFromPng(png: Uint8Array): string | null {
  const image = PNG.sync.read(Buffer.from(png));
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data ?? null;
}

const joined = (lines: readonly string[]) => lines.join('\n');

describe('documents, checked on what the printer would print', () => {
  it('application receipt: tracking number, items, dates, how to query, masked applicant, QR decodes to the number', () => {
    const { job, encoded } = print(sampleDocument('application-receipt', { paperWidth: 384 }), 384);
    const text = joined(job.lines);
    expect(job.lines[0]).toBe('办件回执');
    expect(text).toMatch(/办件编号\s+TRK2026000123/);
    expect(text).toMatch(/申请人\s+王\*/);
    expect(text).not.toContain('王䶮');
    expect(text).toMatch(/证件号码\s+1101\*{10}002X/);
    expect(text).not.toContain('11010519491231002X');
    expect(text).toContain('1. 居民身份证换领');
    expect(text).toContain('2. 户口迁入（投靠子女）');
    expect(text).toMatch(/承诺办结\s+2026年12月07日/);
    expect(text).toContain('· 拨打 12345 热线');
    expect(text.replaceAll('\n', '')).toContain('提交不等于受理：工作人员审核后会通知您办理结果。');
    expect(job.qrCodes).toEqual(['TRK2026000123']);
    expect(qrFromPng(renderPng(job, boxPainter))).toBe('TRK2026000123');
    expect(job.cuts).toBe(1);
    expect(job.problems).toEqual([]);
    expect(encoded.unprintable).toEqual([]);
  });

  it('acceptance notice: full name (addressed to the applicant, 䶮 prints), promise in working days, materials', () => {
    const { job, encoded } = print(sampleDocument('acceptance-notice', { paperWidth: 576 }), 576);
    const text = joined(job.lines);
    expect(job.lines[0]).toBe('受理通知书');
    expect(text).toContain('王䶮：');
    expect(encoded.unprintable).toEqual([]);
    expect(text.replaceAll('\n', '')).toContain('承诺办结时限为5个工作日，预计于2026年11月30日前办结');
    expect(text).toContain('4. 申请人身份证明');
    expect(text).not.toContain('11010519491231002X');
    expect(qrFromPng(renderPng(job, boxPainter))).toBe('TRK2026000123');
  });

  it('one-time notice: every issue listed once with where to get it; a 4-byte name character prints as □', () => {
    const { job, encoded } = print(sampleDocument('one-time-notice', { paperWidth: 384 }), 384);
    const text = joined(job.lines).replaceAll('\n', '');
    expect(job.lines[0]).toBe('一次性告知书');
    expect(text).toContain('共3项');
    expect(text).toContain('1. 【缺少】经营场所使用证明');
    expect(text).toContain('2. 【需更正】个体工商户登记申请书');
    expect(text).toContain('3. 【缺少】经营者照片');
    expect(text.match(/获取途径：/g)).toHaveLength(3);
    expect(text).toContain('李□：');
    expect(encoded.unprintable).toEqual(['𠮷']);
  });

  it('queue ticket: big number, no personal data', () => {
    const { job } = print(sampleDocument('queue-ticket', { paperWidth: 384 }), 384);
    expect(job.lines).toContain('A017');
    const big = job.items.find((i) => i.kind === 'text' && i.text === 'A017');
    expect(big?.kind === 'text' && big.glyphs[0]?.widthMul).toBe(3);
    expect(joined(job.lines)).toContain('您前面还有 6 人');
  });

  it('test page: sizes, long paragraph wrapped inside the paper, QR and barcode, cut', () => {
    for (const paperWidth of [384, 576] as const) {
      const { job } = print(sampleDocument('test-page', { paperWidth }), paperWidth);
      expect(job.problems).toEqual([]);
      expect(job.qrCodes).toEqual([TEST_PAGE_QR]);
      expect(job.barcodes).toEqual([TEST_PAGE_BARCODE]);
      expect(job.cuts).toBe(1);
      const sizes = new Set(job.items.flatMap((i) => (i.kind === 'text' ? i.glyphs.map((g) => `${g.widthMul}x${g.heightMul}`) : [])));
      expect([...sizes].sort()).toEqual(['1x1', '1x2', '2x1', '2x2', '3x3']);
      expect(joined(job.lines)).toContain('䶮 喆 堃 赟 玥');
      expect(qrFromPng(renderPng(job, boxPainter))).toBe(TEST_PAGE_QR);
    }
  });

  it('adds English lines only when asked', () => {
    const zh = joined(print(sampleDocument('application-receipt', { paperWidth: 576 }), 576).job.lines);
    const en = joined(print(sampleDocument('application-receipt', { paperWidth: 576, english: true }), 576).job.lines);
    expect(zh).not.toContain('Application Receipt');
    expect(en).toContain('Application Receipt');
    expect(en).toContain('办件回执');
    expect(en.replace(/\s+/g, ' ')).toContain('Submitted does not mean accepted: staff will review it and tell you the result.');
    expect(zh).not.toContain('Submitted does not mean accepted');
  });

  it('every kind fits both paper widths without overflowing lines', () => {
    for (const kind of DocumentKind.options) {
      for (const paperWidth of [384, 576] as const) {
        const { job } = print(sampleDocument(kind, { paperWidth, english: true }), paperWidth);
        expect(job.problems, `${kind} @ ${paperWidth}`).toEqual([]);
      }
    }
  });
});
