// Store benchmark: commit latency of one submitted application with 5 materials and its audit entry
// (one transaction, WAL, synchronous=FULL), on a database already holding a few thousand applications.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../src/store';
import type { SubmitInput } from '../src/store';
import { round, summarize } from './stats';

const dir = mkdtempSync(join(tmpdir(), 'store-bench-'));
const store = openStore({ path: join(dir, 'terminal.sqlite'), key: Buffer.alloc(32, 9) });

const input = (n: number): SubmitInput => ({
  kind: 'bundle',
  subjectId: 'BND-BIRTH',
  catalogVersion: '2026.11.0',
  hallCode: 'QX01',
  terminal: 'QX01-K01',
  at: new Date(Date.UTC(2026, 10, 23, 9) + n * 1000).toISOString(),
  actor: { kind: 'citizen', id: 'kiosk' },
  personal: {
    applicant: { name: '欧阳娜娜', idNumber: '430102199003071246' },
    values: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`field.${i}`, `值${i}-${n}`])),
  },
  materials: Array.from({ length: 5 }, (_, i) => ({ key: `SM-${i}:applicant`, pages: 2, trust: 'C' as const, sha256: 'a'.repeat(64), bytes: 150_000 })),
});

const WARM = 2000;
const N = 500;
for (let i = 0; i < WARM; i += 1) store.applications.submit(input(i));
const samples: number[] = [];
for (let i = 0; i < N; i += 1) {
  const t0 = performance.now();
  store.applications.submit(input(WARM + i));
  samples.push(performance.now() - t0);
}
const s = summarize(samples);
const journal = store.db.pragma('journal_mode', { simple: true });
const sync = store.db.pragma('synchronous', { simple: true });
store.close();
rmSync(dir, { recursive: true, force: true });

console.log(
  JSON.stringify({
    commits: N,
    preloaded: WARM,
    materials_per_application: 5,
    journal_mode: journal,
    synchronous: sync === 2 ? 'FULL' : sync,
    p50_ms: round(s.p50),
    p95_ms: round(s.p95),
    p99_ms: round(s.p99),
    max_ms: round(s.max),
    filesystem_note: `temp dir ${tmpdir()}; fsync cost depends on the disk`,
  }),
);
