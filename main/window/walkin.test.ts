import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decide } from '../citizen/decide';
import { card, citizenFixture, fakeJpeg } from '../citizen/test-fixtures';
import type { Fixture } from '../citizen/test-fixtures';
import { walkInActor } from './walkin';

const GA03 = { kind: 'item', id: 'GA-03' } as const;
const VALUES = { 'applicant.mobile': '13800138000', 'idcard.reason': 'expired', 'idcard.collect': 'window', 'idcard.needTemporary': '0' };
const TODAY = '2026-11-23';

describe('walk-in intake on the kiosk’s decide(): materials provided at the window', () => {
  let f: Fixture;
  beforeEach(() => {
    f = citizenFixture();
    f.session.begin();
    f.session.cardRead(card('resident-zhang'));
    f.session.useCard('applicant');
  });
  afterEach(() => f.close());

  const blocking = (provided: Parameters<typeof decide>[6] = []) =>
    decide(f.deps.catalog, f.session, GA03, VALUES, [], TODAY, provided)
      .result.problems.filter((p) => p.blocking)
      .map((p) => ('material' in p ? p.material : p.field));

  it('without materials the pre-check asks for both; originals checked on paper satisfy it without an original-check note', () => {
    expect(blocking()).toEqual(['SM-ID-CARD:applicant', 'SM-PHOTO:applicant']);
    const provided = [
      { key: 'SM-ID-CARD:applicant', pages: 2, trust: 'A' as const },
      { key: 'SM-PHOTO:applicant', pages: 1, trust: 'A' as const },
    ];
    const decided = decide(f.deps.catalog, f.session, GA03, VALUES, [], TODAY, provided);
    expect(decided.result.ok).toBe(true);
    expect(decided.result.problems.filter((p) => p.kind === 'original-check')).toEqual([]);
  });

  it('a paper original wins over a partial capture of the same material; captures still count on their own', () => {
    f.session.addPage('SM-ID-CARD:applicant', fakeJpeg(1600, 1200, 1));
    expect(blocking()).toEqual(['SM-ID-CARD:applicant', 'SM-PHOTO:applicant']);
    expect(blocking([{ key: 'SM-ID-CARD:applicant', pages: 2, trust: 'A' }])).toEqual(['SM-PHOTO:applicant']);
    f.session.addPage('SM-PHOTO:applicant', fakeJpeg(1600, 1200, 2));
    expect(blocking([{ key: 'SM-ID-CARD:applicant', pages: 2, trust: 'A' }])).toEqual([]);
  });

  it('the application’s actor names the window and the staff member', () => {
    expect(walkInActor({ windowId: 'W01', staffNumber: 'A0317' })).toBe('window:W01/staff:A0317');
  });
});
