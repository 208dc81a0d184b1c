import { describe, expect, it } from 'vitest';
import { DEFAULT_JPEG_LIMITS, ImageTooLargeError, fitJpeg, scaledSize } from './fit-jpeg';

/** A fake encoder whose output size grows with pixels and quality, like JPEG does. */
const encoder = (bytesPerPixelAtFullQuality: number) => {
  const calls: { width: number; height: number; quality: number }[] = [];
  const encode = async (width: number, height: number, quality: number) => {
    calls.push({ width, height, quality });
    return { size: Math.round(width * height * bytesPerPixelAtFullQuality * quality) } as Blob;
  };
  return { encode, calls };
};

describe('fitJpeg', () => {
  it('scales a large frame so its longest side fits', () => {
    expect(scaledSize(4000, 3000, 2400)).toEqual({ width: 2400, height: 1800 });
    expect(scaledSize(800, 600, 2400)).toEqual({ width: 800, height: 600 });
  });

  it('keeps the first quality when it fits', async () => {
    const { encode, calls } = encoder(0.1);
    const result = await fitJpeg(4000, 3000, encode);
    expect(result).toMatchObject({ width: 2400, height: 1800, quality: 0.85 });
    expect(calls).toHaveLength(1);
  });

  it('lowers quality before scaling down, and respects the byte cap', async () => {
    const { encode, calls } = encoder(0.7);
    const result = await fitJpeg(2400, 1800, encode, DEFAULT_JPEG_LIMITS);
    expect(result.blob.size).toBeLessThanOrEqual(DEFAULT_JPEG_LIMITS.maxBytes);
    expect(calls[1]?.quality).toBeLessThan(calls[0]?.quality ?? 1);
    expect(calls[1]?.width).toBe(2400);
    expect(result.width).toBeLessThan(2400);
  });

  it('gives up with a typed error when nothing fits', async () => {
    const { encode } = encoder(1e9);
    await expect(fitJpeg(100, 100, encode)).rejects.toBeInstanceOf(ImageTooLargeError);
  });
});
