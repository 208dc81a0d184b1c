// SAM frame format (spec §2): AA AA AA 96 69 | LEN (u16 BE, bytes after LEN incl. CHK) | body | CHK.
// CHK = XOR of every byte from the LEN high byte through the last body byte.

export const PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
export const HEADER_LENGTH = 7;
/** Largest LEN we accept. The biggest known response is 2314 (read with two fingerprints); spec §2.2. */
export const MAX_LEN = 4096;

/** XOR of `bytes[from..to)`. */
export function xorOf(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let x = 0;
  for (let i = from; i < to; i += 1) x ^= bytes[i] ?? 0;
  return x;
}

/** Wraps a body (request: CMD PARA DATA; response: SW1 SW2 SW3 DATA) in preamble, LEN and checksum. */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const len = body.length + 1;
  if (len > MAX_LEN) throw new RangeError(`frame body of ${body.length} bytes exceeds the ${MAX_LEN}-byte cap`);
  const frame = new Uint8Array(HEADER_LENGTH + len);
  frame.set(PREAMBLE, 0);
  frame[5] = (len >> 8) & 0xff;
  frame[6] = len & 0xff;
  frame.set(body, HEADER_LENGTH);
  frame[frame.length - 1] = xorOf(frame, 5, frame.length - 1);
  return frame;
}

export function encodeRequest(cmd: number, para: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(2 + data.length);
  body[0] = cmd;
  body[1] = para;
  body.set(data, 2);
  return encodeFrame(body);
}

export function encodeResponse(sw3: number, data: Uint8Array = new Uint8Array(0), sw1 = 0, sw2 = 0): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[0] = sw1;
  body[1] = sw2;
  body[2] = sw3;
  body.set(data, 3);
  return encodeFrame(body);
}

/** A request as the SAM sees it. */
export interface SamRequest {
  readonly cmd: number;
  readonly para: number;
  readonly data: Uint8Array;
}

/** A response as the host sees it. */
export interface SamResponse {
  readonly sw1: number;
  readonly sw2: number;
  readonly sw3: number;
  readonly data: Uint8Array;
}

export function parseRequestBody(body: Uint8Array): SamRequest | null {
  if (body.length < 2) return null;
  return { cmd: body[0] ?? 0, para: body[1] ?? 0, data: body.subarray(2) };
}

export function parseResponseBody(body: Uint8Array): SamResponse | null {
  if (body.length < 3) return null;
  return { sw1: body[0] ?? 0, sw2: body[1] ?? 0, sw3: body[2] ?? 0, data: body.subarray(3) };
}

/** Wire time of `bytes` at `baud`, 8N1 = 10 bits per byte. */
export function wireTimeMs(bytes: number, baud: number): number {
  return (bytes * 10 * 1000) / baud;
}
