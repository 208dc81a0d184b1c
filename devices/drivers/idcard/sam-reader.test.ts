import { afterEach, describe, expect, it } from 'vitest';
import type { IdCard } from '../../../src/contract';
import { createMemoryPair } from '../../transports/memory-pair';
import type { MemoryTransport } from '../../transports/memory-pair';
import { SamSimulator } from '../../simulators/idcard/sam-simulator';
import type { SamSimulatorOptions } from '../../simulators/idcard/sam-simulator';
import { sampleCards } from '../../simulators/idcard/sample-cards';
import { READER_OFFLINE, SamIdCardReader } from './sam-reader';
import type { SamReaderOptions } from './sam-reader';

const today = () => new Date('2026-11-23T00:00:00Z');
const sample = (id: string): IdCard => {
  const found = sampleCards.find((s) => s.id === id);
  if (!found) throw new Error(`no sample ${id}`);
  return found.card;
};

interface Rig {
  reader: SamIdCardReader;
  sim: SamSimulator;
  host: MemoryTransport;
  cards: IdCard[];
  removals: number;
  states: string[];
}

const rigs: Rig[] = [];

async function rig(options: Partial<SamReaderOptions> = {}, simOptions: SamSimulatorOptions = {}, enable = true): Promise<Rig> {
  const { host, device } = createMemoryPair('sam');
  const sim = new SamSimulator(device, { chunkSize: 64, ...simOptions });
  await sim.start();
  const reader = new SamIdCardReader({
    kind: 'idcard-sam-test',
    candidates: async () => [host],
    pollIntervalMs: 5,
    probeTimeoutMs: 50,
    timeouts: { 'find-card': 50, 'select-card': 50, 'read-text-photo': 200, 'sam-status': 50 },
    backoff: { initialMs: 10, maxMs: 40 },
    today,
    ...options,
  });
  const r: Rig = { reader, sim, host, cards: [], removals: 0, states: [] };
  reader.events.on('card', (c) => r.cards.push(c));
  reader.events.on('removed', () => (r.removals += 1));
  reader.events.on('status', (s) => r.states.push(`${s.state}:${s.connected}`));
  rigs.push(r);
  if (enable) {
    expect((await reader.open()).code).toBe('ok');
    await reader.claim();
    expect((await reader.enable()).code).toBe('ok');
  }
  return r;
}

/** Waits for a condition that the driver reaches by itself; fails the test if it never does. */
async function until(condition: () => boolean, what: string, limitMs = 3000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > limitMs) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const polls = (r: Rig, n: number) => {
  const target = r.sim.seen.length + n;
  return until(() => r.sim.seen.length >= target, `${n} more requests`);
};

afterEach(async () => {
  for (const r of rigs.splice(0)) {
    await r.reader.close();
    await r.sim.stop();
  }
});

