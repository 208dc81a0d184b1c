// `npm run sim:printer -- [--tcp 9100] [--pty DIR] [--paper 58|80] [--out DIR] [--font FILE]`: a virtual ESC/POS printer
// for manual end-to-end checks against a real terminal or a printing tool. Each finished job is written to
// --out as job-N.bin (the bytes) and job-N.png (what the printer would have printed). Type ok, near-end,
// out or cover-open + Enter to change the paper state. --font names the CJK font the PNGs are drawn with
// (default: the first of the usual system locations; boxes without one). Problems the interpreter found in
// a job (unknown or truncated commands, over-wide lines or symbols) are printed after its line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { paperWidthDots } from '../../../src/kernel/receipt';
import { interpret } from '../../protocols/escpos/interpreter';
import { systemGlyphPainter } from '../../preview/glyphs';
import { serveTcp, servePty } from './hosts';
import { VirtualPrinter } from './virtual-printer';
import type { PaperState } from './virtual-printer';

const { values } = parseArgs({
  options: {
    tcp: { type: 'string' },
    pty: { type: 'string' },
    paper: { type: 'string', default: '80' },
    out: { type: 'string', default: 'printer-jobs' },
    font: { type: 'string' },
  },
});
const painter = systemGlyphPainter(values.font);
const printer = new VirtualPrinter({ paperWidth: paperWidthDots(values.paper === '58' ? 58 : 80), painter });
console.log(`glyphs: ${painter.source}`);
const out = values.out ?? 'printer-jobs';
mkdirSync(out, { recursive: true });

printer.events.on('job', (job) => {
  writeFileSync(join(out, `job-${job.id}.bin`), job.bytes);
  const png = printer.jobPng(job.id);
  if (png) writeFileSync(join(out, `job-${job.id}.png`), png);
  console.log(`job ${job.id}: ${job.outcome}, ${job.bytes.length} bytes → ${join(out, `job-${job.id}.png`)}`);
  const seen = interpret(job.bytes, printer.paperWidth);
  for (const problem of seen.problems) console.log(`  ${problem}`);
  if (seen.skipped.length > 0) console.log(`  skipped: ${seen.skipped.map((s) => `${s.command} ×${s.count}`).join(', ')}`);
});

if (values.tcp) {
  const host = await serveTcp(printer, Number(values.tcp), '127.0.0.1');
  console.log(`virtual printer on tcp://127.0.0.1:${host.port}`);
}
if (values.pty) {
  mkdirSync(values.pty, { recursive: true });
  const host = await servePty(printer, values.pty);
  console.log(`virtual printer on PTY; point the terminal at serial:${host.hostPath} or file:${host.hostPath}`);
  process.on('exit', () => void host.close());
}
if (!values.tcp && !values.pty) {
  console.log('give --tcp PORT and/or --pty DIR');
  process.exit(2);
}

const states: readonly PaperState[] = ['ok', 'near-end', 'out', 'cover-open'];
createInterface({ input: process.stdin }).on('line', (line) => {
  const state = states.find((s) => s === line.trim());
  if (state) {
    printer.setPaper(state);
    console.log(`paper: ${state}`);
  } else if (line.trim()) console.log(`paper states: ${states.join(', ')}`);
});
