import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from './store';

const KEY = new Uint8Array(32).fill(7);

describe('settings and device bindings (migration 7)', () => {
  it('stores, replaces and deletes settings; keeps one binding per role across a reopen', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'settings-')), 'terminal.sqlite');
    const store = openStore({ path, key: KEY });
    expect(store.settings.get('terminal.identity')).toBeNull();
    store.settings.set('terminal.identity', '{"a":1}', '2026-03-02T09:00:00Z');
    store.settings.set('terminal.identity', '{"a":2}', '2026-03-02T09:01:00Z');
    expect(store.settings.get('terminal.identity')).toBe('{"a":2}');
    store.deviceBindings.put('printer', '{"kind":"printer-escpos"}', '2026-03-02T09:00:00Z');
    store.deviceBindings.put('printer', '{"kind":"printer-escpos","enabled":false}', '2026-03-02T09:02:00Z');
    store.close();
    const again = openStore({ path, key: KEY });
    expect(again.deviceBindings.list()).toEqual([{ role: 'printer', entry: '{"kind":"printer-escpos","enabled":false}', updatedAt: '2026-03-02T09:02:00Z' }]);
    expect(again.settings.delete('terminal.identity')).toBe(true);
    expect(again.settings.get('terminal.identity')).toBeNull();
    expect(() => again.deviceBindings.put('toaster', '{}', '2026-03-02T09:00:00Z')).toThrow(/CHECK/);
    again.close();
  });
});
