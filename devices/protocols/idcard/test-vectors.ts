// Byte-exact vectors from the protocol spec §12 (shared by unit tests and the benchmark).
import type { IdCard } from '../../../src/contract';

export const hexBytes = (s: string): Uint8Array => Uint8Array.from(s.replace(/\s+/g, '').match(/../g) ?? [], (h) => parseInt(h, 16));

export const requestVectors: readonly [string, number, number, string][] = [
  ['reset SAM', 0x10, 0xff, 'AA AA AA 96 69 00 03 10 FF EC'],
  ['SAM status', 0x11, 0xff, 'AA AA AA 96 69 00 03 11 FF ED'],
  ['read SAM ID', 0x12, 0xff, 'AA AA AA 96 69 00 03 12 FF EE'],
  ['find card', 0x20, 0x01, 'AA AA AA 96 69 00 03 20 01 22'],
  ['select card', 0x20, 0x02, 'AA AA AA 96 69 00 03 20 02 21'],
  ['read text+photo', 0x30, 0x01, 'AA AA AA 96 69 00 03 30 01 32'],
  ['read additional address', 0x30, 0x03, 'AA AA AA 96 69 00 03 30 03 30'],
  ['read text+photo+FP', 0x30, 0x10, 'AA AA AA 96 69 00 03 30 10 23'],
  ['set UART 115200', 0x60, 0x00, 'AA AA AA 96 69 00 03 60 00 63'],
  ['set UART 57600', 0x60, 0x01, 'AA AA AA 96 69 00 03 60 01 62'],
  ['set UART 38400', 0x60, 0x02, 'AA AA AA 96 69 00 03 60 02 61'],
  ['set UART 19200', 0x60, 0x03, 'AA AA AA 96 69 00 03 60 03 60'],
  ['set UART 9600', 0x60, 0x04, 'AA AA AA 96 69 00 03 60 04 67'],
];

export const publishedTraces: readonly [string, string, boolean][] = [
  ['SAM status OK', 'AAAAAA9669000400009094', true],
  ['find OK', 'AAAAAA9669000800009F0000000097', true],
  ['find: no card', 'AAAAAA9669000400008084', true],
  ['select OK', 'AAAAAA9669000C00009000000000000000009C', true],
  ['select fail', 'AAAAAA9669000400008185', true],
  ['read fail', 'AAAAAA9669000400004145', true],
  ['find request with the published wrong checksum', 'AAAAAA96690003200121', false],
];

/** The synthetic person of spec §12. */
export const specCard: IdCard = {
  cardType: 'resident',
  name: '张测试',
  gender: 'male',
  genderCode: '1',
  nation: '汉',
  nationCode: '01',
  birthDate: '1990-03-07',
  address: '北京市东城区测试路1号',
  idNumber: '110101199003071233',
  issuer: '北京市公安局东城分局',
  validFrom: '2020-01-01',
  validUntil: '2040-01-01',
  idNumberValid: true,
  hasPhoto: true,
};

/** Placeholder photo of spec §12: the 8-byte 'WL' header of the one public sample, then zeros. */
export function specPhoto(): Uint8Array {
  const photo = new Uint8Array(1024);
  photo.set(hexBytes('57 4C 66 00 7E 00 32 00'));
  return photo;
}

export const specReadFrameSha256 = '0c7386a7f8e56eb61c65193ef5e8f3e974f1e2bf7aa54a074d1f8550ddcc2253';
export const specReadFrameHead = 'AA AA AA 96 69 05 08 00 00 90 01 00 04 00 20 5F 4B 6D D5 8B';
