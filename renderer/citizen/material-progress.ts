// Progress of one material on the materials page, against the minimum number of pages that the contract
// answer gives for it (the same minimum the pre-check holds the capture to).
import type { TFunction } from 'i18next';
import type { WireMaterial } from '../../src/contract';

/** Captured enough: pages up to the material's minimum (from the contract answer), or promised instead. */
export function materialDone(material: Pick<WireMaterial, 'key' | 'minPages'>, pages: number, promised: readonly string[]): boolean {
  return pages >= material.minPages || promised.includes(material.key);
}

/** What a row says about the pages: nothing yet, taken against the minimum, or taken. */
export function pagesLine(t: TFunction, pages: number, min: number): string {
  if (min > 1) return pages > 0 ? t('citizen.materials.pagesOf', { count: pages, min }) : `${t('citizen.materials.none')} · ${t('citizen.materials.minPages', { count: min })}`;
  return pages > 0 ? t('citizen.materials.pages', { count: pages }) : t('citizen.materials.none');
}
