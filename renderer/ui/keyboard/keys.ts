export type KeyboardLayout = 'letters' | 'digits' | 'idNumber';

export type Key = { kind: 'char'; char: string } | { kind: 'backspace' } | { kind: 'clear' } | { kind: 'space' } | { kind: 'switch'; to: KeyboardLayout };

const chars = (row: string): Key[] => Array.from(row).map((char) => ({ kind: 'char', char }));

/** Key rows per layout. Letters type pinyin or initials (search understands both); digits for numbers. */
export function rowsOf(layout: KeyboardLayout): Key[][] {
  switch (layout) {
    case 'letters':
      return [
        chars('1234567890'),
        chars('qwertyuiop'),
        chars('asdfghjkl'),
        [...chars('zxcvbnm'), { kind: 'backspace' }],
        [{ kind: 'space' }, { kind: 'clear' }],
      ];
    case 'digits':
      return [chars('123'), chars('456'), chars('789'), [{ kind: 'clear' }, { kind: 'char', char: '0' }, { kind: 'backspace' }]];
    case 'idNumber':
      return [chars('123'), chars('456'), chars('789'), [{ kind: 'char', char: 'X' }, { kind: 'char', char: '0' }, { kind: 'backspace' }], [{ kind: 'clear' }]];
  }
}

/** The new value after one key press, never longer than `maxLength`. */
export function applyKey(value: string, key: Key, maxLength: number): string {
  switch (key.kind) {
    case 'char':
      return Array.from(value).length >= maxLength ? value : value + key.char;
    case 'space':
      return value.length === 0 || value.endsWith(' ') || Array.from(value).length >= maxLength ? value : value + ' ';
    case 'backspace':
      return Array.from(value).slice(0, -1).join('');
    case 'clear':
      return '';
    case 'switch':
      return value;
  }
}
