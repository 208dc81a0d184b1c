// Starts the reference platform on 127.0.0.1 for a test, with helpers to enrol terminals.
import type { AddressInfo } from 'node:net';
import { buildPlatform, type Platform } from '../../platform/server';
import type { PlatformRepository } from '../../platform/store/repository';
import { enrol, SyncClient, type ClientOptions, type TerminalCredentials } from '../../src/sync/client';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface RunningPlatform extends Platform {
  url: string;
  repo: PlatformRepository;
  logs: string[];
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  enrolTerminal(hallId: string, url?: string): Promise<TerminalCredentials>;
  client(credentials: TerminalCredentials, options?: Partial<ClientOptions>): SyncClient;
  close(): Promise<void>;
}

export async function startPlatform(repo: PlatformRepository, options: { now?: () => number } = {}): Promise<RunningPlatform> {
  const logs: string[] = [];
  const platform = buildPlatform({ repo, adminToken: ADMIN_TOKEN, log: { level: 'info', write: (line) => logs.push(line) }, ...(options.now ? { now: options.now } : {}) });
  await platform.app.listen({ host: '127.0.0.1', port: 0 });
  const address = platform.app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;
  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await platformRequest(url, method, path, ADMIN_TOKEN, body);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // binary or empty bodies stay text
    }
    return { status: response.status, body: parsed };
  };
  return {
    ...platform,
    url,
    repo,
    logs,
    admin,
    async enrolTerminal(hallId, enrolUrl = url) {
      const code = await admin('POST', '/admin/enrolment-codes', { hallId });
      if (code.status !== 200) throw new Error(`code: ${code.status}`);
      const outcome = await enrol(enrolUrl, { code: (code.body as { code: string }).code, name: 'test kiosk', version: '0.1.0' });
      if (outcome.kind !== 'ok') throw new Error(`enrol: ${JSON.stringify(outcome)}`);
      return { terminalId: outcome.value.terminalId, hallId: outcome.value.hallId, secret: Buffer.from(outcome.value.secret, 'base64') };
    },
    client(credentials, clientOptions = {}) {
      return new SyncClient({ baseUrl: url, credentials, timeoutMs: 5_000, ...clientOptions });
    },
    async close() {
      await platform.app.close();
    },
  };
}

/** A request to the platform with a JSON body (when given) and a bearer token (staff or admin, when given). */
export function platformRequest(baseUrl: string, method: string, path: string, token: string | null, body?: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
