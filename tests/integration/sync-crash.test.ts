// Crash safety (issue 8): the terminal's core runs in a child process that records applications with
// 1–3 materials each and syncs them to a platform started here; the child is killed with SIGKILL at
// random moments — while starting, storing a scan, committing, pushing, uploading a chunk, taking an
// acknowledgement — and started again, at least 200 times. Then it drains, and the platform must hold
// every application the terminal confirmed, each exactly once, with every material complete and
// hash-verified.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepository } from '../../platform/store/open';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { readSealedBlob } from '../support/sealed-blobs';
import { TEST_DATA_KEY } from '../support/sync-fixtures';

const KILLS = Number(process.env.CRASH_KILLS ?? 200);
const ROOT = join(import.meta.dirname, '..', '..');

interface Run {
  confirmed: string[];
  exited: 'killed' | 'exited';
  stdout: string;
}

describe('crash safety: SIGKILL at random points, then drain', () => {
  let dir: string;
  let childScript: string;
  let platform: RunningPlatform;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hall-crash-'));
    // Precompiled once: a child then starts in a fraction of the time a TypeScript loader would take.
    childScript = join(ROOT, 'node_modules', '.cache', 'hall-crash', `crash-child-${process.pid}.mjs`);
    await build({
      entryPoints: [join(ROOT, 'tests', 'support', 'crash-child.ts')],
      outfile: childScript,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      packages: 'external',
      logLevel: 'error',
    });
    platform = await startPlatform(await openRepository({ engine: 'sqlite', file: join(dir, 'platform.db') }, TEST_DATA_KEY));
  });

  afterAll(async () => {
    await platform?.close();
    await platform?.repo.close();
    rmSync(dir, { recursive: true, force: true });
    if (childScript) rmSync(childScript, { force: true });
  });

  function runChild(env: Record<string, string>, mode: 'submit' | 'drain', killAfterMs: number | null): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [childScript, join(dir, 'terminal'), mode], {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      child.once('error', reject);
      child.once('close', (code, signal) => {
        if (timer) clearTimeout(timer);
        if (signal !== 'SIGKILL' && code !== 0) return reject(new Error(`child failed (${code ?? signal}): ${stderr.slice(-2000)}`));
        // Only whole lines count: a line cut by the kill was never fully reported.
        const confirmed = stdout
          .split('\n')
          .slice(0, -1)
          .flatMap((line) => (line.startsWith('CONFIRMED ') ? [line.slice('CONFIRMED '.length)] : []));
        resolve({ confirmed, exited: signal === 'SIGKILL' ? 'killed' : 'exited', stdout });
      });
    });
  }

  it(`keeps every confirmed application exactly once with intact materials over ≥ ${KILLS} kills`, { timeout: 240_000 }, async () => {
    const started = Date.now();
    const credentials = await platform.enrolTerminal('hall-crash');
    const env = {
      CRASH_CHILD: JSON.stringify({ platformUrl: platform.url, terminalId: credentials.terminalId, hallId: credentials.hallId, secret: Buffer.from(credentials.secret).toString('base64') }),
    };
    const confirmed = new Set<string>();
    let kills = 0;
    let round = 0;
    while (kills < KILLS) {
      // Mostly early (start-up, first commits, first pushes), sometimes later in a busy run.
      const killAfter = round % 5 === 4 ? 150 + Math.floor(Math.random() * 500) : 20 + Math.floor(Math.random() * 200);
      round++;
      const run = await runChild(env, 'submit', killAfter);
      for (const id of run.confirmed) confirmed.add(id);
      if (run.exited === 'killed') kills++;
    }
    const killedMs = Date.now() - started;

    const drain = await runChild(env, 'drain', null);
    const line = drain.stdout.split('\n').find((l) => l.startsWith('DRAINED '));
    expect(line, 'the drain run reports').toBeDefined();
    const report = JSON.parse(line?.slice('DRAINED '.length) ?? '{}') as { pending: number; deadLetters: number; dead: string[] };
    expect(report).toMatchObject({ pending: 0, deadLetters: 0, dead: [] });

    // What the terminal committed (a kill between commit and print leaves committed-but-unconfirmed ones).
    const terminal = new Database(join(dir, 'terminal', 'terminal.sqlite'), { readonly: true });
    const committed = terminal.prepare<[], { id: string; synced_at: string | null }>('SELECT id, synced_at FROM applications').all();
    const materials = terminal.prepare<[], { application_id: string; sha256: string; bytes: number }>('SELECT application_id, sha256, bytes FROM application_materials').all();
    terminal.close();

    const db = new Database(join(dir, 'platform.db'), { readonly: true });
    try {
      const onPlatform = db.prepare<[], { id: string }>('SELECT id FROM applications').all().map((r) => r.id);
      const submittedEvents = db.prepare<[], { application_id: string; n: number }>("SELECT application_id, COUNT(*) AS n FROM application_events WHERE status = 'submitted' GROUP BY application_id").all();
      const missing = [...confirmed].filter((id) => !onPlatform.includes(id));
      expect(missing, 'confirmed applications missing on the platform').toEqual([]);
      expect(new Set(onPlatform).size).toBe(onPlatform.length);
      expect(onPlatform.sort()).toEqual(committed.map((c) => c.id).sort());
      expect(submittedEvents.filter((e) => e.n !== 1), 'applications applied more than once').toEqual([]);
      expect(committed.filter((c) => c.synced_at === null), 'local records not marked synced').toEqual([]);

      // Every material: referenced by its application on the platform, complete, and its bytes hash to its name.
      const refs = db.prepare<[], { application_id: string; sha256: string; size: number }>('SELECT application_id, sha256, size FROM application_blobs').all();
      expect(refs.map((r) => `${r.application_id}/${r.sha256}`).sort()).toEqual(materials.map((m) => `${m.application_id}/${m.sha256}`).sort());
      const blob = db.prepare<[string], { size: number; received: number; complete: number }>('SELECT size, received, complete FROM blobs WHERE sha256 = ?');
      const bad: string[] = [];
      for (const ref of refs) {
        const row = blob.get(ref.sha256);
        const bytes = readSealedBlob(db, TEST_DATA_KEY, ref.sha256);
        if (!row || row.complete !== 1 || row.received !== ref.size || bytes.length !== ref.size || createHash('sha256').update(bytes).digest('hex') !== ref.sha256) bad.push(ref.sha256);
      }
      expect(bad, 'materials incomplete or not matching their hash').toEqual([]);
      console.log(
        `crash harness: ${kills} kills in ${round} runs, ${confirmed.size} confirmed / ${committed.length} committed applications, ` +
          `${refs.length} materials, kill phase ${killedMs} ms, total ${Date.now() - started} ms`,
      );
      expect(confirmed.size).toBeGreaterThan(KILLS / 2);
    } finally {
      db.close();
    }
  });
});
