// SAM ID (0x12 response DATA, 16 bytes, little-endian integers; spec §4.3).

/** `MM.mm-DDDDDDDD-NNNNNNNNNN-NNNNNNNNNN`, or null when the data is not 16 bytes. */
export function formatSamId(data: Uint8Array): string | null {
  if (data.length !== 16) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const major = view.getUint16(0, true);
  const minor = view.getUint16(2, true);
  const date = view.getUint32(4, true);
  const s1 = view.getUint32(8, true);
  const s2 = view.getUint32(12, true);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(major, 2)}.${pad(minor, 2)}-${pad(date, 8)}-${pad(s1, 10)}-${pad(s2, 10)}`;
}

export function encodeSamId(major: number, minor: number, date: number, s1: number, s2: number): Uint8Array {
  const data = new Uint8Array(16);
  const view = new DataView(data.buffer);
  view.setUint16(0, major, true);
  view.setUint16(2, minor, true);
  view.setUint32(4, date, true);
  view.setUint32(8, s1, true);
  view.setUint32(12, s2, true);
  return data;
}
