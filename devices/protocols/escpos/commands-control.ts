import { columnWidth } from './commands-text';
import type { Machine } from './machine';
import { u8 } from './machine';
import type { CommandSpec } from './table';
import { DLE, ESC, GS, computed, fixed, lengthAt16 } from './table';

// Control bytes, feeds and cuts, real-time and transmit status, and the documented commands that do not
// change the paper (drawer, buzzer, panel buttons, memory switches, macros, NV memory…): read by length.

/** Head-to-cutter distance a function B/C/D cut feeds first (≈ 15 mm on 80 mm printers). */
export const CUTTER_FEED = 120;

function cut(m: Machine, at: number, partial: boolean, feed: number): void {
  m.layout.cut(m.state, partial, feed);
  m.tallies.cuts += 1;
}

function gsV(m: Machine, at: number): void {
  const mode = u8(m, at + 2);
  const n = u8(m, at + 3);
  if (mode === 0 || mode === 48) cut(m, at, false, 0);
  else if (mode === 1 || mode === 49) cut(m, at, true, 0);
  else if (mode === 65 || mode === 97 || mode === 103) cut(m, at, false, CUTTER_FEED + n);
  else if (mode === 66 || mode === 98 || mode === 104) cut(m, at, true, CUTTER_FEED + n);
  else m.report(`GS V mode ${mode} unknown at byte ${at}: no cut`);
}

const feed = (m: Machine, dots: number): void => {
  m.layout.printLine(m.state, dots);
  m.tallies.feeds += 1;
};

const status = (m: Machine): void => void (m.tallies.statusQueries += 1);

const skip = (prefix: number[], name: string, summary: string, size: CommandSpec['size']): CommandSpec => ({ prefix, name, support: 'skipped', summary, size });

