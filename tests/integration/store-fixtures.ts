import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDigitOf } from '../../src/kernel/id-number';
import type { SubmitInput } from '../../src/store';

export const KEY = Buffer.alloc(32, 0x5a);

export function tempDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'store-')), 'terminal.sqlite');
}

export function sampleCatalogText(): string {
  return readFileSync(new URL('../../assets/catalog/sample-catalog.json', import.meta.url), 'utf8');
}

export function idNumber(birth: string, seq: string): string {
  const first17 = `430102${birth.replaceAll('-', '')}${seq}`;
  return first17 + checkDigitOf(first17);
}

export const APPLICANT_NAME = '欧阳娜娜';
export const APPLICANT_ID = idNumber('1990-03-07', '124');

export function submitInput(overrides: Partial<SubmitInput> = {}): SubmitInput {
  return {
    kind: 'bundle',
    subjectId: 'BND-BIRTH',
    catalogVersion: '2026.11.0',
    hallCode: 'QX01',
    terminal: 'QX01-K01',
    at: '2026-11-23T09:30:00.000Z',
    actor: { kind: 'citizen', id: 'kiosk' },
    personal: {
      applicant: { name: APPLICANT_NAME, idNumber: APPLICANT_ID },
      values: { 'mother.name': APPLICANT_NAME, 'mother.idNumber': APPLICANT_ID, 'mother.address': '清溪县城南新区政务路88号' },
    },
    materials: [
      { key: 'SM-HUKOU:household', pages: 2, trust: 'C', sha256: 'a'.repeat(64), bytes: 120_000 },
      { key: 'SM-UNMARRIED-STATEMENT:mother', pages: 1, trust: 'D' },
    ],
    ...overrides,
  };
}
