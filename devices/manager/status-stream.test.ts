import { describe, expect, it } from 'vitest';
import { createMemoryPair } from '../transports/memory-pair';
import { StreamScanner } from '../drivers/scanner/stream-scanner';
import { HealthHistory } from './health-history';
import { createSimulatedScannerAndPad } from './simulated';
import { StatusStream } from './status-stream';

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
