import { PNG } from 'pngjs';
import type { DotPage } from './dot-page';

/**
 * Grayscale PNG of a page: black dots on white. Rows are not filtered: for two-tone pages the adaptive
 * filter search costs about four times the encoding and makes the file larger.
 */
export function encodePng(page: DotPage): Uint8Array {
  const png = new PNG({ width: page.width, height: page.height, colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
  const gray = Buffer.alloc(page.width * page.height);
  for (let i = 0; i < gray.length; i += 1) gray[i] = page.dots[i] === 1 ? 0 : 255;
  png.data = gray;
  return new Uint8Array(PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false, filterType: 0 }));
}
