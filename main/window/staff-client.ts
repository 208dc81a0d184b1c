// The workstation's client for the platform's staff-window API. Every answer is one of four kinds, so the
// service never interprets HTTP: ok; offline (network, timeout, 5xx, a malformed or unexpected answer —
// keep working from the cache and try later); session-ended (401: sign in again); refused (the platform
// said no for a reason: wrong PIN, locked, not this window's category, conflict, identity mismatch…).
import type { z } from 'zod';
import {
  ActionResponse,
  FindResponse,
  RevealResponse,
  SignInResponse,
  StaffErrorBody,
  WindowApplicationDetail,
  WindowQueueResponse,
} from '../../src/wire/staff-protocol';
import type { ActionRequest, FindRequest, HandoutRequest, SignInRequest, StaffErrorCode } from '../../src/wire/staff-protocol';

export type StaffAnswer<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'offline'; reason: string }
  | { kind: 'session-ended' }
  | { kind: 'refused'; code: StaffErrorCode; message: string; error: StaffErrorBody['error'] };

export interface StaffClientOptions {
  baseUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

type Bytes = { bytes: Uint8Array };

export class StaffClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: StaffClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 8_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  signIn(body: SignInRequest): Promise<StaffAnswer<SignInResponse>> {
    return this.json('POST', '/staff/sessions', null, body, SignInResponse);
  }

  async signOut(token: string): Promise<StaffAnswer<true>> {
    const answer = await this.raw('DELETE', '/staff/window/session', token, undefined);
    return answer.kind === 'ok' ? { kind: 'ok', value: true } : answer;
  }

  queue(token: string): Promise<StaffAnswer<WindowQueueResponse>> {
    return this.json('GET', '/staff/window/queue', token, undefined, WindowQueueResponse);
  }

  find(token: string, query: FindRequest): Promise<StaffAnswer<z.infer<typeof FindResponse>>> {
    return this.json('POST', '/staff/window/find', token, query, FindResponse);
  }

  application(token: string, id: string): Promise<StaffAnswer<WindowApplicationDetail>> {
    return this.json('GET', `/staff/window/applications/${encodeURIComponent(id)}`, token, undefined, WindowApplicationDetail);
  }

  reveal(token: string, id: string, purpose: 'view' | 'notice' = 'view'): Promise<StaffAnswer<RevealResponse>> {
    return this.json('POST', `/staff/window/applications/${encodeURIComponent(id)}/reveal`, token, { purpose }, RevealResponse);
  }

  act(token: string, id: string, body: ActionRequest): Promise<StaffAnswer<ActionResponse>> {
    return this.json('POST', `/staff/window/applications/${encodeURIComponent(id)}/actions`, token, body, ActionResponse);
  }

  handout(token: string, id: string, body: HandoutRequest): Promise<StaffAnswer<ActionResponse>> {
    return this.json('POST', `/staff/window/applications/${encodeURIComponent(id)}/handout`, token, body, ActionResponse);
  }

  async recordAgent(token: string, id: string, agent: { name: string; idNumber: string }): Promise<StaffAnswer<true>> {
    const answer = await this.raw('POST', `/staff/window/applications/${encodeURIComponent(id)}/agents`, token, agent);
    return answer.kind === 'ok' ? { kind: 'ok', value: true } : answer;
  }

  async blob(token: string, sha256: string): Promise<StaffAnswer<Uint8Array>> {
    const answer = await this.raw('GET', `/staff/window/blobs/${sha256}`, token, undefined);
    return answer.kind === 'ok' ? { kind: 'ok', value: answer.value.bytes } : answer;
  }

  async audit(token: string, entry: { action: string; applicationId?: string; detail?: Record<string, string | number | boolean> }): Promise<StaffAnswer<true>> {
    const answer = await this.raw('POST', '/staff/window/audit', token, entry);
    return answer.kind === 'ok' ? { kind: 'ok', value: true } : answer;
  }

  private async json<S extends z.ZodType>(method: string, path: string, token: string | null, body: unknown, schema: S): Promise<StaffAnswer<z.infer<S>>> {
    const answer = await this.raw(method, path, token, body);
    if (answer.kind !== 'ok') return answer;
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(answer.value.bytes).toString('utf8'));
    } catch {
      return { kind: 'offline', reason: 'malformed answer' };
    }
    const parsed = schema.safeParse(value);
    return parsed.success ? { kind: 'ok', value: parsed.data } : { kind: 'offline', reason: 'unexpected answer shape' };
  }

  /** One exchange, classified. Bodies of 2xx answers come back as bytes. */
  private async raw(method: string, path: string, token: string | null, body: unknown): Promise<StaffAnswer<Bytes>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let status: number;
    let bytes: Uint8Array;
    try {
      const response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: controller.signal,
        redirect: 'error',
      });
      status = response.status;
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      return { kind: 'offline', reason: error instanceof Error ? error.name : 'network' };
    } finally {
      clearTimeout(timer);
    }
    if (status >= 200 && status < 300) return { kind: 'ok', value: { bytes } };
    if (status >= 500 || status === 408 || status === 429) return { kind: 'offline', reason: `HTTP ${status}` };
    let error: StaffErrorBody['error'] | null = null;
    try {
      const parsed = StaffErrorBody.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
      if (parsed.success) error = parsed.data.error;
    } catch {
      // not ours
    }
    // A 4xx without our error body came from something in between (a proxy), not the platform.
    if (!error) return { kind: 'offline', reason: `HTTP ${status} without a platform answer` };
    if (error.code === 'SESSION_EXPIRED') return { kind: 'session-ended' };
    return { kind: 'refused', code: error.code, message: error.message, error };
  }
}
