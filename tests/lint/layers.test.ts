// Proves that every layer rule of .dependency-cruiser.cjs fires, by running the same dependency-cruiser CLI
// `npm run lint` runs on a miniature of the repository (tests/lint/fixtures/layers). Every file named `bad-*`
// breaks a rule; every other file there is an allowed import that must pass.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(import.meta.dirname, 'fixtures', 'layers');
const configFile = join(root, '.dependency-cruiser.cjs');
const cli = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  readonly from: string;
  readonly to: string;
  /** For no-circular: the modules of the cycle after `from`. */
  readonly cycle?: readonly { readonly name: string }[];
  readonly rule: { readonly name: string; readonly severity: string };
}
interface CruiseResult {
  readonly summary: { readonly violations: readonly Violation[]; readonly error: number };
}

const ruleNames = (
  createRequire(import.meta.url)(configFile) as { forbidden: { name: string }[] }
).forbidden.map((r) => r.name);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [relative(fixtures, join(dir, entry.name))],
  );
}

/** Runs the CLI on the fixture tree; it exits non-zero when it finds errors, which is the point here. */
async function cruiseFixtures(): Promise<CruiseResult> {
  const run = promisify(execFile);
  const args = [cli, '--config', configFile, '--output-type', 'json', '.'];
  const output = await run(process.execPath, args, { cwd: fixtures, maxBuffer: 32 * 1024 * 1024 }).then(
    (done) => done.stdout,
    (failed: { stdout?: string }) => failed.stdout ?? '',
  );
  return JSON.parse(output) as CruiseResult;
}

let violations: readonly Violation[] = [];
beforeAll(async () => {
  violations = (await cruiseFixtures()).summary.violations;
}, 60_000);

const fired = (from: string, rule: string) =>
  violations.filter((v) => v.from === from && v.rule.name === rule);

