import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

// Reads codes back from a rendered preview PNG, as a phone or a hall scanner would: QR with jsQR, 1-D
// symbols with ZXing scanning strips of the page top to bottom. Nothing here looks at the interpretation.

export interface Picture {
  readonly width: number;
  readonly height: number;
  /** One byte per pixel, 0 black … 255 white. */
  readonly gray: Uint8ClampedArray;
  readonly rgba: Uint8ClampedArray;
}

export function readPng(png: Uint8Array): Picture {
  const image = PNG.sync.read(Buffer.from(png));
  const rgba = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  const gray = new Uint8ClampedArray(image.width * image.height);
  for (let i = 0; i < gray.length; i += 1) gray[i] = rgba[i * 4] ?? 255;
  return { width: image.width, height: image.height, gray, rgba };
}

export function qrFrom(picture: Picture): string | null {
  return jsQR(picture.rgba, picture.width, picture.height)?.data ?? null;
}

const ONE_D = [BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E, BarcodeFormat.CODE_128, BarcodeFormat.CODE_39, BarcodeFormat.ITF];

/** Every distinct 1-D symbol found in 24-row strips down the page, in page order, with its format. */
export function barcodesFrom(picture: Picture, step = 12): { format: string; text: string }[] {
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, ONE_D],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  reader.setHints(hints);
  const found: { format: string; text: string }[] = [];
  const strip = 24;
  for (let top = 0; top + strip <= picture.height; top += step) {
    const pixels = picture.gray.slice(top * picture.width, (top + strip) * picture.width);
    try {
      const result = reader.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, picture.width, strip))), hints);
      const entry = { format: BarcodeFormat[result.getBarcodeFormat()] ?? String(result.getBarcodeFormat()), text: result.getText() };
      if (!found.some((f) => f.text === entry.text && f.format === entry.format)) found.push(entry);
    } catch {
      // no symbol in this strip
    }
  }
  return found;
}
