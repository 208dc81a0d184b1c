// UCS-2 little-endian text fields, right-padded with U+0020 (spec §6.3).

const decoder = new TextDecoder('utf-16le');

/** Trims trailing spaces and NULs (both are used as padding) without a control-character regex. */
export function trimPadding(value: string): string {
  let end = value.length;
  while (end > 0) {
    const c = value.charCodeAt(end - 1);
    if (c !== 0 && c !== 0x20 && c !== 0x3000 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    end -= 1;
  }
  return value.slice(0, end).trimStart();
}

/** Decodes a fixed-width field and trims trailing spaces and NULs (and leading spaces). */
export function readField(text: Uint8Array, offset: number, bytes: number): string {
  return trimPadding(decoder.decode(text.subarray(offset, offset + bytes)));
}

/** Writes `value` into a fixed-width field, space-padded. Characters that do not fit are cut. */
export function writeField(text: Uint8Array, offset: number, bytes: number, value: string): void {
  const chars = bytes / 2;
  for (let i = 0; i < chars; i += 1) {
    const code = i < value.length ? value.charCodeAt(i) : 0x20;
    text[offset + 2 * i] = code & 0xff;
    text[offset + 2 * i + 1] = code >> 8;
  }
}
