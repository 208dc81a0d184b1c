import { describe, expect, it } from 'vitest';
import { createMemoryPair } from '../transports/memory-pair';
import { StreamScanner } from '../drivers/scanner/stream-scanner';
import { HealthHistory } from './health-history';
import { createSimulatedScannerAndPad, forwardScannerAndPadEvents, scannerAndPadSimulatorHandlers } from './simulated';
import { StatusStream } from './status-stream';

const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('status stream', () => {
  it('merges every device into one ordered stream, current status first', async () => {
    const sp = createSimulatedScannerAndPad();
    const stream = new StatusStream();
    const seen: string[] = [];
    stream.events.on('status', (e) => seen.push(`${e.seq}:${e.status.role}:${e.status.state}`));
    for (const d of sp.all()) stream.attach(d);
    await sp.scanner.open();
    await sp.evaluator.open();
    await sp.scanner.close();
    expect(seen).toEqual(['1:scanner:closed', '2:evaluator:closed', '3:scanner:idle', '4:evaluator:idle', '5:scanner:closed']);
    expect(stream.snapshot().map((s) => `${s.role}:${s.state}`)).toEqual(['scanner:closed', 'evaluator:idle']);
    expect(stream.history().map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    stream.close();
    await sp.evaluator.close();
    expect(seen).toHaveLength(5);
  });

  it('keeps a bounded history', async () => {
    const { host } = createMemoryPair();
    const scanner = new StreamScanner(host, { input: 'serial' });
    const stream = new StatusStream(2);
    stream.attach(scanner);
    await scanner.open();
    await scanner.close();
    expect(stream.history().map((e) => e.seq)).toEqual([2, 3]);
  });
});

describe('health history', () => {
  it('records internal and external checks per device', async () => {
    const sp = createSimulatedScannerAndPad();
    await sp.scanner.open();
    const history = new HealthHistory();
    const results = await history.check(sp.all(), 'external');
    expect(results.map((r) => [r.role, r.ok])).toEqual([
      ['scanner', true],
      ['evaluator', false],
    ]);
    expect(history.list('evaluator')).toHaveLength(1);
    await sp.scanner.close();
  });
});

describe('simulated scanner and pad', () => {
  it('drive the real drivers through the simulator handlers and reach the bus', async () => {
    const sp = createSimulatedScannerAndPad();
    for (const d of sp.all()) {
      await d.open();
      await d.claim();
      await d.enable();
    }
    const published: string[] = [];
    const off = forwardScannerAndPadEvents(sp, (name, payload) => published.push(`${name} ${JSON.stringify(payload)}`));
    const handlers = scannerAndPadSimulatorHandlers(() => sp.simulator);
    expect(await handlers['sim.scanner.scan']({ text: 'ZW-2026-000123' })).toEqual({ sent: true });
    expect(await handlers['sim.evaluator.press']({ level: '非常满意' })).toEqual({ pressed: true });
    await tick();
    expect(published).toEqual(['scan {"text":"ZW-2026-000123","symbology":"qr"}', 'evaluator.key {"level":"非常满意"}']);
    off();
    const none = scannerAndPadSimulatorHandlers(() => null);
    await expect(none['sim.scanner.scan']({ text: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    for (const d of sp.all()) await d.close();
  });
});
