// Layer rules of the code base, checked by dependency-cruiser on RESOLVED module paths: `../src/contract/../store`,
// a dynamic `import()`, a type-only import and an `export … from` all count as what they resolve to.
// `npm run lint` runs it on the production roots; tests/lint/layers.test.ts proves that every rule fires on the
// fixtures in tests/lint/fixtures/layers.
//
// The layer map (who may import whom, inside this repository; npm packages are restricted separately):
//   src/kernel     pure shared kernel (ID numbers, masks, the receipt document model): nothing of ours
//   src/contract   renderer<->privileged API (zod): kernel
//   src/domain     pure domain rules: kernel, the error-reason registry (src/contract/error-reasons.ts)
//   src/wire       wire protocols terminal and platform share (sync, staff, request signing): kernel, domain
//   src/crypto     node:crypto helpers: kernel
//   src/documents  pure document templates: kernel, domain, contract
//   src/sync       sync engine; owns the outbox/inbox ports and the op builders: wire, kernel, crypto, domain, contract
//   src/store      SQLite store; implements the sync ports: sync, wire, kernel, crypto, domain, contract
//   devices/model, /protocols (pure), /transports, /preview, /drivers, /simulators, /manager: see the rules below
//   platform/      the reference central platform: src/{wire,kernel,crypto,domain,documents,contract}
//   main/          privileged side: anything but renderer; platform only through platform/embedded.ts
//   renderer/      the sandboxed UI: contract and kernel
// Test code (`*.test.ts(x)`, tests/, bench/) is exempt from the layer rules; production code never imports it.
// Only main/electron imports electron. No cycles in production code.

/** Test code: exempt as an importer, forbidden as an import of production code. */
const TEST = String.raw`(\.test\.tsx?$)|(^(tests|bench|scripts)/)`;
/** Everything of ours a production module could resolve to. */
const OURS = String.raw`^(src|devices|main|renderer|platform|tests|bench|scripts)/`;

/** Resolved path of an npm package (node_modules/<name>/…), or the bare name when it is not installed. */
const npm = (...names) => String.raw`(^|/)node_modules/(${names.join('|')})/|^(${names.join('|')})$`;
/** Native modules, servers, databases and the Electron API: never in a pure layer or the renderer. */
const NATIVE_AND_SERVERS = npm(
  'better-sqlite3',
  'serialport',
  '@serialport/[^/]+',
  'node-hid',
  'usb',
  'fastify',
  '@fastify/[^/]+',
  'ws',
  'pg',
  'electron',
);
/** Font files and rasterisers: layout code stays pure and gets glyphs from devices/preview through an injected painter. */
const FONTS = npm('fontkit', 'opentype\\.js', 'canvas', '@napi-rs/canvas');

/**
 * `from` may import, of ours, only modules under `allowed` (its own folder is always allowed). Named `<layer>-layer`.
 */
function layer(name, from, allowed, comment) {
  return {
    name: `${name}-layer`,
    comment,
    severity: 'error',
    from: { path: from, pathNot: TEST },
    to: { path: OURS, pathNot: [from, ...allowed] },
  };
}

/** `from` may import no Node built-in at all (node:fs, path, …). Named `<layer>-no-node`. */
function noNode(name, from, comment) {
  return {
    name: `${name}-no-node`,
    comment,
    severity: 'error',
    from: { path: from, pathNot: TEST },
    to: { dependencyTypes: ['core'] },
  };
}

/** `from` imports no native module, server, database or electron, and no font library. Named `<layer>-no-io-packages`. */
function noIoPackages(name, from, comment) {
  return {
    name: `${name}-no-io-packages`,
    comment,
    severity: 'error',
    from: { path: from, pathNot: TEST },
    to: { path: [NATIVE_AND_SERVERS, FONTS] },
  };
}

