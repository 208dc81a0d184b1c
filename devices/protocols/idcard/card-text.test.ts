import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { IdCard } from '../../../src/contract';
import { decodeCardText } from './card-text';
import { encodeCardText } from './card-encode';
import { genderFromCode, nationCount, nationFromCode, nationToCode } from './codes';
import { FrameDecoder } from './decoder';
import { encodeResponse, parseResponseBody } from './frame';
import { layoutOf } from './layouts';
import { encodeReadData, looksLikeWlt, parseReadData } from './read-response';
import { encodeSamId, formatSamId } from './sam-id';
import { hexBytes, specCard, specPhoto, specReadFrameHead, specReadFrameSha256 } from './test-vectors';

const today = new Date('2026-11-23T00:00:00Z');
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');

function specFrame(): Uint8Array {
  return encodeResponse(0x90, encodeReadData({ text: encodeCardText(specCard), photo: specPhoto(), fingerprints: new Uint8Array(0) }, false));
}

describe('read text+photo response (spec §12 vector)', () => {
  it('reproduces the 1295-byte frame byte for byte', () => {
    const frame = specFrame();
    expect(frame.length).toBe(1295);
    expect(hex(frame.subarray(0, 20))).toBe(specReadFrameHead);
    expect(frame[frame.length - 1]).toBe(0xe6);
    expect(createHash('sha256').update(frame).digest('hex')).toBe(specReadFrameSha256);
  });

  it('decodes the frame to the listed fields', () => {
    const frames = new FrameDecoder({ minLen: 4 }).push(specFrame());
    const response = frames[0] && parseResponseBody(frames[0]);
    expect(response?.sw3).toBe(0x90);
    const blocks = response && parseReadData(response.data, false);
    if (!blocks?.ok) throw new Error('blocks');
    expect(blocks.blocks.text.length).toBe(256);
    expect(looksLikeWlt(blocks.blocks.photo)).toBe(true);
    const result = decodeCardText(blocks.blocks.text, { hasPhoto: true, today });
    expect(result).toEqual({ ok: true, layout: 'resident', card: specCard });
  });

  it('handles the fingerprint variant sizes 1297/1809/2321', () => {
    for (const fp of [0, 512, 1024]) {
      const data = encodeReadData({ text: encodeCardText(specCard), photo: specPhoto(), fingerprints: new Uint8Array(fp) }, true);
      const frame = encodeResponse(0x90, data);
      expect(frame.length).toBe(1297 + fp);
      const parsed = parseReadData(data, true);
      expect(parsed.ok && parsed.blocks.fingerprints.length).toBe(fp);
    }
  });

  it('rejects lengths that disagree with the data', () => {
    const data = encodeReadData({ text: encodeCardText(specCard), photo: specPhoto(), fingerprints: new Uint8Array(0) }, false);
    expect(parseReadData(data.subarray(0, 1000), false).ok).toBe(false);
    expect(parseReadData(data.subarray(0, 3), false).ok).toBe(false);
  });
});

const cards: Record<string, IdCard> = {
  hmt: {
    cardType: 'hmt-residence',
    name: '陈大文',
    gender: 'male',
    genderCode: '1',
    birthDate: '1992-02-15',
    address: '广东省深圳市福田区福华路300号',
    idNumber: '810000199202150034',
    issuer: '深圳市公安局',
    validFrom: '2024-01-10',
    validUntil: '2029-01-10',
    idNumberValid: true,
    hasPhoto: false,
    passNumber: 'H12345678',
    issueCount: 1,
  },
  foreign2017: {
    cardType: 'foreign-permanent',
    cardVersion: '2017',
    name: 'SMITH, JOHN',
    nameEn: 'SMITH, JOHN',
    gender: 'male',
    genderCode: '1',
    nationality: 'USA',
    birthDate: '1988-08-08',
    idNumber: 'USA110880808011',
    validFrom: '2018-01-01',
    validUntil: '2028-01-01',
    idNumberValid: true,
    hasPhoto: false,
  },
  foreign2023: {
    cardType: 'foreign-permanent',
    cardVersion: '2023',
    name: '玛丽亚',
    nameEn: 'GARCIA LOPEZ, MARIA FERNANDA DE LOS ANGELES ISABEL',
    gender: 'female',
    genderCode: '2',
    nationality: 'ESP',
    birthDate: '1985-05-20',
    idNumber: '93172419850520002X',
    validFrom: '2024-01-01',
    validUntil: '2034-01-01',
    idNumberValid: true,
    hasPhoto: false,
    renewalCount: 0,
  },
};

