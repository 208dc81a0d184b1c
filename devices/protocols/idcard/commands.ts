import { encodeRequest } from './frame';

/** The SAM command set (spec §4.1). Timeouts follow the spec's suggestions (§11.2). */
export interface SamCommand {
  readonly name: string;
  readonly cmd: number;
  readonly para: number;
  readonly timeoutMs: number;
}

const command = (name: string, cmd: number, para: number, timeoutMs: number): SamCommand => ({ name, cmd, para, timeoutMs });

export const commands = {
  resetSam: command('reset-sam', 0x10, 0xff, 500),
  samStatus: command('sam-status', 0x11, 0xff, 500),
  readSamId: command('read-sam-id', 0x12, 0xff, 500),
  findCard: command('find-card', 0x20, 0x01, 500),
  selectCard: command('select-card', 0x20, 0x02, 500),
  readTextPhoto: command('read-text-photo', 0x30, 0x01, 3000),
  readTextPhotoFingerprint: command('read-text-photo-fp', 0x30, 0x10, 3500),
  readAdditionalAddress: command('read-additional-address', 0x30, 0x03, 1500),
} as const satisfies Record<string, SamCommand>;

export type CommandName = keyof typeof commands;

/** UART rates the SAM can be set to with 0x60, by PARA (spec §4.1). */
export const baudRates = [115200, 57600, 38400, 19200, 9600] as const;
export type BaudRate = (typeof baudRates)[number];

export function setBaudCommand(rate: BaudRate): SamCommand {
  return command(`set-baud-${rate}`, 0x60, baudRates.indexOf(rate), 500);
}

/** Max bytes per SAM↔card RF frame, 24–255 (spec §4.1); leave alone unless a front end needs it. */
export function setMaxRfBytesRequest(value: number): Uint8Array {
  if (!Number.isInteger(value) || value < 24 || value > 255) throw new RangeError('max RF bytes must be 24–255');
  return encodeRequest(0x61, 0xff, Uint8Array.of(value));
}

export function requestFor(c: SamCommand): Uint8Array {
  return encodeRequest(c.cmd, c.para);
}
