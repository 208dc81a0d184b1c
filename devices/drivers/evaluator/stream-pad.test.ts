import { describe, expect, it } from 'vitest';
import type { EvaluationLevel } from '../../../src/contract';
import { fnHostCommand } from '../../protocols/evaluator/frame';
import { keyMaps } from '../../protocols/evaluator/keymaps';
import type { KeyMap } from '../../protocols/evaluator/keymaps';
import type { PadInput } from '../../protocols/evaluator/decoder';
import { PadSimulator } from '../../simulators/evaluator/pad-simulator';
import { createMemoryPair } from '../../transports/memory-pair';
import { StreamEvaluatorPad } from './stream-pad';

const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function rig(input: PadInput, keyMap: KeyMap) {
  const { host, device } = createMemoryPair('pad');
  const pad = new StreamEvaluatorPad(host, { input, keyMap, address: 1, backoff: { initialMs: 5, maxMs: 20 } });
  const simulator = new PadSimulator(device, { input, keyMap, address: 1, ackTimeoutMs: 100 });
  await simulator.open();
  const levels: EvaluationLevel[] = [];
  pad.events.on('key', (k) => levels.push(k.level));
  await pad.open();
  await pad.claim();
  await pad.enable();
  return { host, pad, simulator, levels };
}

describe('StreamEvaluatorPad', () => {
  it('bus: each of the five presses arrives once and is acknowledged first time', async () => {
    const { pad, simulator, levels } = await rig('bus', keyMaps['generic-5']);
    const all: EvaluationLevel[] = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'];
    for (const level of all) expect(await simulator.press(level)).toEqual({ ok: true, acknowledged: true, attempts: 1 });
    expect(levels).toEqual(all);
    await pad.close();
  });

  it('bus: a pad with no host answering resends, and reports it was not acknowledged', async () => {
    const { host, device } = createMemoryPair();
    const simulator = new PadSimulator(device, { input: 'bus', keyMap: keyMaps['generic-5'], ackTimeoutMs: 10, retries: 2 });
    await host.open();
    await simulator.open();
    const seen: number[] = [];
    host.events.on('data', (d) => seen.push(d.length));
    expect(await simulator.press('满意')).toEqual({ ok: true, acknowledged: false, attempts: 3 });
    expect(seen).toHaveLength(3);
  });

  it('bus: start-evaluation command reaches the pad', async () => {
    const { pad, simulator } = await rig('bus', keyMaps['queuesystem-4']);
    expect((await pad.startEvaluation()).code).toBe('ok');
    await tick();
    expect(simulator.commands).toEqual([{ address: 1, fn: fnHostCommand, data: Uint8Array.of(0x0b) }]);
    expect(await simulator.press('非常不满意')).toEqual({ ok: false, reason: 'no-such-key' });
    await pad.close();
  });

  it('hid-keys: a USB keyboard pad maps typed digits', async () => {
    const { pad, simulator, levels } = await rig('hid-keys', keyMaps['hid-digits-5']);
    await simulator.press('不满意');
    await tick();
    expect(levels).toEqual(['不满意']);
    expect((await pad.startEvaluation()).code).toBe('unsupported');
    await pad.close();
  });

  it('unplug → error status, replug → idle, presses work again', async () => {
    const { host, pad, simulator, levels } = await rig('bus', keyMaps['generic-5']);
    host.unplug();
    expect(pad.status()).toMatchObject({ state: 'error', connected: false });
    host.replug();
    await simulator.open();
    for (let i = 0; i < 20 && pad.status().state !== 'idle'; i += 1) await tick(10);
    expect(pad.status().state).toBe('idle');
    await simulator.press('满意');
    expect(levels).toEqual(['满意']);
    await pad.close();
  });
});
