// `npm run docs:sync`: regenerates the JSON Schema section of docs/sync-protocol.md from the zod schemas.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const outfile = join(root, 'node_modules', '.cache', 'hall-docs', 'protocol-doc.mjs');
await build({ entryPoints: ['src/wire/sync-protocol-doc.ts'], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', absWorkingDir: root, logLevel: 'warning' });
const { withSchemas } = await import(pathToFileURL(outfile).href);
const file = join(root, 'docs', 'sync-protocol.md');
writeFileSync(file, withSchemas(readFileSync(file, 'utf8')));
console.log(`updated ${file}`);
