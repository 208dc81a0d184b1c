import { describe, expect, it } from 'vitest';
import { jpegsToPdf } from '../citizen/material-file';
import { pageImages } from './pdf-pages';

// Smallest JPEG headers the kiosk's jpegInfo accepts: SOI, SOF0 (8x8, 3 components), EOI.
function jpeg(tag: number): Uint8Array {
  return new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x08, 0x00, 0x08, 0x03, 0x01, 0x11, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xfe, 0x00, 0x03, tag, 0xff, 0xd9]);
}

describe('page images of a material', () => {
  it('a JPEG is one page', () => {
    expect(pageImages(jpeg(1))).toEqual([{ mediaType: 'image/jpeg', bytes: jpeg(1) }]);
  });

  it('cuts the JPEG pages out of the kiosk PDF, in order', () => {
    const pdf = jpegsToPdf([jpeg(1), jpeg(2), jpeg(3)]);
    const pages = pageImages(new Uint8Array(pdf));
    expect(pages?.map((p) => p.bytes[25])).toEqual([1, 2, 3]);
  });

  it('anything else is unsupported', () => {
    expect(pageImages(new TextEncoder().encode('%PDF-1.4 nothing'))).toBeNull();
    expect(pageImages(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});
