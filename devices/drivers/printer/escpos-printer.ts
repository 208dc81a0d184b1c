import type { PaperWidth, PrintJobReport, PrintOutcome, PrinterCondition, ReceiptDocument } from '../../../src/kernel/receipt';
import { BaseDevice } from '../../model/device';
import type { HealthLevel, HealthReport } from '../../model/device';
import { fail, ok } from '../../model/result';
import type { DeviceResult } from '../../model/result';
import * as cmd from '../../protocols/escpos/commands';
import { encodeReceipt } from '../../protocols/escpos/encoder';
import type { LineRasterizer } from '../../protocols/escpos/encoder';
import { describeCondition, isPaperSensorReply, isRealtimeStatusByte, parseRealtimeStatus } from '../../protocols/escpos/status';
import type { Transport } from '../../transports/transport';
import { Reconnector, openLink } from '../shared/reconnect';
import type { BackoffSchedule } from '../shared/reconnect';
import { SerialQueue } from './job-queue';
import { previewReceipt } from './preview';
import type { ReceiptPreview } from './preview';
import type { PrinterAlert, PrinterAlertKind, ReceiptPrinter, ReceiptPrinterEvents } from './printer';
import { createLineRasterizer } from './raster-text';
import { systemGlyphPainter } from '../../preview/glyphs';
import type { GlyphPainter } from '../../preview/glyphs';
import { ReplyReader } from './reply-reader';

export interface EscPosPrinterOptions {
  paperWidth?: PaperWidth;
  kind?: string;
  /** Per DLE EOT request. */
  statusTimeoutMs?: number;
  /** Waiting for the end-of-job GS r reply, on top of a per-KB allowance for slow serial links. */
  jobTimeoutMs?: number;
  jobTimeoutPerKbMs?: number;
  keepReports?: number;
  /** While enabled and idle, ask the status this often so paper alerts reach the console between jobs; 0 = never. */
  pollIntervalMs?: number;
  /** How lines with characters outside the printer font are drawn; null prints them with □. Default: system CJK font. */
  rasterizeLine?: LineRasterizer | null;
  /** Draws characters in previews; the system CJK font when not given (loaded on the first preview). */
  painter?: GlyphPainter;
  /** Reopening a link that closed between jobs (the shared reconnect policy, ../shared/reconnect.ts). */
  backoff?: BackoffSchedule;
}

type Attempt = { outcome: PrintOutcome; detail: string; retry: boolean; nearEnd: boolean };

const bytes = (b: readonly number[]) => Uint8Array.from(b);
/** Longer than the longest parameter block we send (a QR store is at most 7092 bytes). */
const FLUSH_NULS = 8192;
const defaultBackoff: BackoffSchedule = { initialMs: 1_000, maxMs: 30_000 };

/**
 * An ESC/POS printer on any byte transport. Jobs run one at a time: status before the job (refuse on
 * paper out / cover open / error), job bytes ending in GS r 1, which the printer answers only after it
 * has processed everything before it, then status again after the cut. A silent or vanished printer is
 * reopened and the job retried once; every job ends in a typed outcome, never an exception. A link that
 * closes between jobs is reopened in the background with backoff, so the console sees the printer return.
 */
export class EscPosPrinter extends BaseDevice<ReceiptPrinterEvents> implements ReceiptPrinter {
  readonly paperWidth: PaperWidth;
  private readonly queue = new SerialQueue();
  private readonly reports: PrintJobReport[] = [];
  private reader: ReplyReader | null = null;
  private offClose: (() => void) | null = null;
  private jobCounter = 0;
  private lastAlert: PrinterAlertKind | null = null;
  private readonly statusTimeoutMs: number;
  private readonly jobTimeoutMs: number;
  private readonly jobTimeoutPerKbMs: number;
  private readonly keepReports: number;
  private readonly pollIntervalMs: number;
  private poller: ReturnType<typeof setInterval> | null = null;
  private readonly rasterizeLine: LineRasterizer | null;
  private painter: GlyphPainter | undefined;
  private readonly reconnector: Reconnector;
  private closing = false;

