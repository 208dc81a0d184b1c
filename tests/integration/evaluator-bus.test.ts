import { afterEach, describe, expect, it } from 'vitest';
import type { EvaluationLevel } from '../../src/contract';
import { StreamEvaluatorPad } from '../../devices/drivers/evaluator/stream-pad';
import { encodeFrame, fnKeyPress } from '../../devices/protocols/evaluator/frame';
import { keyMaps } from '../../devices/protocols/evaluator/keymaps';
import type { KeyMap } from '../../devices/protocols/evaluator/keymaps';
import { PadSimulator } from '../../devices/simulators/evaluator/pad-simulator';
import { SerialTransport } from '../../devices/transports/serial';
import { PtyPair } from './support/pty-pair';
import { until } from './support/until';

interface Rig {
  pty: PtyPair;
  sim: PadSimulator;
  pad: StreamEvaluatorPad;
  levels: EvaluationLevel[];
  rejected: string[];
}
const rigs: Rig[] = [];

// 9600 8N1, the documented bus settings (specs/printer-evaluator.md B3.2)
async function rig(keyMap: KeyMap): Promise<Rig> {
  const pty = new PtyPair();
  await pty.start();
  const sim = new PadSimulator(new SerialTransport({ path: pty.device, baudRate: 9600 }), { input: 'bus', keyMap, address: 2, ackTimeoutMs: 500 });
  await sim.open();
  const pad = new StreamEvaluatorPad(new SerialTransport({ path: pty.host, baudRate: 9600 }), {
    input: 'bus',
    keyMap,
    address: 2,
    backoff: { initialMs: 50, maxMs: 400 },
  });
  const r: Rig = { pty, sim, pad, levels: [], rejected: [] };
  pad.events.on('key', (k) => r.levels.push(k.level));
  pad.events.on('rejected', (x) => r.rejected.push(x.reason));
  rigs.push(r);
  expect((await pad.open()).code).toBe('ok');
  await pad.claim();
  await pad.enable();
  return r;
}

afterEach(async () => {
  for (const r of rigs.splice(0)) {
    await r.pad.close();
    await r.sim.close().catch(() => undefined);
    await r.pty.dispose();
  }
});

describe('window-bus evaluation pad over a PTY pair (real serialport)', () => {
  it('five presses map to the five levels, each acknowledged by echo', async () => {
    const r = await rig(keyMaps['generic-5']);
    const all = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;
    for (const level of all) expect(await r.sim.press(level)).toMatchObject({ ok: true, acknowledged: true });
    await until(() => r.levels.length === 5, 'five key events');
    expect(r.levels).toEqual(all);
  });

  it('the QueueSystem four-key map, and line noise and bad checksums on the bus', async () => {
    const r = await rig(keyMaps['queuesystem-4']);
    await r.sim.close();
    const raw = new SerialTransport({ path: r.pty.device, baudRate: 9600 });
    await raw.open();
    const bad = encodeFrame({ address: 2, fn: fnKeyPress, data: Uint8Array.of(0) });
    bad[bad.length - 2] = (bad[bad.length - 2] ?? 0) ^ 0x55;
    const good = encodeFrame({ address: 2, fn: fnKeyPress, data: Uint8Array.of(3) });
    const other = encodeFrame({ address: 7, fn: fnKeyPress, data: Uint8Array.of(0) });
    await raw.write(Uint8Array.from([0x00, 0x13, ...bad, 0xff, ...other, ...good]));
    await until(() => r.levels.length === 1, 'one key event');
    expect(r.levels).toEqual(['非常满意']);
    expect(r.rejected).toContain('checksum');
    expect(r.rejected).toContain('other-address');
    await raw.close();
  });

  it('reports the pad vanishing and returning', async () => {
    const r = await rig(keyMaps['generic-5']);
    await r.sim.close();
    await r.pty.unplug();
    await until(() => r.pad.status().state === 'error', 'error status after unplug');
    await r.pty.replug();
    await until(() => r.pad.status().state === 'idle', 'idle after replug');
    await r.sim.open();
    expect(await r.sim.press('不满意')).toMatchObject({ ok: true, acknowledged: true });
    await until(() => r.levels.length === 1, 'key after replug');
    expect(r.levels).toEqual(['不满意']);
  });
});
