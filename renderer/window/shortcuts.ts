// Keyboard shortcuts of the window workstation. Alt + a letter (by physical key, so an input method or a
// keyboard layout does not change them); each button shows its shortcut. Pure, so it is unit-tested.

export type Command =
  | 'find'
  | 'card'
  | 'reveal'
  | 'lock'
  | 'accept'
  | 'supplement'
  | 'reject'
  | 'special'
  | 'handout'
  | 'evaluate'
  | 'walkin'
  | 'precheck'
  | 'camera'
  | 'zoomIn'
  | 'zoomOut'
  | 'rotate'
  | 'nextPage'
  | 'prevPage';

const ALT: Record<string, Command> = {
  KeyF: 'find',
  KeyC: 'card',
  KeyV: 'reveal',
  KeyL: 'lock',
  KeyA: 'accept',
  KeyS: 'supplement',
  KeyR: 'reject',
  KeyP: 'special',
  KeyH: 'handout',
  KeyE: 'evaluate',
  KeyN: 'walkin',
  KeyK: 'precheck',
  KeyM: 'camera',
  Equal: 'zoomIn',
  NumpadAdd: 'zoomIn',
  Minus: 'zoomOut',
  NumpadSubtract: 'zoomOut',
  KeyO: 'rotate',
  PageDown: 'nextPage',
  PageUp: 'prevPage',
};

/** The label shown on a button, e.g. "Alt+A". */
export const SHORTCUT_LABEL: Record<Command, string> = Object.fromEntries(
  Object.entries(ALT)
    .filter(([code]) => !code.startsWith('Numpad'))
    .map(([code, command]) => [command, `Alt+${code.startsWith('Key') ? code.slice(3) : code === 'Equal' ? '=' : code === 'Minus' ? '-' : code}`]),
) as Record<Command, string>;

export interface KeyLike {
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export function commandOf(event: KeyLike): Command | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  return ALT[event.code] ?? null;
}