  constructor(
    private readonly transport: Transport,
    options: EscPosPrinterOptions = {},
  ) {
    super('printer', options.kind ?? 'printer-escpos');
    this.paperWidth = options.paperWidth ?? 576;
    this.statusTimeoutMs = options.statusTimeoutMs ?? 1500;
    this.jobTimeoutMs = options.jobTimeoutMs ?? 15_000;
    this.jobTimeoutPerKbMs = options.jobTimeoutPerKbMs ?? 1200; // 1 KB takes ~1.07 s at 9600 baud
    this.keepReports = options.keepReports ?? 20;
    this.pollIntervalMs = options.pollIntervalMs ?? 0;
    this.rasterizeLine = options.rasterizeLine === undefined ? createLineRasterizer(options.painter) : options.rasterizeLine;
    this.painter = options.painter;
    this.reconnector = new Reconnector(options.backoff ?? defaultBackoff, () => this.queue.run(() => this.reconnect()));
  }

  protected override async doEnable(): Promise<DeviceResult<void>> {
    if (this.pollIntervalMs > 0 && !this.poller) {
      this.poller = setInterval(() => {
        if (this.queue.length === 0) void this.queryCondition();
      }, this.pollIntervalMs);
      this.poller.unref?.();
    }
    return ok(undefined);
  }

  protected override async doDisable(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
  }

  get description(): string {
    return this.transport.description;
  }

  protected async doOpen(): Promise<DeviceResult<void>> {
    this.closing = false;
    const linked = await this.link();
    return linked.code === 'ok' ? ok(undefined) : fail(linked.code, `No printer answers at ${this.transport.description} (${linked.detail})`);
  }

  protected async doClose(): Promise<void> {
    this.closing = true;
    this.reconnector.stop();
    this.unlink();
    await this.transport.close().catch(() => undefined);
  }

  private async link(): Promise<DeviceResult<void>> {
    const opened = await openLink(this.transport);
    if (opened.code !== 'ok') return opened;
    this.unlink();
    this.reader = new ReplyReader(this.transport);
    this.offClose = this.transport.events.on('close', () => {
      this.setState('error', 'printer disconnected', false);
      if (!this.closing) this.reconnector.start();
    });
    return ok(undefined);
  }

  /** One background reconnect attempt (run in the job queue); true once the link is up again. */
  private async reconnect(): Promise<boolean> {
    if (this.closing || !this.opened) return true;
    if (this.reader && this.transport.isOpen()) return true; // a job or status request got there first
    if ((await this.link()).code !== 'ok') return false;
    if (this.closing) {
      this.unlink();
      await this.transport.close().catch(() => undefined);
      return true;
    }
    const condition = await this.readCondition();
    if (condition) this.noteCondition(condition);
    else this.setState('error', 'printer does not answer', true);
    return true;
  }

  private unlink(): void {
    this.reader?.dispose();
    this.reader = null;
    this.offClose?.();
    this.offClose = null;
  }

  private async relink(): Promise<boolean> {
    this.unlink();
    await this.transport.close().catch(() => undefined);
    return (await this.link()).code === 'ok';
  }

  /**
   * Before a retry: NULs complete any command the printer was still reading parameter bytes for (so our
   * status request is not swallowed as data), then DLE ENQ 2 clears what it holds so nothing prints twice.
   */
  private async flushHalfCommand(): Promise<void> {
    await this.transport.write(new Uint8Array(FLUSH_NULS)).catch(() => undefined);
    await this.transport.write(bytes(cmd.recoverClearing)).catch(() => undefined);
  }

  /** A printer that was off when the terminal started is picked up by the next job or status request. */
  private async ensureOpen(): Promise<boolean> {
    if (this.opened) return true;
    return (await this.open()).code === 'ok';
  }

