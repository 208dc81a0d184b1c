import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { ReceiptDocument } from '../../../src/kernel/receipt';
import { encodeReceipt } from './encoder';
import { interpret } from './interpreter';
import { boxPainter } from './painter';
import { renderPng } from './render';

describe('interpret and render', () => {
  it('never throws on random bytes and reports what it skipped', () => {
    let seed = 42;
    for (let n = 0; n < 200; n++) {
      const bytes = Uint8Array.from({ length: 200 }, () => {
        seed = (seed * 1103515245 + 12345) >>> 0;
        return seed >>> 24;
      });
      expect(() => interpret(bytes, 384)).not.toThrow();
    }
    expect(interpret(Uint8Array.of(0x1d, 0x28, 0x6b, 0xff, 0xff), 384).problems[0]).toMatch(/truncated/);
  });

  it('shows what a printer would do with a 4-byte GB18030 sequence: two garbage cells', () => {
    const job = interpret(Uint8Array.of(0x1c, 0x26, 0x95, 0x34, 0xb2, 0x35, 0x0a), 384);
    expect(job.lines[0]).not.toContain('𠮷');
    expect(Array.from(job.lines[0] ?? '')).toHaveLength(2);
  });

  it('renders a PNG whose QR decodes back to the payload', () => {
    const doc = ReceiptDocument.parse({ title: 't', blocks: [{ kind: 'text', text: '回执', align: 'center' }, { kind: 'qr', data: 'https://example.gov.cn/q?n=TRK1' }, { kind: 'cut' }] });
    const png = PNG.sync.read(Buffer.from(renderPng(interpret(encodeReceipt(doc, { paperWidth: 384 }).bytes, 384), boxPainter)));
    expect(png.width).toBe(384 + 16);
    const decoded = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    expect(decoded?.data).toBe('https://example.gov.cn/q?n=TRK1');
  });
});
