// Catalogue benchmark: a generated 10,000-item catalogue (sample items cloned under varied names) —
// validation, search index build, search latency per query kind, and merged-form build for the largest bundle.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Catalog } from '../src/domain/catalog/catalog';
import type { CatalogFile } from '../src/domain/catalog/schema';
import { searchEntries } from '../src/domain/catalog/search-entries';
import { validateCatalog } from '../src/domain/catalog/validate';
import { bundleMaterials } from '../src/domain/forms/materials';
import { buildBundleForm } from '../src/domain/forms/merged-form';
import { SearchIndex } from '../src/domain/search/search-index';
import { round, summarize } from './stats';

const TARGET_ITEMS = 10_000;
const sample = JSON.parse(readFileSync('assets/catalog/sample-catalog.json', 'utf8')) as CatalogFile;

// Deterministic PRNG so runs are comparable.
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

const PLACES = ['城关', '清溪', '白沙', '石门', '龙潭', '青山', '柳河', '桃源', '梅岭', '金塘', '南湖', '北岗', '东坪', '西岭', '花桥', '云台', '长乐', '永安', '丰收', '新华', '红星', '双河', '高峰', '平安', '太平'];
const VARIANTS = ['', '（变更）', '（注销）', '（补办）', '（延续）', '（迁入）', '（迁出）', '（首次）', '（换发）', '（撤销）'];
const AGENCIES = ['镇', '乡', '街道', '社区', '片区'];

function generate(): CatalogFile {
  const items: CatalogFile['items'] = [];
  for (let n = 0; items.length < TARGET_ITEMS; n += 1) {
    const base = sample.items[n % sample.items.length];
    if (!base) break;
    const place = `${pick(PLACES)}${pick(AGENCIES)}`;
    const name = `${place}${base.name}${pick(VARIANTS)}`;
    items.push({
      ...base,
      id: `${base.id}-${n}`,
      name,
      aliases: base.aliases.map((a) => `${place}${a}`),
      materials: base.materials.map((m) => ({ ...m, id: `${m.id}-${n}` })),
      popularity: Math.floor(rand() * 1000),
    });
  }
  return { ...sample, items: [...sample.items, ...items.slice(0, TARGET_ITEMS - sample.items.length)] };
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

const file = generate();
const validation = time(() => validateCatalog(file));
if (!validation.value.ok) throw new Error('generated catalogue does not validate');
const catalog = new Catalog(validation.value.catalog);
const entries = searchEntries(catalog);
const build = time(() => SearchIndex.build(entries));
const index = build.value;

// Queries by kind, drawn from the catalogue itself plus misses.
const names = catalog.file.items.map((i) => i.name);
const queries: Record<string, string[]> = { chinese: [], pinyin: [], initials: [], alias: [], miss: [] };
for (let i = 0; i < 400; i += 1) {
  const name = pick(names);
  const start = Math.floor(rand() * Math.max(1, name.length - 3));
  queries.chinese?.push(name.slice(start, start + 2 + Math.floor(rand() * 3)));
  const base = pick(sample.items);
  queries.alias?.push(pick(base.aliases.length > 0 ? base.aliases : [base.name]));
}
const pinyinWords = ['shenfenzheng', 'hukou', 'shebao', 'yibao', 'gongjijin', 'chusheng', 'tuixiu', 'canji', 'jiehun', 'yingye', 'canyin', 'shuifei', 'budongchan', 'yanglao', 'jiuye', 'hz', 'huzhao'];
const initialWords = ['sfz', 'hk', 'sb', 'yb', 'gjj', 'csdj', 'tx', 'cjr', 'jh', 'qy', 'bdc', 'yl', 'jy', 'hz'];
for (let i = 0; i < 400; i += 1) {
  queries.pinyin?.push(pick(pinyinWords));
  queries.initials?.push(pick(initialWords));
  queries.miss?.push(pick(['zzqq', '火星登记', 'xxyyzz', '不存在的事项']));
}

// Warm up the JIT the way a kiosk does after start.
for (let i = 0; i < 200; i += 1) index.search(pick(names).slice(0, 2));

const perKind: Record<string, unknown> = {};
const all: number[] = [];
for (const [kind, list] of Object.entries(queries)) {
  const samples: number[] = [];
  let hits = 0;
  for (const q of list) {
    const t0 = performance.now();
    hits += index.search(q).length;
    samples.push(performance.now() - t0);
  }
  all.push(...samples);
  const s = summarize(samples);
  perKind[kind] = { p50_ms: round(s.p50), p99_ms: round(s.p99), max_ms: round(s.max), mean_hits: round(hits / list.length, 1) };
}
const overall = summarize(all);

// Merged form for the largest bundle (most member form fields).
const largest = [...sample.bundles].sort(
  (a, b) =>
    b.members.reduce((n, m) => n + (catalog.item(m.item)?.formFieldIds.length ?? 0), 0) -
    a.members.reduce((n, m) => n + (catalog.item(m.item)?.formFieldIds.length ?? 0), 0),
)[0];
if (!largest) throw new Error('no bundles');
const formSamples: number[] = [];
for (let i = 0; i < 1000; i += 1) {
  const t0 = performance.now();
  buildBundleForm(catalog, largest);
  bundleMaterials(catalog, largest);
  formSamples.push(performance.now() - t0);
}
const form = summarize(formSamples.slice(100));

console.log(
  JSON.stringify({
    items: catalog.file.items.length,
    entries: entries.length,
    validate_ms: round(validation.ms, 1),
    index_build_ms: round(build.ms, 1),
    search: { queries: all.length, p50_ms: round(overall.p50), p99_ms: round(overall.p99), max_ms: round(overall.max), by_kind: perKind },
    targets: { search_p99_ms: 10, index_build_ms: 1000 },
    merged_form: {
      bundle: largest.id,
      members: largest.members.length,
      fields: buildBundleForm(catalog, largest).sections.reduce((n, s) => n + s.fields.length, 0),
      p50_ms: round(form.p50, 4),
      p99_ms: round(form.p99, 4),
    },
  }),
);
