// `npm run sim:printer -- --tcp 9100`: bundles the virtual printer (devices/simulators/printer/main.ts) and runs it.
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
// Inside node_modules so the bundle resolves npm packages (ESM ignores NODE_PATH).
const outfile = join(root, 'node_modules', '.cache', 'hall-printer-sim', 'printer-sim.mjs');
await build({ entryPoints: ['devices/simulators/printer/main.ts'], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', absWorkingDir: root, logLevel: 'warning' });
await import(pathToFileURL(outfile).href);
