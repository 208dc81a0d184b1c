import type { EvaluationLevel } from '../../../src/contract';
import { KeyboardReportDecoder } from '../scanner/keyboard-report';
import { FrameDecoder, fnKeyPress } from './frame';
import { levelForKey } from './keymaps';
import type { KeyMap } from './keymaps';

export type PadInput = 'bus' | 'hid-keys';

export type PadItem =
  | { readonly kind: 'key'; readonly key: string; readonly level: EvaluationLevel }
  | { readonly kind: 'rejected'; readonly reason: 'unmapped-key' | 'checksum' | 'layout' | 'length' | 'other-address' }
  /** Bytes the host must send back (the bus acknowledgement). */
  | { readonly kind: 'reply'; readonly bytes: Uint8Array };

export interface PadDecoderOptions {
  readonly input: PadInput;
  readonly keyMap: KeyMap;
  /** Bus address of this window's pad; frames for other addresses are acknowledged by their own host. */
  readonly address?: number;
  /**
   * A pad resends a frame whose echo it missed. The same frame again within this window is the same press:
   * acknowledged again, counted once.
   */
  readonly repeatWindowMs?: number;
}

export interface PadDecoder {
  push(chunk: Uint8Array, nowMs: number): PadItem[];
  reset(): void;
}

export function createPadDecoder(options: PadDecoderOptions): PadDecoder {
  return options.input === 'bus' ? busDecoder(options) : hidKeysDecoder(options.keyMap);
}

function busDecoder(options: PadDecoderOptions): PadDecoder {
  const frames = new FrameDecoder();
  const repeatWindowMs = options.repeatWindowMs ?? 300;
  let last: { raw: string; at: number } | null = null;
  return {
    push(chunk, nowMs) {
      const out: PadItem[] = [];
      for (const item of frames.push(chunk)) {
        if (item.kind === 'bad') {
          out.push({ kind: 'rejected', reason: item.reason });
          continue;
        }
        const { frame, raw } = item;
        if (options.address !== undefined && frame.address !== options.address) {
          out.push({ kind: 'rejected', reason: 'other-address' });
          continue;
        }
        out.push({ kind: 'reply', bytes: raw });
        if (frame.fn !== fnKeyPress) continue; // caller keys share the bus; not ours to interpret
        const signature = Array.from(raw).join(',');
        const repeat = last !== null && last.raw === signature && nowMs - last.at <= repeatWindowMs;
        last = { raw: signature, at: nowMs };
        if (repeat) continue;
        const key = String(frame.data[0] ?? -1);
        const lookup = levelForKey(options.keyMap, key);
        out.push(lookup.ok ? { kind: 'key', key, level: lookup.level } : { kind: 'rejected', reason: 'unmapped-key' });
      }
      return out;
    },
    reset() {
      frames.reset();
      last = null;
    },
  };
}

function hidKeysDecoder(keyMap: KeyMap): PadDecoder {
  const keyboard = new KeyboardReportDecoder();
  return {
    push(chunk) {
      const out: PadItem[] = [];
      for (const stroke of keyboard.push(chunk)) {
        if (stroke.kind !== 'char') continue;
        const lookup = levelForKey(keyMap, stroke.char);
        out.push(lookup.ok ? { kind: 'key', key: stroke.char, level: lookup.level } : { kind: 'rejected', reason: 'unmapped-key' });
      }
      return out;
    },
    reset: () => keyboard.reset(),
  };
}
