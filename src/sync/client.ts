// The terminal's HTTP client for the platform. Every call ends in one of four outcomes, so the engine
// never has to interpret HTTP: ok, retryable (network, timeouts, 5xx, 429, malformed or unexpected
// responses — back off and try again), rejected (the platform refuses this request for good) and
// reauth (credentials no longer accepted — pause, keep everything, ask for re-enrolment).
import type { z } from 'zod';
import {
  API_PREFIX,
  BlobStatus,
  EnrolResponse,
  ErrorBody,
  HeartbeatResponse,
  InboxResponse,
  PushResponse,
  type EnrolRequest,
  type HeartbeatRequest,
  type OpEnvelope,
} from '../wire/sync-protocol';
import { signedHeaders } from '../wire/signing';

export type Outcome<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'retryable'; reason: string; retryAfterMs?: number }
  | { kind: 'rejected'; code: string; message: string }
  | { kind: 'reauth'; code: string; message: string };

export interface TerminalCredentials {
  terminalId: string;
  hallId: string;
  secret: Uint8Array;
}

export interface ClientOptions {
  baseUrl: string;
  credentials: TerminalCredentials;
  /** Per request; long-polls add their wait. */
  timeoutMs?: number;
  /** The terminal's clock (tests make it jump). */
  now?: () => number;
  fetch?: typeof fetch;
}

/** Credential problems that a retry cannot fix. */
const REAUTH_CODES = new Set(['BAD_SIGNATURE', 'UNKNOWN_TERMINAL', 'TERMINAL_REVOKED']);

function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 3_600_000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, Math.min(at - Date.now(), 3_600_000)) : undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const causeCode = cause && typeof cause === 'object' && 'code' in cause ? String((cause as { code: unknown }).code) : '';
    return `${error.name}: ${error.message}${causeCode ? ` (${causeCode})` : ''}`;
  }
  return String(error);
}

export class SyncClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly fetchImpl: typeof fetch;
  private credentials: TerminalCredentials;
  /** Platform time minus terminal time, learned from STALE_TIMESTAMP answers and heartbeats. */
  private clockOffsetMs = 0;

  constructor(options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.credentials = options.credentials;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.now = options.now ?? Date.now;
    this.fetchImpl = options.fetch ?? fetch;
  }

  get clockOffset(): number {
    return this.clockOffsetMs;
  }

  setCredentials(credentials: TerminalCredentials): void {
    this.credentials = credentials;
  }

  push(ops: readonly OpEnvelope[]): Promise<Outcome<PushResponse>> {
    return this.call('POST', `${API_PREFIX}/ops`, Buffer.from(JSON.stringify({ ops })), PushResponse);
  }

  blobStatus(sha256: string): Promise<Outcome<BlobStatus>> {
    return this.call('GET', `${API_PREFIX}/blobs/${sha256}`, null, BlobStatus);
  }

  /** Sends one chunk. An offset mismatch is not an error: the answer says where to continue. */
  async putChunk(sha256: string, size: number, offset: number, data: Uint8Array): Promise<Outcome<BlobStatus>> {
    let received: number | undefined;
    const outcome = await this.call('PUT', `${API_PREFIX}/blobs/${sha256}?offset=${offset}&size=${size}`, data, BlobStatus, {
      contentType: 'application/octet-stream',
      onError: (error) => (received = error.received),
    });
    if (outcome.kind === 'rejected' && outcome.code === 'OFFSET_MISMATCH' && received !== undefined) {
      return { kind: 'ok', value: { sha256, received, size, complete: false } };
    }
    return outcome;
  }

  async heartbeat(beat: HeartbeatRequest): Promise<Outcome<z.infer<typeof HeartbeatResponse>>> {
    const outcome = await this.call('POST', `${API_PREFIX}/heartbeat`, Buffer.from(JSON.stringify(beat)), HeartbeatResponse);
    if (outcome.kind === 'ok') this.learnClock(outcome.value.serverTime);
    return outcome;
  }

  /** Long-polls for up to waitMs; `signal` ends the wait early (engine stopping). */
  inbox(after: number, waitMs: number, signal?: AbortSignal, limit = 100): Promise<Outcome<InboxResponse>> {
    return this.call('GET', `${API_PREFIX}/inbox?after=${after}&wait=${waitMs}&limit=${limit}`, null, InboxResponse, { extraTimeoutMs: waitMs, ...(signal ? { signal } : {}) });
  }

  private learnClock(serverTime: string): void {
    const platform = Date.parse(serverTime);
    if (Number.isFinite(platform)) this.clockOffsetMs = platform - this.now();
  }

  private async call<S extends z.ZodType>(
    method: string,
    path: string,
    body: Uint8Array | null,
    schema: S,
    options: { contentType?: string; extraTimeoutMs?: number; signal?: AbortSignal; onError?: (error: ErrorBody['error']) => void } = {},
  ): Promise<Outcome<z.infer<S>>> {
    const bytes = body ?? new Uint8Array(0);
    const headers: Record<string, string> = signedHeaders(this.credentials.secret, {
      method,
      path,
      body: bytes,
      terminalId: this.credentials.terminalId,
      timestamp: Math.round(this.now() + this.clockOffsetMs),
    });
    if (body) headers['content-type'] = options.contentType ?? 'application/json';
    return request(this.fetchImpl, `${this.baseUrl}${path}`, { method, headers, body, ...(options.signal ? { signal: options.signal } : {}) }, this.timeoutMs + (options.extraTimeoutMs ?? 0), schema, (error) => {
      options.onError?.(error);
      if (error.code === 'STALE_TIMESTAMP' && error.serverTime) this.learnClock(error.serverTime);
    });
  }
}