const KERNEL = '^src/kernel/';
const CONTRACT = '^src/contract/';
const DOMAIN = '^src/domain/';
const WIRE = '^src/wire/';
const CRYPTO = '^src/crypto/';
const DOCUMENTS = '^src/documents/';
const SYNC = '^src/sync/';
const STORE = '^src/store/';
const DEV = (sub) => `^devices/${sub}/`;
const RENDERER = '^renderer/';
// The renderer's Vite build config runs in Node at build time; it is not renderer code.
const RENDERER_CODE = String.raw`^renderer/(?!vite\.config\.ts$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // ------------------------------------------------------------------ whole-repository rules
    {
      name: 'no-circular',
      comment:
        'A cycle makes two modules one: neither can be understood, tested or moved alone. Break it with a port the lower side owns.',
      severity: 'error',
      from: { pathNot: TEST },
      to: { circular: true },
    },
    {
      name: 'not-to-test-code',
      comment: 'Production code never imports tests, benchmarks, scripts or a *.test file.',
      severity: 'error',
      from: { path: OURS, pathNot: TEST },
      to: { path: TEST },
    },
    {
      name: 'electron-only-in-main-electron',
      comment:
        'Only main/electron touches the Electron API; everything else runs under plain Node or in the browser.',
      severity: 'error',
      from: { path: OURS, pathNot: [TEST, '^main/electron/'] },
      to: { path: npm('electron') },
    },
    {
      name: 'not-unresolvable',
      comment:
        'An import that does not resolve cannot be checked against the layers (and would fail at run time).',
      severity: 'error',
      from: { path: OURS, pathNot: TEST },
      to: { couldNotResolve: true },
    },

    // ------------------------------------------------------------------ src/
    layer('kernel', KERNEL, [], 'src/kernel is the pure shared kernel: it imports nothing of ours.'),
    noNode('kernel', KERNEL, 'src/kernel is pure and shared with the renderer: no Node built-ins.'),
    noIoPackages('kernel', KERNEL, 'src/kernel is pure: no native modules, servers or fonts.'),

    layer(
      'contract',
      CONTRACT,
      [KERNEL],
      'src/contract (the renderer<->privileged API) imports only src/kernel.',
    ),
    noNode('contract', CONTRACT, 'src/contract is shared with the renderer: no Node built-ins.'),
    noIoPackages(
      'contract',
      CONTRACT,
      'src/contract is shared with the renderer: no native modules, servers or fonts.',
    ),

    // The error-reason registry is a list of codes and their parameter types (no zod, no imports): domain rules
    // name the reason a check failed with, so screens and printed notices word it the same way.
    layer(
      'domain',
      DOMAIN,
      [KERNEL, String.raw`^src/contract/error-reasons\.ts$`],
      'src/domain is pure domain logic: it imports only src/kernel and the error-reason registry.',
    ),
    noNode('domain', DOMAIN, 'src/domain is pure: no Node built-ins.'),
    noIoPackages('domain', DOMAIN, 'src/domain is pure: no native modules, servers or fonts.'),

    layer(
      'wire',
      WIRE,
      [KERNEL, DOMAIN],
      'src/wire (protocols terminal and platform share) imports only src/kernel and the pure src/domain.',
    ),
    {
      name: 'wire-no-node',
      comment: 'src/wire is schemas plus the request-signature scheme: node:crypto and nothing else of Node.',
      severity: 'error',
      from: { path: WIRE, pathNot: TEST },
      to: { dependencyTypes: ['core'], pathNot: '^(node:)?crypto$' },
    },
    noIoPackages('wire', WIRE, 'src/wire is data on the wire: no native modules, servers or fonts.'),

    layer('crypto', CRYPTO, [KERNEL], 'src/crypto imports nothing of ours but src/kernel.'),
    {
      name: 'crypto-no-node',
      comment: 'src/crypto uses node:crypto and node:fs (key files); no other Node built-in.',
      severity: 'error',
      from: { path: CRYPTO, pathNot: TEST },
      to: { dependencyTypes: ['core'], pathNot: '^(node:)?(crypto|fs)$' },
    },
    noIoPackages('crypto', CRYPTO, 'src/crypto: no native modules, servers or fonts.'),

    layer(
      'documents',
      DOCUMENTS,
      [KERNEL, DOMAIN, CONTRACT],
      'src/documents (pure templates) imports src/kernel, src/domain and src/contract.',
    ),
    noNode('documents', DOCUMENTS, 'src/documents is pure: no node:fs, no Node built-ins.'),
    noIoPackages('documents', DOCUMENTS, 'src/documents is pure: no native modules, servers or fonts.'),

    layer(
      'sync',
      SYNC,
      [WIRE, KERNEL, CRYPTO, DOMAIN, CONTRACT],
      'src/sync owns the outbox/inbox ports and the op builders; it never imports src/store (the store implements the ports).',
    ),
    layer(
      'store',
      STORE,
      [SYNC, WIRE, KERNEL, CRYPTO, DOMAIN, CONTRACT],
      'src/store implements the sync ports; it never imports devices, main, platform or the renderer.',
    ),

    // ------------------------------------------------------------------ devices/
    {
      name: 'devices-not-to-shells',
      comment: 'devices/ never imports the shells, the UI, the platform, the store or the sync engine.',
      severity: 'error',
      from: { path: '^devices/', pathNot: TEST },
      to: { path: ['^(main|renderer|platform)/', STORE, SYNC] },
    },
    layer(
      'devices-model',
      DEV('model'),
      [KERNEL, CONTRACT],
      'devices/model (the device lifecycle) imports only src/kernel and src/contract types.',
    ),
    layer(
      'devices-protocols',
      DEV('protocols'),
      [KERNEL, CONTRACT],
      'devices/protocols are pure codecs: src/kernel and src/contract types only; glyphs come in through an injected painter.',
    ),
    noNode(
      'devices-protocols',
      DEV('protocols'),
      'devices/protocols are pure: no node:fs, no Node built-ins at all.',
    ),
    noIoPackages(
      'devices-protocols',
      DEV('protocols'),
      'devices/protocols are pure: no transports, native modules or fonts.',
    ),
    layer(
      'devices-transports',
      DEV('transports'),
      [DEV('model'), KERNEL, CONTRACT],
      'devices/transports (byte I/O) import only devices/model.',
    ),
    layer(
      'devices-preview',
      DEV('preview'),
      [DEV('protocols'), KERNEL, CONTRACT],
      'devices/preview (bitmaps, glyphs from font files) draws the pages devices/protocols lay out, through their painter interface.',
    ),
    layer(
      'devices-drivers',
      DEV('drivers'),
      [DEV('model'), DEV('protocols'), DEV('transports'), DEV('preview'), KERNEL, CONTRACT],
      'devices/drivers build on model, protocols, transports and preview.',
    ),
    layer(
      'devices-simulators',
      DEV('simulators'),
      [DEV('model'), DEV('protocols'), DEV('transports'), DEV('preview'), DEV('drivers'), KERNEL, CONTRACT],
      'devices/simulators build on everything in devices/ but the manager.',
    ),
    layer(
      'devices-manager',
      DEV('manager'),
      ['^devices/', KERNEL, CONTRACT],
      'devices/manager composes devices/ and nothing above it.',
    ),
    layer(
      'devices',
      String.raw`^devices/(?!(model|protocols|transports|preview|drivers|simulators|manager)/)`,
      [KERNEL, CONTRACT],
      'A new devices/ folder gets its own rule; until then it imports only src/kernel and src/contract.',
    ),

    // ------------------------------------------------------------------ platform/
    layer(
      'platform',
      '^platform/',
      [WIRE, KERNEL, CRYPTO, DOMAIN, DOCUMENTS, CONTRACT],
      'platform/ imports src/{wire,kernel,crypto,domain,documents,contract}; never main, the renderer, devices, src/store or src/sync.',
    ),

    // ------------------------------------------------------------------ main/
    {
      name: 'main-not-to-renderer',
      comment: 'main/ never imports the renderer; they meet only at src/contract.',
      severity: 'error',
      from: { path: '^main/', pathNot: TEST },
      to: { path: RENDERER },
    },
    {
      name: 'main-to-platform-entry-only',
      comment:
        'main/ uses the platform only through its public entry point platform/embedded.ts (shared protocols live in src/wire).',
      severity: 'error',
      from: { path: '^main/', pathNot: TEST },
      to: { path: '^platform/', pathNot: '^platform/embedded\\.ts$' },
    },

    // ------------------------------------------------------------------ renderer/
    layer(
      'renderer',
      RENDERER_CODE,
      [KERNEL, CONTRACT],
      'The renderer talks to the privileged side only through src/contract (and the pure src/kernel).',
    ),
    noNode('renderer', RENDERER_CODE, 'The renderer runs sandboxed: no Node built-ins.'),
    noIoPackages(
      'renderer',
      RENDERER_CODE,
      'The renderer never touches native modules, the database, servers or fonts.',
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too: a type import from the store is a cycle in the design.
    tsPreCompilationDeps: true,
    // Absolute, so the fixtures of tests/lint resolve with the same compiler options.
    tsConfig: { fileName: `${__dirname}/tsconfig.json` },
    // node_modules may be a symlink (a shared install); keep resolved paths under node_modules/.
    preserveSymlinks: true,
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    cache: false,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
