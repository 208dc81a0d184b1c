// HMAC-SHA256 request signing shared by the terminal (signs) and the platform (verifies).
// The signed string binds the method, the path with its query, the body's hash, the time and a nonce,
// so a captured request cannot be altered, replayed later, or replayed at all once its nonce is seen.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { MAX_CLOCK_SKEW_MS, PROTOCOL_VERSION, SIGNATURE_HEADERS } from './sync-protocol';

export interface SignatureInput {
  method: string;
  /** Path and query exactly as sent, e.g. `/v1/inbox?after=3&wait=20000`. */
  path: string;
  body: Uint8Array;
  terminalId: string;
  /** Milliseconds since the epoch, as a decimal string on the wire. */
  timestamp: number;
  nonce: string;
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function canonicalString(input: SignatureInput): string {
  return [input.method.toUpperCase(), input.path, sha256Hex(input.body), String(input.timestamp), input.nonce, input.terminalId].join('\n');
}

export function signature(secret: Uint8Array, input: SignatureInput): string {
  return createHmac('sha256', secret).update(canonicalString(input)).digest('hex');
}

export function newNonce(): string {
  return randomBytes(16).toString('hex');
}

/** The headers a terminal adds to one request. */
export function signedHeaders(secret: Uint8Array, input: Omit<SignatureInput, 'nonce'> & { nonce?: string }): Record<string, string> {
  const full: SignatureInput = { ...input, nonce: input.nonce ?? newNonce() };
  return {
    [SIGNATURE_HEADERS.terminal]: full.terminalId,
    [SIGNATURE_HEADERS.timestamp]: String(full.timestamp),
    [SIGNATURE_HEADERS.nonce]: full.nonce,
    [SIGNATURE_HEADERS.signature]: signature(secret, full),
    [SIGNATURE_HEADERS.version]: String(PROTOCOL_VERSION),
  };
}

export interface ParsedSignatureHeaders {
  terminalId: string;
  timestamp: number;
  nonce: string;
  signature: string;
}

type HeaderBag = Record<string, string | string[] | undefined>;

function single(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** Reads the signature headers; null when any is missing or malformed. */
export function parseSignatureHeaders(headers: HeaderBag): ParsedSignatureHeaders | null {
  const terminalId = single(headers, SIGNATURE_HEADERS.terminal);
  const timestamp = single(headers, SIGNATURE_HEADERS.timestamp);
  const nonce = single(headers, SIGNATURE_HEADERS.nonce);
  const sig = single(headers, SIGNATURE_HEADERS.signature);
  if (!terminalId || !timestamp || !nonce || !sig) return null;
  if (!/^\d{1,15}$/.test(timestamp) || !/^[0-9a-f]{16,64}$/.test(nonce) || !/^[0-9a-f]{64}$/.test(sig)) return null;
  return { terminalId, timestamp: Number(timestamp), nonce, signature: sig };
}

export function signatureMatches(secret: Uint8Array, input: SignatureInput, presented: string): boolean {
  const expected = Buffer.from(signature(secret, input), 'hex');
  const given = Buffer.from(presented, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function timestampFresh(timestamp: number, now: number, skew = MAX_CLOCK_SKEW_MS): boolean {
  return Math.abs(now - timestamp) <= skew;
}