export const controlCommands: readonly CommandSpec[] = [
  { prefix: [0x0a], name: 'LF', support: 'supported', summary: 'print the line and feed one line spacing', size: fixed(1), run: (m) => m.layout.printLine(m.state, m.state.lineSpacing) },
  { prefix: [0x0d], name: 'CR', support: 'supported', summary: 'carriage return (ignored: automatic line feed off)', size: fixed(1) },
  { prefix: [0x09], name: 'HT', support: 'supported', summary: 'horizontal tab to the next ESC D stop', size: fixed(1), run: (m) => m.layout.tab(m.state, columnWidth(m)) },
  { prefix: [0x0c], name: 'FF', support: 'supported', summary: 'print the line buffer (standard mode)', size: fixed(1), run: (m) => void (m.layout.lineEmpty ? undefined : m.layout.printLine(m.state, m.state.lineSpacing)) },
  { prefix: [0x00], name: 'NUL', support: 'supported', summary: 'padding (ignored; drivers flush half-received commands with it)', size: fixed(1) },
  skip([0x18], 'CAN', 'cancel page-mode data (no effect in standard mode)', fixed(1)),
  { prefix: [ESC, 0x64], name: 'ESC d', support: 'supported', summary: 'print and feed n lines', size: fixed(3), run: (m, at) => feed(m, u8(m, at + 2) * m.state.lineSpacing) },
  { prefix: [ESC, 0x4a], name: 'ESC J', support: 'supported', summary: 'print and feed n dots', size: fixed(3), run: (m, at) => feed(m, u8(m, at + 2)) },
  { prefix: [ESC, 0x65], name: 'ESC e', support: 'skipped', summary: 'print and reverse feed n lines (the line prints; no reverse motion)', size: fixed(3), run: (m) => m.layout.printLine(m.state, 0) },
  { prefix: [ESC, 0x4b], name: 'ESC K', support: 'skipped', summary: 'print and reverse feed n dots (the line prints; no reverse motion)', size: fixed(3), run: (m) => m.layout.printLine(m.state, 0) },
  { prefix: [GS, 0x56], name: 'GS V', support: 'supported', summary: 'cut: function A full/partial (0, 1, 48, 49), B/C/D feed to the cutter + n then cut (65, 66, 97, 98, 103, 104)', size: computed(3, (h) => ([65, 66, 97, 98, 103, 104].includes(h(2)) ? 4 : 3)), run: gsV },
  { prefix: [ESC, 0x69], name: 'ESC i', support: 'supported', summary: 'full cut (older command)', size: fixed(2), run: (m, at) => cut(m, at, false, 0) },
  { prefix: [ESC, 0x6d], name: 'ESC m', support: 'supported', summary: 'partial cut (older command)', size: fixed(2), run: (m, at) => cut(m, at, true, 0) },
  // Status
  { prefix: [DLE, 0x04], name: 'DLE EOT', support: 'supported', summary: 'real-time status n = 1–4 (answered by the virtual printer; prints nothing)', size: computed(3, (h) => (h(2) === 7 || h(2) === 8 ? 4 : 3)), run: status },
  { prefix: [DLE, 0x05], name: 'DLE ENQ', support: 'supported', summary: 'real-time request: recover (1) / recover and clear buffers (2)', size: fixed(3) },
  skip([DLE, 0x14], 'DLE DC4', 'real-time drawer pulse, power-off, buffer clear', computed(3, (h) => (h(2) === 7 ? 4 : h(2) === 8 ? 10 : 5))),
  { prefix: [GS, 0x72], name: 'GS r', support: 'supported', summary: 'transmit paper/drawer status (end-of-job marker)', size: fixed(3), run: status },
  { prefix: [GS, 0x61], name: 'GS a', support: 'supported', summary: 'automatic status back on/off (answered by the driver’s printer; prints nothing)', size: fixed(3) },
  { prefix: [ESC, 0x76], name: 'ESC v', support: 'supported', summary: 'transmit paper status (clones)', size: fixed(2), run: status },
  skip([GS, 0x49], 'GS I', 'transmit printer ID', fixed(3)),
  skip([ESC, 0x75], 'ESC u', 'transmit peripheral status', fixed(3)),
  skip([GS, 0x6a], 'GS j', 'automatic status back for ink', fixed(3)),
  skip([GS, 0x28, 0x48], 'GS ( H', 'request transmission of response/status (process ID)', lengthAt16(5)),
  // Documented, no effect on the paper
  skip([ESC, 0x70], 'ESC p', 'cash drawer pulse', fixed(5)),
  skip([ESC, 0x63], 'ESC c', 'paper sensors (c 3, c 4) and panel buttons (c 5)', fixed(4)),
  skip([ESC, 0x3d], 'ESC =', 'select peripheral device', fixed(3)),
  skip([ESC, 0x3c], 'ESC <', 'return home', fixed(2)),
  skip([ESC, 0x42], 'ESC B', 'buzzer (Chinese firmware)', fixed(4)),
  skip([ESC, 0x37], 'ESC 7', 'heating dots/time/interval (Chinese firmware)', fixed(5)),
  skip([ESC, 0x38], 'ESC 8', 'sleep parameters (Chinese firmware)', fixed(4)),
  skip([ESC, 0x28, 0x41], 'ESC ( A', 'beeper', lengthAt16(5)),
  skip([ESC, 0x28, 0x59], 'ESC ( Y', 'dual-colour selection', lengthAt16(5)),
  { ...skip([ESC, 0x5a], 'ESC Z', 'non-Epson 2-D code print (reported: not drawn)', computed(7, (h) => 7 + h(5) + h(6) * 256)), run: (m, at) => m.report(`ESC Z (non-Epson 2-D code) not drawn at byte ${at}`) },
  skip([GS, 0x5a], 'GS Z', 'non-Epson 2-D code type', fixed(3)),
  skip([GS, 0x3a], 'GS :', 'macro definition start/end', fixed(2)),
  skip([GS, 0x5e], 'GS ^', 'execute macro (contents not replayed)', fixed(5)),
  skip([GS, 0x45], 'GS E', 'print density / head energy', fixed(3)),
  skip([GS, 0x7a], 'GS z', 'online recovery wait time', fixed(5)),
  skip([GS, 0x67], 'GS g', 'maintenance counters', computed(3, (h) => (h(2) === 0x30 || h(2) === 0x32 ? 6 : 3))),
  skip([GS, 0x63], 'GS c', 'print counter', fixed(2)),
  skip([GS, 0x28, 0x41], 'GS ( A', 'test print', lengthAt16(5)),
  skip([GS, 0x28, 0x43], 'GS ( C', 'NV user memory', lengthAt16(5)),
  skip([GS, 0x28, 0x44], 'GS ( D', 'enable/disable real-time commands', lengthAt16(5)),
  skip([GS, 0x28, 0x45], 'GS ( E', 'user setup (memory switches)', lengthAt16(5)),
  skip([GS, 0x28, 0x4b], 'GS ( K', 'print control (density, speed)', lengthAt16(5)),
  skip([GS, 0x28, 0x4d], 'GS ( M', 'customize settings', lengthAt16(5)),
  skip([GS, 0x28, 0x50], 'GS ( P', 'page-mode control', lengthAt16(5)),
  skip([GS, 0x28, 0x7a], 'GS ( z', 'non-standard paper settings', lengthAt16(5)),
  skip([0x1c, 0x28, 0x4c], 'FS ( L', 'label and black-mark paper control', lengthAt16(5)),
  skip([0x1c, 0x28, 0x65], 'FS ( e', 'automatic status back for the optional units', lengthAt16(5)),
  skip([0x1c, 0x67, 0x31], 'FS g 1', 'write NV user memory', computed(10, (h) => 10 + h(8) + h(9) * 256)),
  skip([0x1c, 0x67, 0x32], 'FS g 2', 'read NV user memory', fixed(10)),
];
