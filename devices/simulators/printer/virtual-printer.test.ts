import { describe, expect, it } from 'vitest';
import { VirtualPrinter } from './virtual-printer';

const job = Uint8Array.of(0x1b, 0x40, 0x1c, 0x26, 0xd6, 0xd0, 0x0a, 0x1d, 0x56, 0x42, 0x00);
const endOfJob = Uint8Array.of(0x1d, 0x72, 0x01);

function collect(printer: VirtualPrinter): number[] {
  const replies: number[] = [];
  printer.events.on('reply', (bytes) => replies.push(...bytes));
  return replies;
}

describe('VirtualPrinter', () => {
  it('answers DLE EOT 1–4 from its paper state, even in the middle of a split command', () => {
    const printer = new VirtualPrinter();
    const replies = collect(printer);
    printer.setPaper('out');
    printer.feed(Uint8Array.of(0x10, 0x04));
    printer.feed(Uint8Array.of(0x02, 0x10, 0x04, 0x04));
    expect(replies).toEqual([0x32, 0x72]);
  });

  it('stores a job when GS r 1 arrives and acknowledges it; near end answers 03', () => {
    const printer = new VirtualPrinter();
    const replies = collect(printer);
    printer.feed(job);
    printer.feed(endOfJob);
    printer.setPaper('near-end');
    printer.feed(job);
    printer.feed(endOfJob);
    expect(replies).toEqual([0x00, 0x03]);
    expect(printer.recentJobs().map((j) => j.outcome)).toEqual(['printed', 'printed']);
    expect(printer.jobPng(1)?.subarray(1, 4)).toEqual(Uint8Array.from([0x50, 0x4e, 0x47]));
  });

  it('holds a job while the cover is open and prints it when closed; DLE ENQ 2 discards instead', () => {
    const printer = new VirtualPrinter();
    const replies = collect(printer);
    printer.setPaper('cover-open');
    printer.feed(Uint8Array.of(...job, ...endOfJob));
    expect(replies).toEqual([]);
    printer.setPaper('ok');
    expect(replies).toEqual([0x00]);
    printer.setPaper('out');
    printer.feed(Uint8Array.of(...job, ...endOfJob, 0x10, 0x05, 0x02));
    printer.setPaper('ok');
    expect(printer.recentJobs().map((j) => j.outcome)).toEqual(['printed', 'discarded']);
    expect(replies).toEqual([0x00]);
  });

  it('keeps only the most recent jobs', () => {
    const printer = new VirtualPrinter({ keepJobs: 2 });
    for (let i = 0; i < 5; i++) printer.feed(Uint8Array.of(...job, ...endOfJob));
    expect(printer.recentJobs().map((j) => j.id)).toEqual([4, 5]);
  });
});