describe('SamIdCardReader over the SAM simulator', () => {
  it('reads a placed card once, keeps it while it stays, and reports its removal once', async () => {
    const r = await rig();
    r.sim.place(sample('resident-zhang'));
    await until(() => r.cards.length === 1, 'card event');
    expect(r.cards[0]).toEqual({ ...sample('resident-zhang'), hasPhoto: true });
    await polls(r, 20);
    expect(r.cards.length).toBe(1);
    expect(r.removals).toBe(0);
    expect(r.reader.currentCard()?.idNumber).toBe(sample('resident-zhang').idNumber);
    expect((await r.reader.readCard()).code).toBe('ok');
    r.sim.remove();
    await until(() => r.removals === 1, 'removed event');
    await polls(r, 10);
    expect(r.removals).toBe(1);
    expect(r.reader.currentCard()).toBeNull();
    expect(r.reader.health()).toMatchObject({ reads: 1 });
  });

  it.each(sampleCards.map((s) => [s.id]))('reads sample %s exactly as encoded', async (id) => {
    const r = await rig();
    r.sim.place(sample(id));
    await until(() => r.cards.length === 1, 'card event');
    expect(r.cards[0]).toEqual({ ...sample(id), hasPhoto: true });
  });

  it('does not re-read a card left on a SAM that keeps answering 9F', async () => {
    const r = await rig({}, { findOnlyNewCards: false });
    r.sim.place(sample('resident-li'));
    await until(() => r.cards.length === 1, 'card event');
    await polls(r, 30);
    expect(r.cards.length).toBe(1);
  });

  it('reads the next card after a swap without waiting for an empty reader', async () => {
    const r = await rig();
    r.sim.place(sample('resident-zhang'));
    await until(() => r.cards.length === 1, 'first card');
    r.sim.place(sample('hmt-chen'));
    await until(() => r.cards.length === 2, 'second card');
    expect(r.cards[1]?.cardType).toBe('hmt-residence');
    expect(r.removals).toBe(1);
  });

  it('reports a card whose number fails, never silently accepting it', async () => {
    const r = await rig();
    r.sim.place({ ...sample('resident-zhang'), idNumber: '430102199003071235' });
    await until(() => r.cards.length === 1, 'card event');
    expect(r.cards[0]?.idNumberValid).toBe(false);
    expect(r.cards[0]?.idNumberProblem).toMatch(/check digit/);
  });

  it('reads through garbage between frames, a bad checksum and a truncated frame', async () => {
    const r = await rig();
    r.sim.faults = { garbageBetweenFrames: 17, badChecksum: 2, truncate: 1 };
    r.sim.place(sample('foreign-garcia'));
    await until(() => r.cards.length === 1, 'card event');
    expect(r.cards[0]?.cardVersion).toBe('2023');
    expect(r.reader.health().failures).toBeGreaterThan(0);
    expect(r.reader.health().decoder?.garbageBytes).toBeGreaterThan(0);
  });

  it('reads through slow answers within the timeouts', async () => {
    const r = await rig();
    r.sim.faults = { slowMs: 20 };
    r.sim.place(sample('foreign-smith-2017'));
    await until(() => r.cards.length === 1, 'card event');
    expect(r.cards[0]?.cardVersion).toBe('2017');
  });

  it('reads fingerprints when asked and the additional address when present', async () => {
    const r = await rig({ readFingerprints: true, readAdditionalAddress: true }, { fingerprints: new Uint8Array(512), additionalAddress: '湖南省长沙市岳麓区新址路8号' });
    r.sim.place(sample('resident-zhang'));
    await until(() => r.cards.length === 1, 'card event');
    expect(r.cards[0]?.additionalAddress).toBe('湖南省长沙市岳麓区新址路8号');
    expect(r.sim.seen).toContain('30:10');
  });

  it('shows 读卡器未连接 when the reader stops answering and recovers by itself', async () => {
    const r = await rig();
    r.sim.faults = { silent: true };
    await until(() => !r.reader.status().connected, 'offline status');
    expect(r.reader.status()).toMatchObject({ state: 'error', detail: READER_OFFLINE });
    expect((await r.reader.readCard()).code).toBe('offline');
    r.sim.faults = {};
    await until(() => r.reader.status().connected, 'back online');
    r.sim.place(sample('resident-zhang'));
    await until(() => r.cards.length === 1, 'card after recovery');
    expect(r.reader.health().reconnects).toBeGreaterThan(0);
  });

  it('survives unplug and replug with a card on the reader, without leaking listeners', async () => {
    const r = await rig();
    r.sim.place(sample('resident-zhang'));
    await until(() => r.cards.length === 1, 'card event');
    const listeners = r.host.events.listenerCount();
    for (let i = 0; i < 5; i += 1) {
      r.host.unplug();
      await until(() => !r.reader.status().connected, 'offline');
      expect(r.removals).toBe(i + 1);
      r.host.replug();
      await until(() => r.reader.status().connected, 'online');
      r.sim.place(sample('resident-zhang'));
      await until(() => r.cards.length === i + 2, 'read after replug');
    }
    expect(r.host.events.listenerCount()).toBe(listeners);
  });

  it('detects a reader that speaks a vendor protocol and reports it unsupported', async () => {
    const r = await rig({}, {}, false);
    r.sim.faults = { vendorProtocol: true };
    const opened = await r.reader.open();
    expect(opened.code).toBe('unsupported');
    expect(r.reader.status().state).toBe('error');
  });

  it('answers open with no-hardware when nothing answers', async () => {
    const r = await rig({}, {}, false);
    r.sim.faults = { silent: true };
    const opened = await r.reader.open();
    expect(opened).toMatchObject({ code: 'no-hardware' });
    expect(opened.code !== 'ok' && opened.detail).toContain('读卡器未连接');
  });

  it('with openWhileAbsent, opens without a reader and connects when one appears', async () => {
    const r = await rig({ openWhileAbsent: true }, {}, false);
    r.sim.faults = { silent: true };
    expect((await r.reader.open()).code).toBe('ok');
    expect(r.reader.status()).toMatchObject({ state: 'error', connected: false, detail: READER_OFFLINE });
    await r.reader.claim();
    await r.reader.enable();
    r.sim.faults = {};
    await until(() => r.reader.status().connected, 'connected once the reader answers');
    r.sim.place(sample('resident-zhang'));
    await until(() => r.cards.length === 1, 'card event');
  });

  it('reports health with the SAM ID and never card content', async () => {
    const r = await rig();
    r.sim.place(sample('resident-li'));
    await until(() => r.cards.length === 1, 'card event');
    const report = await r.reader.checkHealth('external');
    expect(report.ok).toBe(true);
    expect(report.detail).toContain('reads 1');
    expect(r.reader.health().samId).toBe('05.01-20240101-0001234567-0007654321');
    const text = JSON.stringify([report, r.reader.health(), r.reader.status()]);
    expect(text).not.toContain(sample('resident-li').idNumber);
    expect(text).not.toContain(sample('resident-li').name);
  });

  it('runs single read cycles on demand only while not polling', async () => {
    const r = await rig({}, {}, false);
    expect((await r.reader.pollOnce()).code).toBe('offline');
    await r.reader.open();
    expect(await r.reader.pollOnce()).toEqual({ code: 'ok', value: 'absent' });
    r.sim.place(sample('resident-zhang'));
    expect(await r.reader.pollOnce()).toEqual({ code: 'ok', value: 'read' });
    expect(await r.reader.pollOnce()).toEqual({ code: 'ok', value: 'still-present' });
    await r.reader.claim();
    await r.reader.enable();
    expect((await r.reader.pollOnce()).code).toBe('busy');
  });

  it('stops polling on disable and close', async () => {
    const r = await rig();
    await r.reader.disable();
    const seen = r.sim.seen.length;
    await new Promise((res) => setTimeout(res, 50));
    expect(r.sim.seen.length).toBe(seen);
    expect((await r.reader.readCard()).code).toBe('disabled');
  });
});
