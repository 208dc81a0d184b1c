// DATA of the read responses 0x30 0x01 and 0x30 0x10 (spec §6.1): length fields (u16 BE) then blocks.

export interface CardBlocks {
  readonly text: Uint8Array;
  /** WLT photo, normally 1024 bytes; proprietary, decoded only by a plug-in. */
  readonly photo: Uint8Array;
  /** Fingerprint templates (0, 512 or 1024 bytes); only with the fingerprint variant. */
  readonly fingerprints: Uint8Array;
}

export type BlocksResult = { readonly ok: true; readonly blocks: CardBlocks } | { readonly ok: false; readonly problem: string };

const u16 = (data: Uint8Array, at: number) => ((data[at] ?? 0) << 8) | (data[at + 1] ?? 0);

/** Parses by the length fields, never by fixed offsets; every length is checked against what arrived. */
export function parseReadData(data: Uint8Array, withFingerprints: boolean): BlocksResult {
  const header = withFingerprints ? 6 : 4;
  if (data.length < header) return { ok: false, problem: `read response too short (${data.length} bytes)` };
  const textLen = u16(data, 0);
  const photoLen = u16(data, 2);
  const fpLen = withFingerprints ? u16(data, 4) : 0;
  const expected = header + textLen + photoLen + fpLen;
  if (expected !== data.length) {
    return { ok: false, problem: `read response lengths (${textLen}+${photoLen}+${fpLen}) do not match its ${data.length} bytes` };
  }
  const textEnd = header + textLen;
  const photoEnd = textEnd + photoLen;
  return {
    ok: true,
    blocks: { text: data.subarray(header, textEnd), photo: data.subarray(textEnd, photoEnd), fingerprints: data.subarray(photoEnd) },
  };
}

export function encodeReadData(blocks: CardBlocks, withFingerprints: boolean): Uint8Array {
  const header = withFingerprints ? 6 : 4;
  const fp = withFingerprints ? blocks.fingerprints : new Uint8Array(0);
  const out = new Uint8Array(header + blocks.text.length + blocks.photo.length + fp.length);
  const put16 = (at: number, v: number) => {
    out[at] = (v >> 8) & 0xff;
    out[at + 1] = v & 0xff;
  };
  put16(0, blocks.text.length);
  put16(2, blocks.photo.length);
  if (withFingerprints) put16(4, fp.length);
  out.set(blocks.text, header);
  out.set(blocks.photo, header + blocks.text.length);
  out.set(fp, header + blocks.text.length + blocks.photo.length);
  return out;
}

/** The 'WL' + 102 × 126 header seen on a real WLT sample (spec §9); a sanity check only. */
export function looksLikeWlt(photo: Uint8Array): boolean {
  return photo.length === 1024 && photo[0] === 0x57 && photo[1] === 0x4c;
}
