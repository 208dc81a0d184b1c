// Page images of a captured material for the window's viewer: a JPEG or PNG is one page; a kiosk's
// multi-page PDF embeds each page as a JPEG (DCTDecode image XObject), which is cut out as it is.
// Anything else is reported unsupported rather than guessed at.

const IMAGE_STREAM = /\/Subtype\s*\/Image[^>]*?\/Filter\s*\/DCTDecode[^>]*?\/Length\s+(\d+)\s*>>\s*stream\r?\n/g;

export type PageImage = { mediaType: 'image/jpeg' | 'image/png'; bytes: Uint8Array };

const isJpeg = (b: Uint8Array) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
const isPng = (b: Uint8Array) => b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;

export function pageImages(bytes: Uint8Array, maxPages = 50): PageImage[] | null {
  if (isJpeg(bytes)) return [{ mediaType: 'image/jpeg', bytes }];
  if (isPng(bytes)) return [{ mediaType: 'image/png', bytes }];
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.startsWith('%PDF-')) return null;
  const pages: PageImage[] = [];
  for (const m of text.matchAll(IMAGE_STREAM)) {
    const length = Number(m[1]);
    const start = (m.index ?? 0) + m[0].length;
    const image = bytes.subarray(start, start + length);
    if (image.length !== length || !isJpeg(image)) continue;
    pages.push({ mediaType: 'image/jpeg', bytes: image });
    if (pages.length >= maxPages) break;
  }
  return pages.length > 0 ? pages : null;
}
