import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus, ScanPayload } from '../../src/contract';
import { StreamScanner } from '../../devices/drivers/scanner/stream-scanner';
import { ScannerSimulator } from '../../devices/simulators/scanner/scanner-simulator';
import { SerialTransport } from '../../devices/transports/serial';
import { PtyPair } from './support/pty-pair';
import { until } from './support/until';

interface Rig {
  pty: PtyPair;
  sim: ScannerSimulator;
  scanner: StreamScanner;
  scans: ScanPayload[];
  rejected: string[];
  statuses: DeviceStatus[];
}
const rigs: Rig[] = [];

async function rig(aimPrefix: boolean): Promise<Rig> {
  const pty = new PtyPair();
  await pty.start();
  const sim = new ScannerSimulator(new SerialTransport({ path: pty.device, baudRate: 9600 }), { input: 'serial', aimPrefix });
  await sim.open();
  const scanner = new StreamScanner(new SerialTransport({ path: pty.host, baudRate: 9600 }), {
    input: 'serial',
    aimPrefix,
    backoff: { initialMs: 50, maxMs: 400 },
  });
  const r: Rig = { pty, sim, scanner, scans: [], rejected: [], statuses: [] };
  scanner.events.on('scan', (s) => r.scans.push(s));
  scanner.events.on('rejected', (x) => r.rejected.push(x.reason));
  scanner.events.on('status', (s) => r.statuses.push(s));
  rigs.push(r);
  expect((await scanner.open()).code).toBe('ok');
  await scanner.claim();
  await scanner.enable();
  return r;
}

afterEach(async () => {
  for (const r of rigs.splice(0)) {
    await r.scanner.close();
    await r.sim.close().catch(() => undefined);
    await r.pty.dispose();
  }
});

describe('serial scanner over a PTY pair (real serialport)', () => {
  it('reads CR LF framed codes with AIM symbology, in order', async () => {
    const r = await rig(true);
    await r.sim.scan('9787020000001', 'ean13');
    await r.sim.scan('https://zwfw.example.gov.cn/q?no=受理2026', 'qr');
    await r.sim.scan('ZW-2026-000123', 'code128');
    await until(() => r.scans.length === 3, 'three scans');
    expect(r.scans).toEqual([
      { text: '9787020000001', symbology: 'ean13' },
      { text: 'https://zwfw.example.gov.cn/q?no=受理2026', symbology: 'qr' },
      { text: 'ZW-2026-000123', symbology: 'code128' },
    ]);
  });

  it('strips control characters and refuses an over-long line, then keeps reading', async () => {
    const r = await rig(false);
    const raw = new SerialTransport({ path: r.pty.device, baudRate: 9600 });
    await r.sim.close();
    await raw.open();
    await raw.write(new TextEncoder().encode(`A\u0007B\u001bC\r\n${'9'.repeat(20_000)}\r\nOK-1\r\n`));
    await until(() => r.scans.length === 2, 'two scans');
    expect(r.scans).toEqual([{ text: 'ABC' }, { text: 'OK-1' }]);
    expect(r.rejected).toEqual(['too-long']);
    await raw.close();
  });

  it('reports the scanner vanishing and returning, and reads again', async () => {
    const r = await rig(false);
    await r.sim.close();
    await r.pty.unplug();
    await until(() => r.scanner.status().state === 'error', 'error status after unplug');
    expect(r.scanner.status().connected).toBe(false);
    await r.pty.replug();
    await until(() => r.scanner.status().state === 'idle', 'idle after replug');
    await r.sim.open();
    await r.sim.scan('BACK-AGAIN');
    await until(() => r.scans.length === 1, 'scan after replug');
    expect(r.scans[0]?.text).toBe('BACK-AGAIN');
    expect(r.statuses.map((s) => s.state)).toEqual(['idle', 'error', 'idle']);
  });
});
