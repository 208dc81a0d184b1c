// Catalogue search for the kiosk: Chinese substrings, full pinyin ("huzhao") and initials ("hz"), aliases and
// synonyms, ranked by match quality and then popularity. Built once per catalogue version; a query scans
// one pre-joined string per entry and field kind, which keeps 10,000 entries well under 10 ms.
import { pinyin } from 'pinyin-pro';
import { SYNONYMS } from './synonyms';

export type SearchKind = 'item' | 'bundle';
export type MatchKind = 'name' | 'alias' | 'synonym' | 'pinyin' | 'initials' | 'department';
export type MatchQuality = 'exact' | 'prefix' | 'substring';

export interface SearchEntry {
  readonly kind: SearchKind;
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly department?: string;
  /** Relative use, any non-negative scale; only the order matters. */
  readonly popularity?: number;
}

export interface SearchHit {
  readonly kind: SearchKind;
  readonly id: string;
  readonly name: string;
  readonly match: MatchKind;
  readonly quality: MatchQuality;
  /** The name, alias or department that matched. */
  readonly matched: string;
  readonly score: number;
}

const SEP = '\u0001';
const ENTRY_SEP = '\u0002';
const BASE: Record<MatchKind, number> = { name: 1000, alias: 800, synonym: 600, pinyin: 500, initials: 400, department: 200 };
const QUALITY: Record<MatchQuality, number> = { exact: 150, prefix: 80, substring: 0 };

interface Indexed {
  readonly entry: SearchEntry;
  /** terms[0] is the name, the rest aliases. */
  readonly terms: readonly string[];
  readonly text: string;
  readonly full: string;
  readonly initials: string;
  readonly fullTerms: readonly string[];
  readonly initialTerms: readonly string[];
  readonly department: string;
  readonly popularityBonus: number;
}

