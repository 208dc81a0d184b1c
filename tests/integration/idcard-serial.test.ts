import { afterEach, describe, expect, it } from 'vitest';
import type { IdCard } from '../../src/contract';
import { SamIdCardReader } from '../../devices/drivers/idcard/sam-reader';
import { serialCandidates } from '../../devices/drivers/idcard/serial-candidates';
import { SamSimulator } from '../../devices/simulators/idcard/sam-simulator';
import { sampleCards } from '../../devices/simulators/idcard/sample-cards';
import { SerialTransport } from '../../devices/transports/serial';
import { PtyPair } from './support/pty-pair';
import { until } from './support/until';

const today = () => new Date('2026-11-23T00:00:00Z');

interface Rig {
  pty: PtyPair;
  sim: SamSimulator;
  reader: SamIdCardReader;
  cards: IdCard[];
  removals: number;
}

const rigs: Rig[] = [];

async function rig(): Promise<Rig> {
  const pty = new PtyPair();
  await pty.start();
  const sim = new SamSimulator(new SerialTransport({ path: pty.device, baudRate: 115200 }));
  await sim.start();
  const reader = new SamIdCardReader({
    kind: 'idcard-sam-serial',
    candidates: serialCandidates({ path: pty.host, baudRate: 115200, autoBaud: false }),
    pollIntervalMs: 20,
    backoff: { initialMs: 50, maxMs: 500 },
    today,
  });
  const r: Rig = { pty, sim, reader, cards: [], removals: 0 };
  reader.events.on('card', (c) => r.cards.push(c));
  reader.events.on('removed', () => (r.removals += 1));
  rigs.push(r);
  expect((await reader.open()).code).toBe('ok');
  await reader.claim();
  await reader.enable();
  return r;
}

afterEach(async () => {
  for (const r of rigs.splice(0)) {
    await r.reader.close();
    await r.sim.stop();
    await r.pty.dispose();
  }
});

describe('SAM reader over real serialport and socat PTYs', () => {
  it('reads every sample card type', async () => {
    const r = await rig();
    for (const [i, sample] of sampleCards.entries()) {
      r.sim.place(sample.card);
      await until(() => r.cards.length === i + 1, `read ${sample.id}`);
      expect(r.cards[i]).toEqual({ ...sample.card, hasPhoto: true });
      r.sim.remove();
      await until(() => r.removals === i + 1, `removal of ${sample.id}`);
    }
    const types = new Set(r.cards.map((c) => `${c.cardType}${c.cardVersion ?? ''}`));
    expect(types).toEqual(new Set(['resident', 'hmt-residence', 'foreign-permanent2017', 'foreign-permanent2023']));
  });

  it('reads through garbage between frames, bad checksums, a truncated frame and slow answers', async () => {
    const r = await rig();
    r.sim.faults = { garbageBetweenFrames: 40, badChecksum: 2, truncate: 1, slowMs: 30 };
    const sample = sampleCards.find((s) => s.id === 'foreign-smith-2017');
    if (!sample) throw new Error('sample');
    r.sim.place(sample.card);
    await until(() => r.cards.length === 1, 'read despite faults');
    expect(r.cards[0]).toEqual({ ...sample.card, hasPhoto: true });
    const health = r.reader.health();
    expect(health.failures).toBeGreaterThan(0);
    expect(health.decoder?.badChecksums).toBeGreaterThan(0);
    expect(r.reader.status().connected).toBe(true);
  });

  it('reports no answer as 读卡器未连接 and recovers when the reader answers again', async () => {
    const r = await rig();
    r.sim.faults = { silent: true };
    await until(() => !r.reader.status().connected, 'offline while silent');
    expect(r.reader.status().detail).toContain('读卡器未连接');
    r.sim.faults = {};
    await until(() => r.reader.status().connected, 'online again');
  });

  it('recovers by itself within 2 s of replug after socat is killed', async () => {
    const r = await rig();
    r.sim.place(sampleCards[0]?.card ?? ({} as IdCard));
    await until(() => r.cards.length === 1, 'first read');
    await r.pty.unplug();
    await until(() => !r.reader.status().connected, 'offline after unplug');
    expect(r.reader.status().detail).toContain('读卡器未连接');
    expect(r.removals).toBe(1);
    await new Promise((res) => setTimeout(res, 1500)); // unplugged long enough for the backoff to grow
    await r.pty.replug();
    const recoveredIn = await until(() => r.reader.status().connected, 'online after replug', 5000);
    expect(recoveredIn).toBeLessThan(2000);
    r.sim.place(sampleCards[1]?.card ?? ({} as IdCard));
    await until(() => r.cards.length === 2, 'read after replug');
  });

  it('does 100 consecutive reads without leaking handles or listeners', async () => {
    const r = await rig();
    const handlesBefore = process.getActiveResourcesInfo().length;
    const listenersBefore = r.sim.transport.events.listenerCount();
    for (let i = 0; i < 100; i += 1) {
      const sample = sampleCards[i % sampleCards.length];
      if (!sample) throw new Error('no sample');
      r.sim.place(sample.card);
      await until(() => r.cards.length === i + 1, `read ${i}`);
      r.sim.remove();
      await until(() => r.removals === i + 1, `removal ${i}`);
    }
    expect(r.reader.health()).toMatchObject({ reads: 100 });
    expect(r.sim.transport.events.listenerCount()).toBe(listenersBefore);
    expect(process.getActiveResourcesInfo().length).toBeLessThanOrEqual(handlesBefore + 2);
  });
});
