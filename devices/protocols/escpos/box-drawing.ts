import type { DotPage } from './dot-page';

// Box-drawing and block characters drawn the way a printer's ROM font has them: lines one dot wide through
// the middle of the cell, joining the neighbours. Text fonts draw them as hairlines that vanish at 24 dots,
// and receiptline draws its rules and tables with them (Katakana code page 80–9F).

/** up, down, left, right arms of the light box-drawing characters. */
const ARMS: Readonly<Record<string, readonly [boolean, boolean, boolean, boolean]>> = {
  '─': [false, false, true, true],
  '│': [true, true, false, false],
  '┌': [false, true, false, true],
  '┐': [false, true, true, false],
  '└': [true, false, false, true],
  '┘': [true, false, true, false],
  '├': [true, true, false, true],
  '┤': [true, true, true, false],
  '┬': [false, true, true, true],
  '┴': [true, false, true, true],
  '┼': [true, true, true, true],
  '╭': [false, true, false, true],
  '╮': [false, true, true, false],
  '╰': [true, false, false, true],
  '╯': [true, false, true, false],
};

/** Draws `char` if it is a box-drawing or block character; false when it is not one. */
export function drawBoxCharacter(page: DotPage, char: string, x: number, top: number, width: number, height: number, bold: boolean): boolean {
  const arms = ARMS[char];
  const stroke = bold ? 2 : 1;
  if (arms) {
    const cx = x + Math.floor((width - stroke) / 2);
    const cy = top + Math.floor((height - stroke) / 2);
    const [up, down, left, right] = arms;
    if (up) page.fillRect(cx, top, stroke, cy - top + stroke);
    if (down) page.fillRect(cx, cy, stroke, top + height - cy);
    if (left) page.fillRect(x, cy, cx - x + stroke, stroke);
    if (right) page.fillRect(cx, cy, x + width - cx, stroke);
    return true;
  }
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x2581 && code <= 0x2588) {
    const h = Math.round((height * (code - 0x2580)) / 8);
    page.fillRect(x, top + height - h, width, h);
    return true;
  }
  if (code >= 0x2589 && code <= 0x258f) {
    page.fillRect(x, top, Math.round((width * (0x2590 - code)) / 8), height);
    return true;
  }
  if (code === 0x2594) {
    page.fillRect(x, top, width, Math.max(1, Math.round(height / 8)));
    return true;
  }
  if (code === 0x2595) {
    const w = Math.max(1, Math.round(width / 8));
    page.fillRect(x + width - w, top, w, height);
    return true;
  }
  return false;
}