function normalize(s: string): string {
  // The term and entry separators are removed too: a query must not match across them.
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll(SEP, '')
    .replaceAll(ENTRY_SEP, '')
    .replace(/[\s·•、，,。.（）()“”"'|-]+/g, '');
}

const TERM_SEP = '|';

/**
 * Pinyin of several terms in one library call (per-call overhead dominates index build). Terms never
 * contain the separator (normalize removes it); a separator glued to neighbouring Latin text comes back
 * inside one element and is split here.
 */
function toPinyinAll(terms: readonly string[]): { full: string; initials: string }[] {
  const syllables = pinyin(terms.join(TERM_SEP), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[];
  const perTerm: string[][] = [[]];
  for (const syllable of syllables) {
    const pieces = syllable.split(TERM_SEP);
    pieces.forEach((piece, i) => {
      if (i > 0) perTerm.push([]);
      const p = normalize(piece);
      if (p.length > 0) perTerm[perTerm.length - 1]?.push(p);
    });
  }
  return terms.map((_, i) => {
    const parts = perTerm[i] ?? [];
    return { full: parts.join(''), initials: parts.map((p) => p.slice(0, 1)).join('') };
  });
}

function qualityOf(term: string, query: string): MatchQuality | null {
  const at = term.indexOf(query);
  if (at < 0) return null;
  if (at === 0) return term.length === query.length ? 'exact' : 'prefix';
  return 'substring';
}

/** Finds the best-quality term of a joined field and returns it with its quality. */
function bestTerm(joined: string, terms: readonly string[], query: string): { index: number; quality: MatchQuality } | null {
  if (!joined.includes(query)) return null;
  let best: { index: number; quality: MatchQuality } | null = null;
  for (let i = 0; i < terms.length; i += 1) {
    const q = qualityOf(terms[i] ?? '', query);
    if (q && (!best || QUALITY[q] > QUALITY[best.quality])) best = { index: i, quality: q };
    if (best?.quality === 'exact') break;
  }
  return best;
}

/**
 * One field of every entry joined into a single string, so a query is one native substring scan that
 * jumps from match to match instead of a loop over 10,000 entries.
 */
class Corpus {
  private readonly joined: string;
  private readonly starts: number[];

  constructor(fields: readonly string[]) {
    this.starts = [];
    let offset = 0;
    for (const f of fields) {
      this.starts.push(offset);
      offset += f.length + 1;
    }
    this.joined = fields.join(ENTRY_SEP);
  }

  /** Adds the index of every entry whose field contains `query`. */
  collect(query: string, out: Set<number>): void {
    let pos = this.joined.indexOf(query);
    while (pos !== -1) {
      const entry = this.entryAt(pos);
      out.add(entry);
      pos = this.joined.indexOf(query, this.starts[entry + 1] ?? this.joined.length);
    }
  }

  private entryAt(pos: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

export class SearchIndex {
  private readonly entries: Indexed[];
  private readonly textCorpus: Corpus;
  private readonly fullCorpus: Corpus;
  private readonly initialsCorpus: Corpus;
  private readonly departmentCorpus: Corpus;

  private constructor(entries: Indexed[]) {
    this.entries = entries;
    this.textCorpus = new Corpus(entries.map((e) => e.text));
    this.fullCorpus = new Corpus(entries.map((e) => e.full));
    this.initialsCorpus = new Corpus(entries.map((e) => e.initials));
    this.departmentCorpus = new Corpus(entries.map((e) => e.department));
  }

  static build(entries: readonly SearchEntry[]): SearchIndex {
    const maxPop = Math.max(1, ...entries.map((e) => e.popularity ?? 0));
    const indexed = entries.map((entry): Indexed => {
      const terms = [entry.name, ...entry.aliases].map(normalize).filter((t) => t.length > 0);
      const pys = toPinyinAll(terms);
      return {
        entry,
        terms,
        text: terms.join(SEP),
        full: pys.map((p) => p.full).join(SEP),
        initials: pys.map((p) => p.initials).join(SEP),
        fullTerms: pys.map((p) => p.full),
        initialTerms: pys.map((p) => p.initials),
        department: normalize(entry.department ?? ''),
        // Up to 100 points: popularity orders hits of equal quality but never beats a better match kind.
        popularityBonus: Math.round(((entry.popularity ?? 0) / maxPop) * 100),
      };
    });
    return new SearchIndex(indexed);
  }

  get size(): number {
    return this.entries.length;
  }

  search(rawQuery: string, limit = 20): SearchHit[] {
    const query = normalize(rawQuery).slice(0, 40);
    if (query.length === 0) return [];
    // Letters (optionally with digits) are read as pinyin; anything with hanzi as Chinese text.
    const latin = /^[a-z0-9]+$/.test(query) && /[a-z]/.test(query);
    const synonymQueries = latin ? [] : expandSynonyms(query);
    // Keep only the best `limit` hits (insertion into a small sorted array): common substrings such as
    // 登记 match thousands of entries, and sorting all of them would dominate the query time.
    const candidates = new Set<number>();
    if (latin) {
      this.fullCorpus.collect(query, candidates);
      if (query.length <= 12) this.initialsCorpus.collect(query, candidates);
    } else {
      this.textCorpus.collect(query, candidates);
      for (const s of synonymQueries) this.textCorpus.collect(s, candidates);
      this.departmentCorpus.collect(query, candidates);
    }
    const top: SearchHit[] = [];
    const max = Math.max(1, Math.min(limit, 100));
    // compareHits is a total order, so the candidates' visiting order does not change the result.
    for (const index of candidates) {
      const e = this.entries[index];
      if (!e) continue;
      const hit = latin ? this.matchLatin(e, query) : this.matchChinese(e, query, synonymQueries);
      if (!hit) continue;
      const last = top[top.length - 1];
      if (top.length >= max && last && compareHits(hit, last) >= 0) continue;
      let at = top.length;
      while (at > 0 && compareHits(hit, top[at - 1] as SearchHit) < 0) at -= 1;
      top.splice(at, 0, hit);
      if (top.length > max) top.pop();
    }
    return top;
  }

  private hit(e: Indexed, match: MatchKind, quality: MatchQuality, matched: string): SearchHit {
    const bundleBonus = e.entry.kind === 'bundle' ? 20 : 0;
    return {
      kind: e.entry.kind,
      id: e.entry.id,
      name: e.entry.name,
      match,
      quality,
      matched,
      score: BASE[match] + QUALITY[quality] + e.popularityBonus + bundleBonus,
    };
  }

  private termText(e: Indexed, index: number): string {
    return index === 0 ? e.entry.name : (e.entry.aliases[index - 1] ?? e.entry.name);
  }

  private matchChinese(e: Indexed, query: string, synonyms: readonly string[]): SearchHit | null {
    const found = bestTerm(e.text, e.terms, query);
    if (found) return this.hit(e, found.index === 0 ? 'name' : 'alias', found.quality, this.termText(e, found.index));
    for (const s of synonyms) {
      const viaSynonym = bestTerm(e.text, e.terms, s);
      if (viaSynonym) return this.hit(e, 'synonym', 'substring', this.termText(e, viaSynonym.index));
    }
    if (e.department.length > 0 && e.department.includes(query)) return this.hit(e, 'department', 'substring', e.entry.department ?? '');
    return null;
  }

  private matchLatin(e: Indexed, query: string): SearchHit | null {
    const full = bestTerm(e.full, e.fullTerms, query);
    const initials = query.length <= 12 ? bestTerm(e.initials, e.initialTerms, query) : null;
    // Prefer whichever reading matched better; full pinyin wins ties because it is less ambiguous.
    if (full && (!initials || QUALITY[full.quality] >= QUALITY[initials.quality])) {
      return this.hit(e, 'pinyin', full.quality, this.termText(e, full.index));
    }
    if (initials) return this.hit(e, 'initials', initials.quality, this.termText(e, initials.index));
    return null;
  }
}

function compareHits(a: SearchHit, b: SearchHit): number {
  return b.score - a.score || a.name.length - b.name.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function expandSynonyms(query: string): string[] {
  const out: string[] = [];
  for (const [word, replacements] of Object.entries(SYNONYMS)) {
    if (query.includes(word)) for (const r of replacements) out.push(normalize(r));
  }
  return out;
}
