import type { PaperWidth, PrinterCondition } from '../../../src/kernel/receipt';
import { TypedEmitter } from '../../model/emitter';
import { declaredLength, nextCommand } from '../../protocols/escpos/framing';
import { interpret } from '../../protocols/escpos/interpreter';
import type { GlyphPainter } from '../../protocols/escpos/painter';
import { renderPng } from '../../protocols/escpos/render';
import { systemGlyphPainter } from '../../preview/glyphs';
import { encodeRealtimeStatus } from '../../protocols/escpos/status';

// A thermal printer without the hardware: consumes an ESC/POS stream, answers DLE EOT 1–4 at once and
// GS r 1 once everything before it is "printed", and keeps each job's bytes (PNG on demand). Like a
// real printer it stops while the paper is out or the cover is open and resumes when fixed; DLE ENQ 2
// throws away what it holds. Transport-free: tcp/pty/memory hosts feed it and send its replies.

export type PaperState = 'ok' | 'near-end' | 'out' | 'cover-open';

export interface SimulatedJob {
  readonly id: number;
  readonly at: string;
  readonly bytes: Uint8Array;
  readonly outcome: 'printed' | 'discarded';
}

export interface VirtualPrinterEvents {
  reply: Uint8Array;
  job: SimulatedJob;
}

export interface VirtualPrinterOptions {
  paperWidth?: PaperWidth;
  /** Jobs kept in memory (oldest dropped first). */
  keepJobs?: number;
  /** Delay before a finished job is acknowledged, to stand in for the print head. */
  printDelayMs?: number;
  /** Draws the characters of job PNGs; the machine's CJK font (found on the first PNG) when not given. */
  painter?: GlyphPainter;
}

export class VirtualPrinter {
  readonly events = new TypedEmitter<VirtualPrinterEvents>();
  readonly paperWidth: PaperWidth;
  private paper: PaperState = 'ok';
  /** Received bytes not yet framed (the start of a command still arriving), in a buffer that grows by doubling. */
  private inbound = new Uint8Array(256);
  private inboundLength = 0;
  /** Bytes the command at the start of `inbound` needs; nothing is re-parsed before they are all here. */
  private waitFor = 0;
  private jobBytes: number[] = [];
  /** A job whose end marker arrived while the printer could not print. */
  private held: { bytes: number[]; ackArg: number } | null = null;
  /** A job on the (simulated) print head; paper running out moves it back to `held`. */
  private printing: { bytes: number[]; ackArg: number; timer: ReturnType<typeof setTimeout> } | null = null;
  private readonly jobs: SimulatedJob[] = [];
  private readonly pngs = new Map<number, Uint8Array>();
  private nextId = 1;
  private readonly keepJobs: number;
  private readonly printDelayMs: number;
  private painter: GlyphPainter | undefined;

  constructor(options: VirtualPrinterOptions = {}) {
    this.paperWidth = options.paperWidth ?? 576;
    this.keepJobs = options.keepJobs ?? 50;
    this.printDelayMs = options.printDelayMs ?? 0;
    this.painter = options.painter;
  }

  setPaper(state: PaperState): void {
    this.paper = state;
    if (!this.ready() && this.printing) {
      clearTimeout(this.printing.timer);
      this.held = { bytes: this.printing.bytes, ackArg: this.printing.ackArg };
      this.printing = null;
    }
    if (this.ready() && this.held) {
      const { bytes, ackArg } = this.held;
      this.held = null;
      this.finish(bytes, ackArg);
    }
  }

  paperState(): PaperState {
    return this.paper;
  }

  condition(): PrinterCondition {
    return {
      online: this.ready(),
      coverOpen: this.paper === 'cover-open',
      paperOut: this.paper === 'out',
      paperNearEnd: this.paper === 'near-end',
      cutterError: false,
      unrecoverableError: false,
      autoRecoverableError: false,
    };
  }

  recentJobs(): readonly SimulatedJob[] {
    return [...this.jobs];
  }

