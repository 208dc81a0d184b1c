import type { Symbology } from '../../../src/contract';
import type { ScannerInput } from '../../protocols/scanner/decoders';
import { encodeHidPosReports } from '../../protocols/scanner/hid-pos';
import { encodeKeyboardReports } from '../../protocols/scanner/keyboard-report';
import { aimFor } from '../../protocols/scanner/symbology';
import type { Transport } from '../../transports/transport';

/** What the simulator panel and tests can do to a simulated scanner, whatever wire it simulates. */
export interface ScannerSimulatorControl {
  scan(text: string, symbology?: Symbology): Promise<void>;
}

export interface ScannerSimulatorOptions {
  readonly input: ScannerInput;
  /** Serial and wedge scanners configured to send the AIM identifier first. */
  readonly aimPrefix?: boolean;
  readonly terminator?: 'enter' | 'tab' | 'none';
  /** Pause between keyboard reports; real wedge scanners type a key every 1–10 ms. */
  readonly keyDelayMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The device end of a scanner: writes exactly what a scanner of the chosen input kind would send, over any
 * transport (an in-memory pair, or a PTY in integration tests).
 */
export class ScannerSimulator implements ScannerSimulatorControl {
  constructor(
    private readonly transport: Transport,
    private readonly options: ScannerSimulatorOptions,
  ) {}

  open(): Promise<void> {
    return this.transport.open();
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  async scan(text: string, symbology: Symbology = 'qr'): Promise<void> {
    const aim = aimFor(symbology);
    const prefixed = this.options.aimPrefix ? aim + text : text;
    switch (this.options.input) {
      case 'serial':
        await this.transport.write(new TextEncoder().encode(`${prefixed}\r\n`));
        return;
      case 'hid-pos':
        for (const report of encodeHidPosReports(new TextEncoder().encode(text), aim)) await this.transport.write(report);
        return;
      case 'keyboard-wedge': {
        const delay = this.options.keyDelayMs ?? 0;
        for (const report of encodeKeyboardReports(prefixed, this.options.terminator ?? 'enter')) {
          await this.transport.write(report);
          if (delay > 0) await sleep(delay);
        }
      }
    }
  }
}
