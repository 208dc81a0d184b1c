import { describe, expect, it } from 'vitest';
import { jpegInfo, jpegsToPdf, materialFile, NotAJpegError } from './material-file';
import { fakeJpeg } from './test-fixtures';

describe('material files', () => {
  it('reads the frame size of a JPEG and refuses anything else', () => {
    expect(jpegInfo(fakeJpeg(2400, 1800))).toEqual({ width: 2400, height: 1800, components: 3 });
    expect(() => jpegInfo(Buffer.from('%PDF-1.4'))).toThrow(NotAJpegError);
    expect(() => jpegInfo(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toThrow(NotAJpegError);
  });

  it('keeps a single page as the JPEG it is', () => {
    const page = fakeJpeg();
    expect(materialFile([page])).toEqual({ bytes: page, mediaType: 'image/jpeg' });
  });

  it('joins several pages into one PDF whose cross-reference table points at every object', () => {
    const pages = [fakeJpeg(1600, 1200, 1), fakeJpeg(1200, 1600, 2)];
    const { bytes, mediaType } = materialFile(pages);
    expect(mediaType).toBe('application/pdf');
    const pdf = Buffer.from(bytes);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain('/Count 2');
    expect(text.match(/\/Subtype \/Image/g)).toHaveLength(2);
    // Each JPEG is embedded byte for byte.
    for (const page of pages) expect(pdf.indexOf(page)).toBeGreaterThan(0);
    const startxref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(8);
    offsets.forEach((offset, i) => expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    expect(jpegsToPdf(pages).equals(pdf)).toBe(true);
  });
});