describe('card types', () => {
  it.each(Object.entries(cards))('round-trips %s through the text block', (_name, card) => {
    const text = encodeCardText(card);
    const result = decodeCardText(text, { hasPhoto: false, today });
    if (!result.ok) throw new Error(result.problem);
    // The 2023 English name is 46 characters at most; longer ones are cut by the card.
    const nameEn = card.cardVersion === '2023' ? card.nameEn?.slice(0, 46) : card.nameEn;
    expect(result.card).toEqual(nameEn === undefined ? card : { ...card, nameEn });
  });

  it.each([
    ['49 00', 'foreign-2017'],
    ['4A 00', 'hmt'],
    ['59 00', 'foreign-2023'],
    ['20 00', 'resident'],
    ['49 01', 'resident'],
  ])('marker %s selects the %s layout', (marker, layout) => {
    const text = encodeCardText(specCard);
    text.set(hexBytes(marker), 248);
    expect(layoutOf(text)).toBe(layout);
  });

  it('reports a card whose number fails validation, naming the problem but not the number', () => {
    const card = { ...specCard, idNumber: '110101199003071234' };
    const result = decodeCardText(encodeCardText(card), { hasPhoto: false, today });
    expect(result.ok && result.card.idNumberValid).toBe(false);
    expect(result.ok && result.card.idNumberProblem).toMatch(/check digit/);
    expect(JSON.stringify(result.ok && result.card.idNumberProblem)).not.toContain('110101');
  });

  it('flags a number whose birth date or gender disagree with the card', () => {
    const birth = decodeCardText(encodeCardText({ ...specCard, birthDate: '1990-03-08' }), { hasPhoto: false, today });
    expect(birth.ok && birth.card.idNumberProblem).toMatch(/birth date/);
    const gender = decodeCardText(encodeCardText({ ...specCard, gender: 'female', genderCode: '2' }), { hasPhoto: false, today });
    expect(gender.ok && gender.card.idNumberProblem).toMatch(/gender/);
  });

  it('flags a resident-layout card carrying a permit number and vice versa', () => {
    const resident = decodeCardText(encodeCardText({ ...specCard, idNumber: cards.hmt?.idNumber ?? '' }), { hasPhoto: false, today });
    expect(resident.ok && resident.card.idNumberValid).toBe(false);
  });

  it('reads 长期 as long-term and rejects a malformed date with a typed problem', () => {
    const long = decodeCardText(encodeCardText({ ...specCard, validUntil: 'long-term' }), { hasPhoto: false, today });
    expect(long.ok && long.card.validUntil).toBe('long-term');
    const bad = encodeCardText(specCard);
    bad.set(hexBytes('39 00 39 00'), 36 + 8);
    expect(decodeCardText(bad, { hasPhoto: false, today })).toEqual({ ok: false, problem: 'the birth date field is not a date' });
    expect(decodeCardText(new Uint8Array(10), { hasPhoto: false }).ok).toBe(false);
    expect(decodeCardText(new Uint8Array(256), { hasPhoto: false }).ok).toBe(false);
  });

  it('never throws on arbitrary text blocks', () => {
    for (let i = 0; i < 500; i += 1) {
      const text = Uint8Array.from({ length: 256 }, () => Math.floor(Math.random() * 256));
      expect(() => decodeCardText(text, { hasPhoto: false })).not.toThrow();
    }
  });
});

describe('code tables and SAM ID', () => {
  it('maps gender codes without guessing', () => {
    expect(['0', '1', '2', '9', '3'].map(genderFromCode)).toEqual(['unknown', 'male', 'female', 'unspecified', 'unknown']);
  });

  it('maps all 56 nations plus 97/98, and unknown codes to undefined', () => {
    expect(nationCount).toBe(56);
    expect(nationFromCode('01')).toBe('汉');
    expect(nationFromCode('46')).toBe('德昂');
    expect(nationFromCode('56')).toBe('基诺');
    expect(nationFromCode('97')).toBe('其他');
    expect(nationFromCode('98')).toBe('外国血统中国籍人士');
    expect(nationFromCode('58')).toBeUndefined();
    expect(nationToCode('苗')).toBe('06');
    expect(nationToCode('苗族')).toBe('06');
  });

  it('formats the SAM ID with 10-digit serial parts', () => {
    expect(formatSamId(encodeSamId(5, 1, 20101011, 123456, 1234567))).toBe('05.01-20101011-0000123456-0001234567');
    expect(formatSamId(new Uint8Array(3))).toBeNull();
  });
});
