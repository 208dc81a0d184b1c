// The terminal's core in a process of its own, to be killed with SIGKILL at any moment by
// tests/integration/sync-crash.test.ts: the SQLite store (outbox, blobs), the real sync engine and client.
//
//   node crash-child.mjs <dataDir> submit|drain      (credentials in the CRASH_CHILD environment variable)
//
// submit: records applications with 1–3 small materials each, forever, printing `CONFIRMED <id>` on
// stdout only after the transaction committed (pipes are synchronous on Linux, so a printed line was
// committed first). drain: submits nothing, waits for an empty outbox and prints `DRAINED <json>`.
import { randomBytes, randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadOrCreateKeyFile, openStore, recordSubmission } from '../../src/store';
import { SyncClient } from '../../src/sync/client';
import { SyncEngine } from '../../src/sync/engine';

interface ChildConfig {
  platformUrl: string;
  terminalId: string;
  hallId: string;
  secret: string;
}

const [dataDir, mode] = process.argv.slice(2);
if (!dataDir || (mode !== 'submit' && mode !== 'drain')) throw new Error('usage: crash-child <dataDir> submit|drain');
const config = JSON.parse(process.env.CRASH_CHILD ?? '{}') as ChildConfig;

mkdirSync(dataDir, { recursive: true });
const store = openStore({ path: join(dataDir, 'terminal.sqlite'), key: loadOrCreateKeyFile(join(dataDir, 'terminal.key')) });
const client = new SyncClient({
  baseUrl: config.platformUrl,
  credentials: { terminalId: config.terminalId, hallId: config.hallId, secret: Buffer.from(config.secret, 'base64') },
  timeoutMs: 5_000,
});
const engine = new SyncEngine({
  outbox: store.outbox,
  client,
  version: 'crash-harness',
  idlePollMs: 50,
  heartbeatMs: 3_600_000,
  backoff: { baseMs: 10, capMs: 100 },
  batchSize: 20,
  chunkBytes: 4096,
});
store.outbox.onAppended(() => setImmediate(() => engine.kick()));
engine.start();

if (mode === 'drain') {
  await engine.drained(10);
  const state = engine.state();
  process.stdout.write(`DRAINED ${JSON.stringify({ phase: state.phase, pending: state.pending, deadLetters: state.deadLetters, dead: store.outbox.deadLetters().map((d) => `${d.code}: ${d.message}`) })}\n`);
  await engine.stop();
  store.close();
  process.exit(0);
}

for (let n = 0; ; n++) {
  const materials = Array.from({ length: 1 + randomInt(3) }, (_, i) => {
    const stored = store.blobs.put(randomBytes(512 + randomInt(12_000)), 'image/jpeg');
    return { key: `SM-${i}`, pages: 1, trust: 'C' as const, sha256: stored.sha256, bytes: stored.bytes };
  });
  const record = recordSubmission(
    store,
    {
      kind: 'item',
      subjectId: 'ITEM-CRASH',
      catalogVersion: 'crash',
      hallCode: 'CR01',
      terminal: 'CR01-K01',
      at: new Date().toISOString(),
      actor: { kind: 'citizen', id: 'kiosk' },
      personal: { applicant: { name: '测试', idNumber: '430102199003071241' }, values: { n } },
      materials,
    },
    Date.now(),
  );
  process.stdout.write(`CONFIRMED ${record.id}\n`);
  // Give the engine turns to push while records keep coming, as citizens would.
  await new Promise((resolve) => setTimeout(resolve, randomInt(4)));
}