  /** PNG of a stored job, rendered on first request. */
  jobPng(id: number): Uint8Array | null {
    const cached = this.pngs.get(id);
    if (cached) return cached;
    const job = this.jobs.find((j) => j.id === id);
    if (!job) return null;
    this.painter ??= systemGlyphPainter();
    const png = renderPng(interpret(job.bytes, this.paperWidth), this.painter);
    this.pngs.set(id, png);
    return png;
  }

  /** Forget a half-received command (a host that went away mid-job). */
  resetLink(): void {
    this.inboundLength = 0;
    this.waitFor = 0;
    this.jobBytes = [];
  }

  feed(data: Uint8Array): void {
    if (this.inboundLength + data.length > this.inbound.length) {
      const grown = new Uint8Array(Math.max(this.inbound.length * 2, this.inboundLength + data.length));
      grown.set(this.inbound.subarray(0, this.inboundLength));
      this.inbound = grown;
    }
    this.inbound.set(data, this.inboundLength);
    this.inboundLength += data.length;
    if (this.inboundLength < this.waitFor) return;
    const buf = this.inbound.subarray(0, this.inboundLength);
    let i = 0;
    for (;;) {
      const command = nextCommand(buf, i);
      if (!command) break;
      const bytes = buf.subarray(i, i + command.length);
      i += command.length;
      switch (command.kind) {
        case 'realtime-status':
          this.answerStatus(command.arg ?? 0);
          break;
        case 'recover':
          if (command.arg === 2) this.discard();
          break;
        case 'paper-status':
          this.endOfJob(command.arg ?? 1);
          break;
        default:
          for (const b of bytes) this.jobBytes.push(b);
      }
    }
    this.waitFor = i < buf.length ? (declaredLength(buf, i) ?? 0) : 0;
    this.inbound.copyWithin(0, i, this.inboundLength);
    this.inboundLength -= i;
  }

  private ready(): boolean {
    return this.paper === 'ok' || this.paper === 'near-end';
  }

  private answerStatus(n: number): void {
    const s = encodeRealtimeStatus(this.condition());
    const byte = n === 1 ? s.printer : n === 2 ? s.offlineCause : n === 3 ? s.errorCause : n === 4 ? s.paper : null;
    if (byte !== null) this.events.emit('reply', Uint8Array.of(byte));
  }

  private endOfJob(arg: number): void {
    const bytes = this.jobBytes;
    this.jobBytes = [];
    if (!this.ready()) {
      this.held = { bytes, ackArg: arg };
      return;
    }
    this.finish(bytes, arg);
  }

  private finish(bytes: number[], arg: number): void {
    const ack = arg === 1 || arg === 49 ? (this.paper === 'near-end' ? 0x03 : 0x00) : 0x00;
    const done = () => {
      this.printing = null;
      if (bytes.length > 0) this.store(bytes, 'printed');
      this.events.emit('reply', Uint8Array.of(ack));
    };
    if (this.printDelayMs > 0) this.printing = { bytes, ackArg: arg, timer: setTimeout(done, this.printDelayMs) };
    else done();
  }

  private discard(): void {
    if (this.printing) clearTimeout(this.printing.timer);
    const bytes = this.held?.bytes ?? this.printing?.bytes ?? this.jobBytes;
    this.held = null;
    this.printing = null;
    this.jobBytes = [];
    // A flush of NULs before a retry is not a job.
    if (bytes.some((b) => b !== 0)) this.store(bytes, 'discarded');
  }

  private store(bytes: number[], outcome: SimulatedJob['outcome']): void {
    const job: SimulatedJob = { id: this.nextId++, at: new Date().toISOString(), bytes: Uint8Array.from(bytes), outcome };
    this.jobs.push(job);
    while (this.jobs.length > this.keepJobs) {
      const dropped = this.jobs.shift();
      if (dropped) this.pngs.delete(dropped.id);
    }
    this.events.emit('job', job);
  }
}
