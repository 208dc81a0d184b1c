import { describe, expect, it } from 'vitest';
import { ReceiptDocument } from '../../../src/kernel/receipt';
import { encodeReceipt } from './encoder';
import { interpret } from './interpreter';

const hex = (bytes: Iterable<number>) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
const doc = (blocks: unknown[]) => ReceiptDocument.parse({ title: 'test', blocks });

describe('encodeReceipt', () => {
  it('starts with ESC @ and Chinese mode, and stores a QR with GS ( k', () => {
    const { bytes } = encodeReceipt(doc([{ kind: 'qr', data: 'TRK2026000123' }]), { paperWidth: 384 });
    expect(hex(bytes.slice(0, 4))).toBe('1b 40 1c 26');
    expect(hex(bytes)).toContain('1d 28 6b 10 00 31 50 30 54 52 4b 32 30 32 36 30 30 30 31 32 33');
    expect(interpret(bytes, 384).qrCodes).toEqual(['TRK2026000123']);
  });

  it('encodes Code 128 with code set B and escapes a literal brace', () => {
    const { bytes } = encodeReceipt(doc([{ kind: 'barcode', data: 'A{1' }]), { paperWidth: 576 });
    expect(hex(bytes)).toContain('1d 6b 49 06 7b 42 41 7b 7b 31');
    expect(interpret(bytes, 576).barcodes).toEqual(['A{1']);
  });

  it('prints a barcode too wide for 58 mm paper as text instead', () => {
    const data = 'X'.repeat(40);
    const job = interpret(encodeReceipt(doc([{ kind: 'barcode', data }]), { paperWidth: 384 }).bytes, 384);
    expect(job.barcodes).toEqual([]);
    // 40 columns on a 32-column paper: the printer wraps the text line.
    expect(job.lines.join('')).toContain(data);
  });

  it('lays out a pair on one line when it fits, and wraps the value under the label when it does not', () => {
    const fits = interpret(encodeReceipt(doc([{ kind: 'pair', left: '编号', right: 'A1' }]), { paperWidth: 384 }).bytes, 384);
    expect(fits.lines).toEqual([`编号${' '.repeat(26)}A1`]);
    const long = interpret(encodeReceipt(doc([{ kind: 'pair', left: '事项名称', right: '不动产登记（转移登记）与水电气过户联办' }]), { paperWidth: 384 }).bytes, 384);
    expect(long.lines[0]).toBe('事项名称');
    expect(long.lines.slice(1).join('').trim()).toContain('不动产登记');
  });

  it('wraps double-width text to half the columns', () => {
    const job = interpret(encodeReceipt(doc([{ kind: 'text', text: '一二三四五六七八九十', width: 2, height: 2 }]), { paperWidth: 384 }).bytes, 384);
    expect(job.lines).toEqual(['一二三四五六七八', '九十']);
    expect(job.problems).toEqual([]);
  });

  it('ends with the cut the document asks for', () => {
    const { bytes } = encodeReceipt(doc([{ kind: 'text', text: 'x' }, { kind: 'cut' }]), { paperWidth: 576 });
    expect(hex(bytes.slice(-4))).toBe('1d 56 42 00');
    expect(interpret(bytes, 576).cuts).toBe(1);
  });
});
