import { describe, expect, it } from 'vitest';
import { nextCommand } from './framing';

describe('nextCommand', () => {
  it('does not mistake DLE EOT bytes inside QR data for a status request', () => {
    const data = [0x10, 0x04, 0x01];
    const len = data.length + 3;
    const qr = Uint8Array.of(0x1d, 0x28, 0x6b, len, 0, 0x31, 0x50, 0x30, ...data, 0x10, 0x04, 0x02);
    const first = nextCommand(qr, 0);
    expect(first).toEqual({ kind: 'other', length: 5 + len });
    expect(nextCommand(qr, first?.length ?? 0)).toEqual({ kind: 'realtime-status', length: 3, arg: 2 });
  });

  it('returns null when the buffer ends inside a command', () => {
    expect(nextCommand(Uint8Array.of(0x1d, 0x76, 0x30, 0, 1, 0, 2, 0, 0xff), 0)).toBeNull();
    expect(nextCommand(Uint8Array.of(0x10, 0x04), 0)).toBeNull();
    expect(nextCommand(Uint8Array.of(0x1d, 0x72, 0x01), 0)).toEqual({ kind: 'paper-status', length: 3, arg: 1 });
  });
});
