import type { PrinterCondition } from '../../../src/kernel/receipt';

// Replies to DLE EOT n (spec A4.1). Every real-time status byte matches 0xx1xx10: bit 7 = 0, bit 4 = 1,
// bit 1 = 1, bit 0 = 0. That pattern separates replies from ASB blocks and XON/XOFF on a shared stream.

export function isRealtimeStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

export interface RealtimeStatus {
  /** DLE EOT 1 */
  readonly printer: number;
  /** DLE EOT 2 */
  readonly offlineCause: number;
  /** DLE EOT 3 */
  readonly errorCause: number;
  /** DLE EOT 4 */
  readonly paper: number;
}

export function parseRealtimeStatus(s: RealtimeStatus): PrinterCondition {
  return {
    online: (s.printer & 0x08) === 0,
    coverOpen: (s.offlineCause & 0x04) !== 0,
    paperOut: (s.offlineCause & 0x20) !== 0 || (s.paper & 0x60) === 0x60,
    paperNearEnd: (s.paper & 0x0c) === 0x0c,
    cutterError: (s.errorCause & 0x08) !== 0,
    unrecoverableError: (s.errorCause & 0x20) !== 0,
    autoRecoverableError: (s.errorCause & 0x40) !== 0,
  };
}

/** Builds the four status bytes a printer in this condition answers (used by the simulator and tests). */
export function encodeRealtimeStatus(c: PrinterCondition): RealtimeStatus {
  const error = c.cutterError || c.unrecoverableError || c.autoRecoverableError;
  const offline = !c.online || c.coverOpen || c.paperOut || error;
  return {
    printer: 0x12 | (offline ? 0x08 : 0),
    offlineCause: 0x12 | (c.coverOpen ? 0x04 : 0) | (c.paperOut ? 0x20 : 0) | (error ? 0x40 : 0),
    errorCause: 0x12 | (c.cutterError ? 0x08 : 0) | (c.unrecoverableError ? 0x20 : 0) | (c.autoRecoverableError ? 0x40 : 0),
    paper: 0x12 | (c.paperNearEnd ? 0x0c : 0) | (c.paperOut ? 0x60 : 0),
  };
}

/** GS r 1 reply (not real-time): 00 adequate, 03 near end, 0C end, 0F both. Bits 4 and 7 are clear. */
export function isPaperSensorReply(b: number): boolean {
  return (b & 0x90) === 0 && (b & 0x60) === 0;
}

export function describeCondition(c: PrinterCondition): string {
  const parts: string[] = [];
  if (c.coverOpen) parts.push('cover open');
  if (c.paperOut) parts.push('paper out');
  if (c.paperNearEnd) parts.push('paper near end');
  if (c.cutterError) parts.push('cutter error');
  if (c.unrecoverableError) parts.push('unrecoverable error');
  if (c.autoRecoverableError) parts.push('head overheated');
  if (!c.online && parts.length === 0) parts.push('offline');
  return parts.length === 0 ? 'ready' : parts.join(', ');
}
