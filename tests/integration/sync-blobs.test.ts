// Blob upload: chunked, resumed where the platform stopped after an interruption, verified by hash.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRepository } from '../../platform/store/open';
import { Pusher } from '../../src/sync/pusher';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { nextDbName, TEST_DATA_KEY } from '../support/sync-fixtures';
import { material, verifyOnPlatform, Workload } from '../support/sync-workload';

let tmp = '';
let platform: RunningPlatform;
let proxy: FaultProxy;

beforeEach(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'hall-blob-'));
  platform = await startPlatform(await openRepository({ engine: 'sqlite', file: join(tmp, `${nextDbName()}.db`) }, TEST_DATA_KEY));
  proxy = await startFaultProxy(platform.url);
});
afterEach(async () => {
  await proxy.close();
  await platform.close();
  await platform.repo.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('blob upload', () => {
  it('resumes an interrupted upload at the offset the platform holds', async () => {
    const workload = new Workload();
    const [queued] = [workload.add('BL-1', 1, 2 * 1024 * 1024, 0)];
    let puts = 0;
    proxy.setPlan((_i, method) => {
      if (method !== 'PUT') return 'pass';
      puts++;
      return puts === 5 ? 'lostResponse' : 'pass';
    });
    const client = platform.client(await platform.enrolTerminal('hall-1'), { baseUrl: proxy.url });
    const pusher = new Pusher(workload.outbox, client, { chunkBytes: 256 * 1024 });
    expect((await pusher.step()).kind).toBe('retry');
    const sha = queued?.blobs[0] ?? '';
    expect(await platform.repo.blobStatus(sha)).toMatchObject({ received: 5 * 256 * 1024, complete: false });
    expect(await platform.repo.getApplication('BL-1')).toBeNull();
    // A fresh pusher (as after a restart) learns the offset from the platform and sends only the rest.
    const after = new Pusher(workload.outbox, client, { chunkBytes: 256 * 1024 });
    expect((await after.step()).kind).toBe('progress');
    expect(puts).toBe(5 + 1 + 3);
    expect(await verifyOnPlatform(platform.repo, workload.queued)).toEqual([]);
  });

  it('sets aside an application whose material does not match its hash, and sends the rest', async () => {
    const workload = new Workload();
    workload.add('BAD-1', 1, 5000, 0);
    const good = workload.add('OK-2', 1, 5000, 0);
    // Corrupt the local copy of the first material: same name, other bytes.
    const blobs = workload.blobs as unknown as { store: Map<string, Uint8Array> };
    const bad = workload.queued[0]?.blobs[0] ?? '';
    blobs.store.set(bad, material('tampered', 5000));
    const client = platform.client(await platform.enrolTerminal('hall-1'));
    const pusher = new Pusher(workload.outbox, client);
    while ((await pusher.step()).kind !== 'idle');
    expect(workload.outbox.deadLetters().map((d) => [d.orderingKey, d.code])).toEqual([['BAD-1', 'HASH_MISMATCH']]);
    expect(await platform.repo.blobStatus(bad)).toMatchObject({ complete: false, received: 0 });
    expect(await verifyOnPlatform(platform.repo, [good])).toEqual([]);
  });

  it('sets aside an application whose material is gone locally', async () => {
    const workload = new Workload();
    workload.add('GONE-1', 1, 100, 0);
    (workload.blobs as unknown as { store: Map<string, Uint8Array> }).store.clear();
    const pusher = new Pusher(workload.outbox, platform.client(await platform.enrolTerminal('hall-1')));
    expect(await pusher.step()).toMatchObject({ kind: 'progress', deadLettered: 1 });
    expect(workload.outbox.deadLetters()[0]?.code).toBe('BLOB_MISSING');
  });
});
