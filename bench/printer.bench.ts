// Receipt printing without the wire: (1) "print this receipt" — template → document → GB18030 ESC/POS
// bytes → DLE EOT status round trip → last job byte handed to the transport — median over 500 runs, on a
// transport that answers at once; (2) the overhead of our encoding layer: encodeReceipt() against the raw
// library work inside it (iconv-lite GB18030 encoding of the same text), same document, medians over 500.
import iconv from 'iconv-lite';
import { EscPosPrinter } from '../devices/drivers/printer/escpos-printer';
import { TypedEmitter } from '../devices/model/emitter';
import { encodeReceipt } from '../devices/protocols/escpos/encoder';
import type { Transport, TransportEvents } from '../devices/transports/transport';
import type { ReceiptDocument } from '../src/kernel/receipt';
import { applicationReceipt, sampleApplicationReceipt } from '../src/documents';
import { round, summarize } from './stats';

const RUNS = 500;
const WARMUP = 50;

/** A printer that is always ready and answers every status request at once; records the last job write. */
class InstantTransport implements Transport {
  readonly events = new TypedEmitter<TransportEvents>();
  readonly description = 'instant';
  lastJobWrittenAt = 0;
  private open_ = false;
  isOpen(): boolean {
    return this.open_;
  }
  async open(): Promise<void> {
    this.open_ = true;
  }
  async close(): Promise<void> {
    this.open_ = false;
  }
  async write(data: Uint8Array): Promise<void> {
    if (data.length > 3) this.lastJobWrittenAt = performance.now();
    const last = data[data.length - 1] ?? 0;
    const isStatus = data.length === 3 && data[0] === 0x10 && data[1] === 0x04;
    const isJob = data.length > 3 && data[data.length - 3] === 0x1d && data[data.length - 2] === 0x72;
    if (isStatus) queueMicrotask(() => this.events.emit('data', Uint8Array.of(0x12)));
    else if (isJob && last === 1) queueMicrotask(() => this.events.emit('data', Uint8Array.of(0x00)));
  }
}

function textOf(doc: ReceiptDocument): string {
  const parts: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'text') parts.push(b.text);
    else if (b.kind === 'pair') parts.push(b.left, b.right);
    else if (b.kind === 'qr' || b.kind === 'barcode') parts.push(b.data);
    else if (b.kind === 'rule') parts.push('-'.repeat(48));
  }
  return parts.join('\n');
}

const transport = new InstantTransport();
const printer = new EscPosPrinter(transport, { paperWidth: 576 });
await printer.open();

const endToEnd: number[] = [];
for (let i = 0; i < WARMUP + RUNS; i++) {
  const started = performance.now();
  const report = await printer.print(applicationReceipt({ ...sampleApplicationReceipt, trackingNumber: `TRK2026${String(i).padStart(6, '0')}` }));
  if (report.outcome !== 'printed') throw new Error(`unexpected outcome ${report.outcome}`);
  if (i >= WARMUP) endToEnd.push(transport.lastJobWrittenAt - started);
}
await printer.close();

const doc = applicationReceipt(sampleApplicationReceipt);
const text = textOf(doc);
const ours: number[] = [];
const raw: number[] = [];
let sink = 0;
for (let i = 0; i < WARMUP + RUNS; i++) {
  let t = performance.now();
  sink += encodeReceipt(doc, { paperWidth: 576 }).bytes.length;
  const oursMs = performance.now() - t;
  t = performance.now();
  sink += iconv.encode(text, 'gb18030').length;
  const rawMs = performance.now() - t;
  if (i >= WARMUP) {
    ours.push(oursMs);
    raw.push(rawMs);
  }
}

const e2e = summarize(endToEnd);
const o = summarize(ours);
const r = summarize(raw);
console.log(
  JSON.stringify({
    runs: RUNS,
    document: 'application-receipt, 80 mm',
    jobBytes: encodeReceipt(doc, { paperWidth: 576 }).bytes.length,
    printToLastByteMs: { p50: round(e2e.p50), p95: round(e2e.p95), max: round(e2e.max) },
    encodeOursMs: { p50: round(o.p50, 4), p95: round(o.p95, 4) },
    encodeRawIconvMs: { p50: round(r.p50, 4), p95: round(r.p95, 4) },
    oursToRawRatio: round(o.p50 / r.p50, 2),
    sink: sink > 0,
  }),
);
