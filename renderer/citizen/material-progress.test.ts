import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { materialDone, pagesLine } from './material-progress';

const i18n = i18next.createInstance();
void i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false }, initAsync: false });
const zh = i18n.getFixedT('zh-CN');
const english = i18n.getFixedT('en');

describe('material progress against its minimum pages', () => {
  it('is done only at the minimum (or when promised)', () => {
    const idCard = { key: 'SM-ID-CARD:applicant', minPages: 2 };
    expect(materialDone(idCard, 1, [])).toBe(false);
    expect(materialDone(idCard, 2, [])).toBe(true);
    expect(materialDone(idCard, 0, ['SM-ID-CARD:applicant'])).toBe(true);
    expect(materialDone({ key: 'SM-PHOTO:applicant', minPages: 1 }, 1, [])).toBe(true);
  });

  it('says “至少 N 页 / at least N pages” before capture and the count against it after', () => {
    expect(pagesLine(zh, 0, 2)).toBe('未拍摄 · 至少 2 页');
    expect(pagesLine(zh, 1, 2)).toBe('已拍 1 / 至少 2 页');
    expect(pagesLine(english, 0, 2)).toBe('Not taken yet · at least 2 pages');
    expect(pagesLine(english, 1, 2)).toBe('1 of at least 2 pages taken');
    expect(pagesLine(zh, 0, 1)).toBe('未拍摄');
    expect(pagesLine(zh, 3, 1)).toBe('已拍 3 页');
  });
});
