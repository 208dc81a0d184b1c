import { describe, expect, it } from 'vitest';
import { encodeFrame, encodeRequest, encodeResponse, parseResponseBody, wireTimeMs, xorOf } from './frame';
import { FrameDecoder } from './decoder';
import { requestFor, commands, setBaudCommand, setMaxRfBytesRequest } from './commands';
import { hexBytes, publishedTraces, requestVectors } from './test-vectors';

describe('SAM frame encoder', () => {
  it.each(requestVectors)('encodes %s', (_name, cmd, para, expected) => {
    expect(encodeRequest(cmd, para)).toEqual(hexBytes(expected));
  });

  it('encodes the command table and the baud/RF commands like the spec', () => {
    expect(requestFor(commands.findCard)).toEqual(hexBytes('AA AA AA 96 69 00 03 20 01 22'));
    expect(requestFor(commands.readTextPhotoFingerprint)).toEqual(hexBytes('AA AA AA 96 69 00 03 30 10 23'));
    expect(requestFor(setBaudCommand(9600))).toEqual(hexBytes('AA AA AA 96 69 00 03 60 04 67'));
    expect(setMaxRfBytesRequest(0x50)).toEqual(hexBytes('AA AA AA 96 69 00 04 61 FF 50 CA'));
    expect(() => setMaxRfBytesRequest(23)).toThrow(RangeError);
  });

  it('encodes responses: find OK and no card', () => {
    expect(encodeResponse(0x9f, new Uint8Array(4))).toEqual(hexBytes('AAAAAA9669000800009F0000000097'));
    expect(encodeResponse(0x80)).toEqual(hexBytes('AAAAAA9669000400008084'));
    expect(encodeResponse(0x90, new Uint8Array(8))).toEqual(hexBytes('AAAAAA9669000C00009000000000000000009C'));
  });

  it('refuses a body above the length cap', () => {
    expect(() => encodeFrame(new Uint8Array(5000))).toThrow(RangeError);
  });

  it('computes 8N1 wire time', () => {
    expect(wireTimeMs(1295, 115200)).toBeCloseTo(112.4, 1);
  });
});

describe('published traces', () => {
  it.each(publishedTraces)('%s: checksum valid = %s', (_name, trace, valid) => {
    const bytes = hexBytes(trace);
    expect(xorOf(bytes, 5, bytes.length - 1) === bytes[bytes.length - 1]).toBe(valid);
    const frames = new FrameDecoder().push(bytes);
    expect(frames.length).toBe(valid ? 1 : 0);
  });

  it('parses SW1..SW3 and data of a response body', () => {
    const [body] = new FrameDecoder().push(hexBytes('AAAAAA9669000800009F0000000097'));
    expect(body && parseResponseBody(body)).toEqual({ sw1: 0, sw2: 0, sw3: 0x9f, data: new Uint8Array(4) });
  });
});