  /** DLE EOT 1–4; null when the printer did not answer all four. */
  private async readCondition(): Promise<PrinterCondition | null> {
    const reader = this.reader;
    if (!reader || !this.transport.isOpen()) return null;
    const answers: number[] = [];
    for (const n of [1, 2, 3, 4] as const) {
      const answer = await reader.ask(bytes(cmd.realtimeStatus(n)), isRealtimeStatusByte, this.statusTimeoutMs);
      if (answer === null) return null;
      answers.push(answer);
    }
    const [printer = 0, offlineCause = 0, errorCause = 0, paper = 0] = answers;
    return parseRealtimeStatus({ printer, offlineCause, errorCause, paper });
  }

  queryCondition(): Promise<DeviceResult<PrinterCondition>> {
    return this.queue.run(async () => {
      if (!(await this.ensureOpen())) return fail('offline', `No printer answers at ${this.transport.description}`);
      let condition = await this.readCondition();
      if (!condition && (await this.relink())) condition = await this.readCondition();
      if (!condition) {
        this.setState('error', 'printer does not answer', this.transport.isOpen());
        return fail('offline', `No status from ${this.transport.description}`);
      }
      this.noteCondition(condition);
      return ok(condition);
    });
  }

  recentJobs(): readonly PrintJobReport[] {
    return [...this.reports];
  }

  preview(doc: ReceiptDocument): ReceiptPreview {
    this.painter ??= systemGlyphPainter();
    return previewReceipt(doc, { paperWidth: this.paperWidth, rasterizeLine: this.rasterizeLine, painter: this.painter });
  }

  print(doc: ReceiptDocument): Promise<PrintJobReport> {
    const jobId = `job-${Date.now().toString(36)}-${(++this.jobCounter).toString(36)}`;
    let encoded: Uint8Array;
    try {
      const { bytes: body } = encodeReceipt(doc, this.rasterizeLine ? { paperWidth: this.paperWidth, rasterizeLine: this.rasterizeLine } : { paperWidth: this.paperWidth });
      encoded = new Uint8Array(body.length + 3);
      encoded.set(body);
      encoded.set(cmd.transmitPaperStatus, body.length);
    } catch (error) {
      const detail = `could not encode the document: ${error instanceof Error ? error.message : 'unknown error'}`;
      return Promise.resolve(this.report(jobId, doc.title, { outcome: 'failed', detail, retry: false, nearEnd: false }, 0, 0));
    }
    return this.queue.run(async () => {
      if (!(await this.ensureOpen())) {
        return this.report(jobId, doc.title, { outcome: 'offline', detail: `no printer answers at ${this.transport.description}`, retry: false, nearEnd: false }, 0, encoded.length);
      }
      this.setState('busy', `printing ${doc.title}`, true);
      let attempt: Attempt = { outcome: 'failed', detail: 'not attempted', retry: true, nearEnd: false };
      let attempts = 0;
      while (attempts < 2 && attempt.retry) {
        if (attempts > 0) {
          if (!(await this.relink())) {
            attempt = { outcome: 'offline', detail: `${this.transport.description} cannot be reopened`, retry: false, nearEnd: attempt.nearEnd };
            break;
          }
          await this.flushHalfCommand();
        }
        attempts++;
        attempt = await this.attempt(encoded);
      }
      return this.report(jobId, doc.title, attempt, attempts, encoded.length);
    });
  }

