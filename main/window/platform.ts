// Where the window workstation finds the platform: the one sync talks to (embedded on loopback, or the
// remote one), in the hall this terminal is enrolled in. On the embedded (demo) platform the window and
// a demo staff account are set up on first start; the PIN goes to a 0600 file in the data directory.
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log';
import type { TerminalSync } from '../sync/service';
import type { WindowPlatform } from './service';

export const DEMO_STAFF_NUMBER = '1001';

export async function resolveWindowPlatform(options: { sync: TerminalSync; dataDir: string; windowId: string; hallFallback: string; logger: Logger; fetch?: typeof fetch }): Promise<WindowPlatform | null> {
  await options.sync.start();
  const status = options.sync.status();
  if (!status.platform.url) {
    options.logger.warn('window: no central platform configured; staff cannot sign in');
    return null;
  }
  const platform = { url: status.platform.url, hallId: status.hallId ?? options.hallFallback };
  if (status.platform.mode === 'embedded') await seedDemo(platform, options).catch((error: unknown) => options.logger.warn('window: demo set-up on the embedded platform failed', { error }));
  return platform;
}

async function seedDemo(platform: WindowPlatform, options: { dataDir: string; windowId: string; logger: Logger; fetch?: typeof fetch }): Promise<void> {
  const dir = join(options.dataDir, 'window');
  const file = join(dir, `demo-staff-${options.windowId}.json`);
  if (existsSync(file)) return;
  const token = readFileSync(join(options.dataDir, 'platform', 'admin-token'), 'utf8').trim();
  const admin = async (method: string, path: string, body: unknown) => {
    const response = await (options.fetch ?? fetch)(`${platform.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return response.status;
  };
  const windowStatus = await admin('PUT', '/admin/windows', { hallId: platform.hallId, windowId: options.windowId, name: `综合受理窗口 ${options.windowId}`, categories: ['*'] });
  if (windowStatus !== 200) throw new Error(`window set-up answered ${windowStatus}`);
  const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const staffStatus = await admin('POST', '/admin/staff', { hallId: platform.hallId, staffNumber: DEMO_STAFF_NUMBER, name: '演示工作人员', pin });
  if (staffStatus !== 200 && staffStatus !== 409) throw new Error(`staff set-up answered ${staffStatus}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(staffStatus === 200 ? { staffNumber: DEMO_STAFF_NUMBER, pin } : { staffNumber: DEMO_STAFF_NUMBER, pin: null, note: 'account existed before' }, null, 2)}\n`, { mode: 0o600 });
  options.logger.info(`window ${options.windowId} set up on the embedded platform: demo staff ${DEMO_STAFF_NUMBER}, PIN in ${file}`);
}
