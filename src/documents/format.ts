import type { ReceiptBlockInput } from '../kernel/receipt';

// Small helpers shared by the templates. Dates travel as 'YYYY-MM-DD' (or full ISO) strings so templates
// stay pure and never depend on the machine's time zone.

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const TIME = /T(\d{2}):(\d{2})/;

/** 2026-11-23 → 2026年11月23日 (the form printed on government paper). */
export function chineseDate(iso: string): string {
  const m = DATE.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${m[2]}月${m[3]}日`;
}

/** 2026-11-23T09:30:00+08:00 → 2026-11-23 09:30 */
export function dateTime(iso: string): string {
  const d = DATE.exec(iso);
  const t = TIME.exec(iso);
  if (!d) return iso;
  return `${d[1]}-${d[2]}-${d[3]}${t ? ` ${t[1]}:${t[2]}` : ''}`;
}

export interface Language {
  /** Adds English lines under the Chinese ones (for foreign residents); Chinese is always printed. */
  english?: boolean;
}

export function title(zh: string, en: string, lang: Language): ReceiptBlockInput[] {
  const blocks: ReceiptBlockInput[] = [{ kind: 'text', text: zh, align: 'center', bold: true, width: 2, height: 2 }];
  if (lang.english) blocks.push({ kind: 'text', text: en, align: 'center' });
  return blocks;
}

/** A label/value line; the English label follows the Chinese one when asked for. */
export function field(zh: string, en: string, value: string, lang: Language): ReceiptBlockInput {
  return { kind: 'pair', left: lang.english ? `${zh} ${en}` : zh, right: value };
}

export function paragraph(zh: string, en: string | null, lang: Language): ReceiptBlockInput[] {
  const blocks: ReceiptBlockInput[] = [{ kind: 'text', text: zh }];
  if (lang.english && en) blocks.push({ kind: 'text', text: en });
  return blocks;
}

export function footer(hallName: string, printedAt: string): ReceiptBlockInput[] {
  return [
    { kind: 'rule' },
    { kind: 'text', text: hallName, align: 'center' },
    { kind: 'text', text: `打印时间 ${dateTime(printedAt)}`, align: 'center' },
    { kind: 'cut' },
  ];
}
