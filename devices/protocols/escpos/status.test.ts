import { describe, expect, it } from 'vitest';
import { encodeRealtimeStatus, isPaperSensorReply, isRealtimeStatusByte, parseRealtimeStatus } from './status';

describe('DLE EOT status', () => {
  it('parses the worked values of the spec', () => {
    const ready = parseRealtimeStatus({ printer: 0x12, offlineCause: 0x12, errorCause: 0x12, paper: 0x12 });
    expect(ready).toMatchObject({ online: true, coverOpen: false, paperOut: false, paperNearEnd: false, cutterError: false });
    expect(parseRealtimeStatus({ printer: 0x1a, offlineCause: 0x16, errorCause: 0x12, paper: 0x12 })).toMatchObject({ online: false, coverOpen: true });
    expect(parseRealtimeStatus({ printer: 0x1a, offlineCause: 0x32, errorCause: 0x12, paper: 0x72 }).paperOut).toBe(true);
    expect(parseRealtimeStatus({ printer: 0x12, offlineCause: 0x12, errorCause: 0x12, paper: 0x1e }).paperNearEnd).toBe(true);
    expect(parseRealtimeStatus({ printer: 0x1a, offlineCause: 0x52, errorCause: 0x1a, paper: 0x12 }).cutterError).toBe(true);
  });

  it('round-trips every condition through the simulator encoding', () => {
    const base = { online: true, coverOpen: false, paperOut: false, paperNearEnd: false, cutterError: false, unrecoverableError: false, autoRecoverableError: false };
    for (const key of ['coverOpen', 'paperOut', 'paperNearEnd', 'cutterError'] as const) {
      const condition = { ...base, [key]: true, online: key === 'paperNearEnd' };
      const bytes = encodeRealtimeStatus(condition);
      for (const b of Object.values(bytes)) expect(isRealtimeStatusByte(b)).toBe(true);
      expect(parseRealtimeStatus(bytes)).toEqual(condition);
    }
  });

  it('tells status bytes from GS r replies and XON/XOFF', () => {
    expect(isRealtimeStatusByte(0x12)).toBe(true);
    expect(isRealtimeStatusByte(0x11)).toBe(false);
    expect(isRealtimeStatusByte(0x13)).toBe(false);
    expect(isPaperSensorReply(0x00)).toBe(true);
    expect(isPaperSensorReply(0x0f)).toBe(true);
    expect(isPaperSensorReply(0x12)).toBe(false);
  });
});
