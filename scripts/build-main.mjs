// Bundles the privileged side with esbuild: the web shell entry (ESM), the Electron main process and the
// preload (CommonJS, as Electron's sandboxed preload requires). npm packages stay external.
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const common = { bundle: true, platform: 'node', target: 'node22', absWorkingDir: root, logLevel: 'warning', sourcemap: 'linked' };

export async function buildMain() {
  await Promise.all([
    build({ ...common, entryPoints: ['main/web/start.ts'], outfile: 'dist/main/web.mjs', format: 'esm', packages: 'external' }),
    build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'dist/main/electron.cjs', format: 'cjs', packages: 'external' }),
    build({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs', external: ['electron'] }),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildMain();
