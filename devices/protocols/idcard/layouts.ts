// The four 256-byte text layouts and the card-type marker at offset 248 (spec §6.2–6.7).

export const TEXT_LENGTH = 256;
export const MARKER_OFFSET = 248;

export type Layout = 'resident' | 'foreign-2017' | 'foreign-2023' | 'hmt';

export interface Field {
  readonly offset: number;
  readonly bytes: number;
}

const f = (offset: number, bytes: number): Field => ({ offset, bytes });

export const residentFields = {
  name: f(0, 30),
  gender: f(30, 2),
  nation: f(32, 4),
  birth: f(36, 16),
  address: f(52, 70),
  number: f(122, 36),
  issuer: f(158, 30),
  validFrom: f(188, 16),
  validTo: f(204, 16),
} as const;

/** HK/Macao/Taiwan permit: the resident layout (nation field reserved) plus these. */
export const hmtFields = {
  ...residentFields,
  passNumber: f(220, 18),
  issueCount: f(238, 4),
} as const;

export const foreign2017Fields = {
  nameEn: f(0, 120),
  gender: f(120, 2),
  number: f(122, 30),
  nationality: f(152, 6),
  nameZh: f(158, 30),
  validFrom: f(188, 16),
  validTo: f(204, 16),
  birth: f(220, 16),
  version: f(236, 4),
  authorityCode: f(240, 8),
} as const;

/** From one source only (spec §6.6); name, gender, birth, number and validity are the dependable fields. */
export const foreign2023Fields = {
  nameZh: f(0, 30),
  gender: f(30, 2),
  renewalCount: f(32, 4),
  birth: f(36, 16),
  nameEn1: f(52, 70),
  number: f(122, 36),
  validFrom: f(188, 16),
  validTo: f(204, 16),
  nameEn2: f(220, 22),
  nationality: f(242, 6),
  previousNumber: f(250, 6),
} as const;

const MARKERS: Readonly<Record<number, Layout>> = { 0x49: 'foreign-2017', 0x59: 'foreign-2023', 0x4a: 'hmt' };
export const markerOf: Readonly<Record<Exclude<Layout, 'resident'>, number>> = { 'foreign-2017': 0x49, 'foreign-2023': 0x59, hmt: 0x4a };

/** Anything that is not I, Y or J is a resident card: its byte 248 lies in the reserved area. */
export function layoutOf(text: Uint8Array): Layout {
  if (text[MARKER_OFFSET + 1] !== 0) return 'resident';
  return MARKERS[text[MARKER_OFFSET] ?? 0] ?? 'resident';
}
