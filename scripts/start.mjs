// `npm start`: runs the terminal with Electron when its runtime is installed and runnable, otherwise the
// web shell in the system Chromium. Builds what is missing or stale first.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildMain } from './build-main.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (!entry.name.includes('.test.')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function rendererStale() {
  const built = join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'src', 'contract')));
  return sources > statSync(built).mtimeMs;
}

/** Electron 45 downloads its binary lazily; it is runnable only when that download happened. */
function electronBinary() {
  if (process.env.HALL_TERMINAL_SHELL === 'web') return null;
  try {
    const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
    const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
    accessSync(binary, constants.X_OK);
    if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return null;
    return binary;
  } catch {
    return null;
  }
}

if (!args.includes('--help') && !args.includes('-h') && rendererStale()) {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await buildMain();

const electron = electronBinary();
const child = electron
  ? spawn(electron, [join(root, 'dist', 'main', 'electron.cjs'), ...args], { cwd: root, stdio: 'inherit' })
  : spawn(process.execPath, [join(root, 'dist', 'main', 'web.mjs'), ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, HALL_TERMINAL_ROOT: root },
    });
if (electron) console.log(`[terminal] starting the Electron shell (${electron})`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