/** One HTTP exchange, classified. onError sees every parsed error body (clock and offset hints). */
async function request<S extends z.ZodType>(
  fetchImpl: typeof fetch,
  url: string,
  init: { method: string; headers: Record<string, string>; body: Uint8Array | null; signal?: AbortSignal },
  timeoutMs: number,
  schema: S,
  onError: (error: ErrorBody['error']) => void = () => {},
): Promise<Outcome<z.infer<S>>> {
  let response: Response;
  let text: string;
  // A cleared timer rather than AbortSignal.timeout: that one keeps the request (and its body) reachable
  // until it fires, which under load holds megabytes of blob chunks for no reason.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('request timed out', 'TimeoutError')), timeoutMs);
  const forward = () => controller.abort(init.signal?.reason);
  init.signal?.addEventListener('abort', forward, { once: true });
  try {
    response = await fetchImpl(url, { method: init.method, headers: init.headers, body: init.body ? (init.body as Uint8Array<ArrayBuffer>) : undefined, signal: controller.signal, redirect: 'error' });
    // Reading the body can fail too: a connection dropped mid-body, or the timeout firing now.
    text = await response.text();
  } catch (error) {
    return { kind: 'retryable', reason: `network: ${describe(error)}` };
  } finally {
    clearTimeout(timer);
    init.signal?.removeEventListener('abort', forward);
  }
  const json = (() => {
    try {
      return { ok: true as const, value: JSON.parse(text) as unknown };
    } catch {
      return { ok: false as const };
    }
  })();
  if (response.status >= 200 && response.status < 300) {
    if (!json.ok) return { kind: 'retryable', reason: `malformed response (HTTP ${response.status})` };
    const parsed = schema.safeParse(json.value);
    if (!parsed.success) return { kind: 'retryable', reason: `unexpected response shape (HTTP ${response.status})` };
    return { kind: 'ok', value: parsed.data };
  }
  const error = json.ok ? ErrorBody.safeParse(json.value) : null;
  const detail = error?.success ? error.data.error : null;
  if (detail) onError(detail);
  if (response.status === 429 || response.status === 408 || response.status >= 500) {
    return { kind: 'retryable', reason: `HTTP ${response.status}${detail ? ` ${detail.code}` : ''}`, retryAfterMs: retryAfterMs(response) };
  }
  if (response.status === 401) {
    // Only a well-formed credentials error pauses sync; anything else (clock, nonce, a confused proxy) is retried.
    if (detail && REAUTH_CODES.has(detail.code)) return { kind: 'reauth', code: detail.code, message: detail.message };
    return { kind: 'retryable', reason: `HTTP 401 ${detail?.code ?? 'without error body'}` };
  }
  if (response.status >= 400 && detail) return { kind: 'rejected', code: detail.code, message: detail.message };
  // A 4xx without our error body came from something in between, not the platform: try again later.
  return { kind: 'retryable', reason: `HTTP ${response.status} without error body` };
}

/** Exchanges a one-time enrolment code for the terminal's identity and secret (unsigned). */
export function enrol(baseUrl: string, body: EnrolRequest, options: { timeoutMs?: number; fetch?: typeof fetch } = {}): Promise<Outcome<EnrolResponse>> {
  return request(
    options.fetch ?? fetch,
    `${baseUrl.replace(/\/+$/, '')}${API_PREFIX}/enrol`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) },
    options.timeoutMs ?? 15_000,
    EnrolResponse,
  );
}
