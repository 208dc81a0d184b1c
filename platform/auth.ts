// Authentication of terminals (HMAC-signed requests) and of staff/administrators (bearer token).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MAX_CLOCK_SKEW_MS, PROTOCOL_VERSION, SIGNATURE_HEADERS } from '../src/wire/sync-protocol';
import { parseSignatureHeaders, signatureMatches, timestampFresh } from '../src/wire/signing';
import { sendError } from './errors';
import type { PlatformRepository, TerminalRecord } from './store/repository';

export interface AuthContext {
  repo: PlatformRepository;
  now: () => number;
}

/** The raw body bytes: every content type is parsed as a Buffer so the signature covers exactly what was sent. */
export function rawBody(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}

/**
 * Verifies a terminal's signed request. Returns the terminal, or sends the 401/400 and returns null.
 * Order matters: the signature is checked before the nonce is recorded, so a forger cannot burn nonces.
 */
export async function authenticateTerminal(ctx: AuthContext, request: FastifyRequest, reply: FastifyReply): Promise<TerminalRecord | null> {
  const version = request.headers[SIGNATURE_HEADERS.version];
  if (version !== undefined && version !== String(PROTOCOL_VERSION)) {
    sendError(reply, 400, 'UNSUPPORTED_VERSION', `protocol version ${String(version)} is not supported; this platform speaks ${PROTOCOL_VERSION}`);
    return null;
  }
  const headers = parseSignatureHeaders(request.headers);
  if (!headers) {
    sendError(reply, 401, 'BAD_SIGNATURE', 'missing or malformed signature headers');
    return null;
  }
  const terminal = await ctx.repo.getTerminal(headers.terminalId);
  if (!terminal) {
    sendError(reply, 401, 'UNKNOWN_TERMINAL', 'unknown terminal');
    return null;
  }
  const input = { method: request.method, path: request.url, body: rawBody(request), terminalId: terminal.id, timestamp: headers.timestamp, nonce: headers.nonce };
  if (!signatureMatches(Buffer.from(terminal.secret, 'base64'), input, headers.signature)) {
    sendError(reply, 401, 'BAD_SIGNATURE', 'signature does not match');
    return null;
  }
  if (terminal.revokedAt !== null) {
    sendError(reply, 401, 'TERMINAL_REVOKED', 'this terminal has been revoked; enrol it again');
    return null;
  }
  const now = ctx.now();
  if (!timestampFresh(headers.timestamp, now)) {
    sendError(reply, 401, 'STALE_TIMESTAMP', 'request timestamp is more than 5 minutes from platform time', { serverTime: new Date(now).toISOString() });
    return null;
  }
  // A nonce must be remembered as long as its timestamp could still be accepted.
  if (!(await ctx.repo.rememberNonce(terminal.id, headers.nonce, headers.timestamp + MAX_CLOCK_SKEW_MS + 1000))) {
    sendError(reply, 401, 'REPLAYED_NONCE', 'nonce already used');
    return null;
  }
  return terminal;
}

export function bearerMatches(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