describe('layer rules (dependency-cruiser on resolved paths)', () => {
  it.each([
    // The five the architecture issue names.
    [
      'renderer/bad-dynamic-import-main.ts',
      'renderer-layer',
      /^main\/app\.ts$/,
      'a dynamic import() across a layer',
    ],
    [
      'devices/protocols/bad-node-fs.ts',
      'devices-protocols-no-node',
      /^(node:)?fs$/,
      'node:fs in a protocol codec',
    ],
    [
      'src/sync/bad-imports-store.ts',
      'sync-layer',
      /^src\/store\/repo\.ts$/,
      'sync -> store (a type-only import)',
    ],
    [
      'main/bad-platform-internals.ts',
      'main-to-platform-entry-only',
      /^platform\/store\/db\.ts$/,
      'main -> platform internals',
    ],
    ['renderer/bad-imports-main.tsx', 'renderer-layer', /^main\/app\.ts$/, 'renderer -> main'],
    // The store <-> sync cycle and cycles in general.
    [
      'src/store/bad-cycle-store.ts',
      'no-circular',
      /^src\/sync\/bad-cycle-sync\.ts$/,
      'a store <-> sync cycle',
    ],
    [
      'src/sync/bad-cycle-sync.ts',
      'sync-layer',
      /^src\/store\/bad-cycle-store\.ts$/,
      'the sync half of that cycle',
    ],
    ['main/bad-cycle-a.ts', 'no-circular', /^main\/bad-cycle-b\.ts$/, 'a cycle inside one folder'],
    // Paths are resolved before they are judged.
    [
      'renderer/bad-relative-detour.ts',
      'renderer-layer',
      /^src\/store\/repo\.ts$/,
      "'../src/contract/../store' is the store",
    ],
    [
      'src/domain/bad-dynamic-import-store.ts',
      'domain-layer',
      /^src\/store\/repo\.ts$/,
      'a dynamic import from the domain',
    ],
    [
      'src/kernel/bad-imports-contract.ts',
      'kernel-layer',
      /^src\/contract\/api\.ts$/,
      'kernel -> contract, by re-export',
    ],
    // Node built-ins, native modules, servers, fonts.
    ['renderer/bad-node-fs.ts', 'renderer-no-node', /^(node:)?fs$/, 'renderer -> node:fs'],
    [
      'renderer/bad-native.ts',
      'renderer-no-io-packages',
      /node_modules\/better-sqlite3\//,
      'renderer -> better-sqlite3',
    ],
    ['src/domain/bad-node-fs.ts', 'domain-no-node', /^(node:)?fs$/, 'domain -> node:fs'],
    [
      'src/domain/bad-fastify.ts',
      'domain-no-io-packages',
      /node_modules\/fastify\//,
      'domain -> fastify (type-only)',
    ],
    [
      'src/documents/bad-node-fs.ts',
      'documents-no-node',
      /^(node:)?fs$/,
      "documents -> 'fs' without the node: prefix",
    ],
    [
      'src/documents/bad-fonts.ts',
      'documents-no-io-packages',
      /node_modules\/fontkit\//,
      'documents -> fontkit',
    ],
    [
      'devices/protocols/bad-fonts.ts',
      'devices-protocols-no-io-packages',
      /node_modules\/fontkit\//,
      'protocols -> fontkit',
    ],
    ['src/kernel/bad-node-path.ts', 'kernel-no-node', /^(node:)?path$/, 'kernel -> node:path'],
    ['src/kernel/bad-ws.ts', 'kernel-no-io-packages', /node_modules\/ws\//, 'kernel -> ws'],
    ['src/contract/bad-node-os.ts', 'contract-no-node', /^(node:)?os$/, 'contract -> node:os'],
    ['src/contract/bad-pg.ts', 'contract-no-io-packages', /node_modules\/pg\//, 'contract -> pg'],
    [
      'src/wire/bad-node-fs.ts',
      'wire-no-node',
      /^(node:)?fs$/,
      'wire -> node:fs (only node:crypto is allowed)',
    ],
    ['src/wire/bad-serialport.ts', 'wire-no-io-packages', /node_modules\/serialport\//, 'wire -> serialport'],
    ['src/crypto/bad-node-net.ts', 'crypto-no-node', /^(node:)?net$/, 'crypto -> node:net'],
    ['src/crypto/bad-usb.ts', 'crypto-no-io-packages', /node_modules\/usb\//, 'crypto -> usb'],
    [
      'main/web/bad-electron.ts',
      'electron-only-in-main-electron',
      /node_modules\/electron\//,
      'electron outside main/electron',
    ],
    // Layer directions.
    ['src/contract/bad-imports-domain.ts', 'contract-layer', /^src\/domain\/rule\.ts$/, 'contract -> domain'],
    ['src/wire/bad-imports-sync.ts', 'wire-layer', /^src\/sync\/outbox\.ts$/, 'wire -> sync'],
    ['src/crypto/bad-imports-domain.ts', 'crypto-layer', /^src\/domain\/rule\.ts$/, 'crypto -> domain'],
    ['src/documents/bad-imports-store.ts', 'documents-layer', /^src\/store\/repo\.ts$/, 'documents -> store'],
    ['src/store/bad-imports-main.ts', 'store-layer', /^main\/app\.ts$/, 'store -> main'],
    ['devices/drivers/bad-imports-main.ts', 'devices-not-to-shells', /^main\/app\.ts$/, 'devices -> main'],
    ['devices/drivers/bad-imports-main.ts', 'devices-drivers-layer', /^main\/app\.ts$/, 'drivers -> main'],
    [
      'devices/manager/bad-imports-sync.ts',
      'devices-not-to-shells',
      /^src\/sync\/outbox\.ts$/,
      'devices -> sync',
    ],
    [
      'devices/manager/bad-imports-wire.ts',
      'devices-manager-layer',
      /^src\/wire\/sync-protocol\.ts$/,
      'manager -> wire',
    ],
    [
      'devices/model/bad-imports-transports.ts',
      'devices-model-layer',
      /^devices\/transports\/serial\.ts$/,
      'model -> transports',
    ],
    [
      'devices/protocols/bad-preview.ts',
      'devices-protocols-layer',
      /^devices\/preview\/bitmap\.ts$/,
      'protocols -> preview',
    ],
    [
      'devices/transports/bad-imports-drivers.ts',
      'devices-transports-layer',
      /^devices\/drivers\/printer\.ts$/,
      'transports -> drivers',
    ],
    [
      'devices/preview/bad-imports-drivers.ts',
      'devices-preview-layer',
      /^devices\/drivers\/printer\.ts$/,
      'preview -> drivers',
    ],
    [
      'devices/simulators/bad-imports-manager.ts',
      'devices-simulators-layer',
      /^devices\/manager\/factory\.ts$/,
      'simulators -> manager',
    ],
    [
      'devices/cameras/bad-imports-drivers.ts',
      'devices-layer',
      /^devices\/drivers\/printer\.ts$/,
      'a devices/ folder with no rule of its own',
    ],
    ['platform/bad-imports-store.ts', 'platform-layer', /^src\/store\/repo\.ts$/, 'platform -> src/store'],
    ['platform/bad-imports-main.ts', 'platform-layer', /^main\/app\.ts$/, 'platform -> main'],
    ['main/bad-imports-renderer.ts', 'main-not-to-renderer', /^renderer\/App\.tsx$/, 'main -> renderer'],
    ['main/bad-test-helper.ts', 'not-to-test-code', /^tests\/support\/helper\.ts$/, 'production -> tests/'],
    ['main/bad-unresolvable.ts', 'not-unresolvable', /kernel\/gone$/, 'an import that resolves to nothing'],
  ])('%s breaks %s (%s, %s)', (from, rule, to) => {
    expect(fired(from, rule).map((v) => v.to)).toEqual(expect.arrayContaining([expect.stringMatching(to)]));
  });

  it('every rule of the configuration is proven by at least one fixture', () => {
    const proven = new Set(violations.map((v) => v.rule.name));
    expect(ruleNames.filter((name) => !proven.has(name))).toEqual([]);
  });

  it('every bad-* fixture breaks a rule, and nothing else does (allowed imports pass)', () => {
    const bad = filesUnder(fixtures)
      .filter((f) => /(^|\/)bad-[^/]+$/.test(f))
      .sort();
    const breaking = [
      ...new Set(violations.flatMap((v) => [v.from, ...(v.cycle ?? []).map((m) => m.name)])),
    ].sort();
    expect(breaking).toEqual(bad);
  });

  it('only errors: no rule is a warning that lint would let through', () => {
    expect(violations.filter((v) => v.rule.severity !== 'error')).toEqual([]);
  });

  it('npm run lint runs the cruiser with this configuration on every production root', () => {
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.lint).toContain('npm run lint:layers');
    expect(scripts['lint:layers']).toMatch(
      /^depcruise src devices main renderer platform --config \.dependency-cruiser\.cjs$/,
    );
  });
});
