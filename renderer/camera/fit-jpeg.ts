/** Limits for one captured page of a material. */
export interface JpegLimits {
  /** Longest side in pixels after scaling (document cameras give 5–13 MP; 2,400 px keeps A4 legible). */
  maxDimension: number;
  /** Starting JPEG quality, 0–1. */
  quality: number;
  /** Hard cap on the encoded size. */
  maxBytes: number;
  /** Lowest quality tried before the image is scaled down further. */
  minQuality: number;
}

export const DEFAULT_JPEG_LIMITS: JpegLimits = { maxDimension: 2400, quality: 0.85, maxBytes: 1_500_000, minQuality: 0.55 };

export type Encode = (width: number, height: number, quality: number) => Promise<Blob>;

export class ImageTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`The page could not be made smaller than ${bytes} bytes`);
    this.name = 'ImageTooLargeError';
  }
}

/** The size a frame is scaled to so that its longest side is at most `max`. */
export function scaledSize(width: number, height: number, max: number): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= max) return { width, height };
  const factor = max / longest;
  return { width: Math.round(width * factor), height: Math.round(height * factor) };
}

/**
 * Encodes a frame as JPEG within the size cap: first lowers quality step by step, then scales down,
 * so text stays as sharp as the byte budget allows.
 */
export async function fitJpeg(sourceWidth: number, sourceHeight: number, encode: Encode, limits: JpegLimits = DEFAULT_JPEG_LIMITS): Promise<{ blob: Blob; width: number; height: number; quality: number }> {
  let { width, height } = scaledSize(sourceWidth, sourceHeight, limits.maxDimension);
  let last = 0;
  for (let attempt = 0; attempt < 6; attempt += 1) {
    for (let quality = limits.quality; quality >= limits.minQuality - 1e-9; quality -= 0.1) {
      const blob = await encode(width, height, quality);
      last = blob.size;
      if (blob.size <= limits.maxBytes) return { blob, width, height, quality: Math.round(quality * 100) / 100 };
    }
    width = Math.max(1, Math.round(width * 0.8));
    height = Math.max(1, Math.round(height * 0.8));
  }
  throw new ImageTooLargeError(last);
}