  private async attempt(job: Uint8Array): Promise<Attempt> {
    const reader = this.reader;
    if (!reader || !this.transport.isOpen()) return { outcome: 'offline', detail: 'printer link is down', retry: true, nearEnd: false };
    const before = await this.readCondition();
    if (!before) return { outcome: 'offline', detail: 'printer did not answer the status request', retry: true, nearEnd: false };
    this.noteCondition(before);
    const refused = this.refusal(before);
    if (refused) return refused;

    const timeout = this.jobTimeoutMs + Math.ceil(job.length / 1024) * this.jobTimeoutPerKbMs;
    const done = await reader.ask(job, isPaperSensorReply, timeout);
    if (done === null) {
      const after = await this.readCondition();
      if (!after) return { outcome: 'offline', detail: 'printer went silent during the job', retry: true, nearEnd: before.paperNearEnd };
      this.noteCondition(after);
      // The printer holds the rest of the job; clear it so a reprint is not doubled when paper comes back.
      await this.transport.write(bytes(cmd.recoverClearing)).catch(() => undefined);
      return this.refusal(after) ?? { outcome: 'failed', detail: `no end-of-job reply (${describeCondition(after)})`, retry: true, nearEnd: after.paperNearEnd };
    }
    const after = await this.readCondition();
    const nearEnd = (done & 0x03) === 0x03 || (after?.paperNearEnd ?? false);
    if (after) this.noteCondition(after);
    if (nearEnd) this.raise('paper-near-end', 'paper roll is near its end');
    return { outcome: 'printed', detail: nearEnd ? 'printed; paper near end' : 'printed', retry: false, nearEnd };
  }

  private refusal(c: PrinterCondition): Attempt | null {
    if (c.coverOpen) return { outcome: 'cover-open', detail: 'printer cover is open', retry: false, nearEnd: c.paperNearEnd };
    if (c.paperOut) return { outcome: 'paper-out', detail: 'printer is out of paper', retry: false, nearEnd: c.paperNearEnd };
    if (c.cutterError || c.unrecoverableError || c.autoRecoverableError) {
      void this.transport.write(bytes(cmd.recoverClearing)).catch(() => undefined);
      return { outcome: 'failed', detail: `printer error: ${describeCondition(c)}`, retry: false, nearEnd: c.paperNearEnd };
    }
    return null;
  }

  private noteCondition(c: PrinterCondition): void {
    if (c.coverOpen) this.raise('cover-open', 'printer cover is open');
    else if (c.paperOut) this.raise('paper-out', 'printer is out of paper');
    else if (c.cutterError || c.unrecoverableError || c.autoRecoverableError) this.raise('printer-error', describeCondition(c));
    else if (c.paperNearEnd) this.raise('paper-near-end', 'paper roll is near its end');
    else this.lastAlert = null;
    const ready = !c.coverOpen && !c.paperOut && !c.cutterError && !c.unrecoverableError;
    this.setState(ready ? 'idle' : 'error', describeCondition(c), true);
  }

  /** One alert per change of condition, not one per status poll. */
  private raise(kind: PrinterAlertKind, detail: string): void {
    if (this.lastAlert === kind) return;
    this.lastAlert = kind;
    const alert: PrinterAlert = { kind, detail, at: new Date().toISOString() };
    this.events.emit('alert', alert);
  }

  private report(jobId: string, title: string, a: Attempt, attempts: number, size: number): PrintJobReport {
    const report: PrintJobReport = { jobId, title, outcome: a.outcome, detail: a.detail, attempts, paperNearEnd: a.nearEnd, bytes: size, at: new Date().toISOString() };
    this.reports.push(report);
    while (this.reports.length > this.keepReports) this.reports.shift();
    if (a.outcome === 'printed') this.setState('idle', a.nearEnd ? 'paper near end' : undefined, true);
    else this.setState('error', a.detail, this.transport.isOpen());
    this.events.emit('job', report);
    return report;
  }

  async checkHealth(level: HealthLevel): Promise<HealthReport> {
    const at = new Date().toISOString();
    if (level === 'internal') return { level, ok: this.opened, detail: this.opened ? `open on ${this.transport.description}` : 'closed', at };
    const result = await this.queryCondition();
    if (result.code !== 'ok') return { level, ok: false, detail: result.detail, at };
    const detail = describeCondition(result.value);
    return { level, ok: !result.value.paperOut && !result.value.coverOpen, detail, at };
  }
}
