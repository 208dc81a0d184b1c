// Runs every bench/*.bench.ts (or those named on the command line) and prints one JSON document.
// Each benchmark is bundled with esbuild and run in its own Node process; it prints exactly one JSON
// object on stdout. Results are also written to bench/results/<name>.json (ignored by git).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const wanted = process.argv.slice(2);
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

// Inside the repository so the bundles resolve npm packages from node_modules (ESM ignores NODE_PATH).
const outDir = join(root, 'node_modules', '.cache', 'hall-bench');
const resultsDir = join(root, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const results = {};
let failed = false;

for (const file of files) {
  const name = basename(file, '.bench.ts');
  const outfile = join(outDir, `${name}.mjs`);
  await build({
    entryPoints: [join(root, 'bench', file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    absWorkingDir: root,
    logLevel: 'error',
  });
  const run = spawnSync(process.execPath, ['--expose-gc', outfile], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) {
    failed = true;
    results[name] = { error: `exit ${run.status}` };
    continue;
  }
  try {
    results[name] = JSON.parse(run.stdout.trim().split('\n').pop() ?? '');
    writeFileSync(join(resultsDir, `${name}.json`), JSON.stringify(results[name], null, 2));
  } catch {
    failed = true;
    results[name] = { error: 'benchmark printed no JSON' };
  }
}

console.log(JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2));
process.exit(failed ? 1 : 0);
