// One file per material (the store keeps one blob per material of an application): a single captured page
// stays the JPEG it is; several pages become one PDF with each JPEG embedded as it is (DCTDecode, no
// re-encoding), the usual form of a scanned material in government systems.

export class NotAJpegError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAJpegError';
  }
}

export interface JpegInfo {
  readonly width: number;
  readonly height: number;
  readonly components: 1 | 3 | 4;
}

/** Reads width, height and component count from the first SOF marker; throws NotAJpegError otherwise. */
export function jpegInfo(bytes: Uint8Array): JpegInfo {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) throw new NotAJpegError('not a JPEG (no SOI marker)');
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw new NotAJpegError('malformed JPEG marker');
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (at + 9 >= bytes.length) break;
      const height = ((bytes[at + 5] ?? 0) << 8) | (bytes[at + 6] ?? 0);
      const width = ((bytes[at + 7] ?? 0) << 8) | (bytes[at + 8] ?? 0);
      const components = bytes[at + 9] ?? 0;
      if (width === 0 || height === 0 || (components !== 1 && components !== 3 && components !== 4)) throw new NotAJpegError('unsupported JPEG frame');
      return { width, height, components };
    }
    if (marker === 0xd9 || marker === 0xda) break;
    at += 2 + length;
  }
  throw new NotAJpegError('JPEG without a frame header');
}

const COLOR_SPACE = { 1: '/DeviceGray', 3: '/DeviceRGB', 4: '/DeviceCMYK' } as const;
/** Captures are scaled to at most 2,400 px; at 200 dpi an A4 page is about 1,650 × 2,340 px. */
const DPI = 200;

/** A PDF with one page per JPEG, each page the size of its image at 200 dpi. */
export function jpegsToPdf(pages: readonly Uint8Array[]): Buffer {
  const infos = pages.map((p) => jpegInfo(p));
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (chunk: Buffer | string) => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    parts.push(buffer);
    length += buffer.length;
  };
  const object = (id: number, body: () => void) => {
    offsets[id] = length;
    push(`${id} 0 obj\n`);
    body();
    push('\nendobj\n');
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const pageIds = pages.map((_, i) => 3 + i * 3);
  object(1, () => push('<< /Type /Catalog /Pages 2 0 R >>'));
  object(2, () => push(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`));
  pages.forEach((jpeg, i) => {
    const info = infos[i] as JpegInfo;
    const [pageId, contentId, imageId] = [3 + i * 3, 4 + i * 3, 5 + i * 3];
    const w = ((info.width * 72) / DPI).toFixed(2);
    const h = ((info.height * 72) / DPI).toFixed(2);
    const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    object(pageId, () => push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${imageId} 0 R >> >> /Contents ${contentId} 0 R >>`));
    object(contentId, () => push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`));
    object(imageId, () => {
      push(`<< /Type /XObject /Subtype /Image /Width ${info.width} /Height ${info.height} /ColorSpace ${COLOR_SPACE[info.components]} /BitsPerComponent 8 /Filter /DCTDecode`);
      // Adobe CMYK JPEGs are stored inverted.
      if (info.components === 4) push(' /Decode [1 0 1 0 1 0 1 0]');
      push(` /Length ${jpeg.length} >>\nstream\n`);
      push(Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength));
      push('\nendstream');
    });
  });
  const count = 3 + pages.length * 3;
  const xref = length;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let id = 1; id < count; id += 1) push(`${String(offsets[id] ?? 0).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/** The file stored for a material: the JPEG itself for one page, a PDF for several. */
export function materialFile(pages: readonly Uint8Array[]): { bytes: Uint8Array; mediaType: 'image/jpeg' | 'application/pdf' } {
  if (pages.length === 0) throw new RangeError('a material file needs at least one page');
  if (pages.length === 1) {
    const only = pages[0] as Uint8Array;
    jpegInfo(only);
    return { bytes: only, mediaType: 'image/jpeg' };
  }
  return { bytes: jpegsToPdf(pages), mediaType: 'application/pdf' };
}
