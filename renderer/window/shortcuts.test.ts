import { describe, expect, it } from 'vitest';
import { commandOf, SHORTCUT_LABEL } from './shortcuts';

const key = (code: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({ code, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe('window shortcuts', () => {
  it('Alt + the physical key, whatever the layout or input method', () => {
    expect(commandOf(key('KeyA', { altKey: true }))).toBe('accept');
    expect(commandOf(key('KeyS', { altKey: true }))).toBe('supplement');
    expect(commandOf(key('NumpadAdd', { altKey: true }))).toBe('zoomIn');
    expect(commandOf(key('KeyN', { altKey: true }))).toBe('walkin');
    expect(commandOf(key('KeyK', { altKey: true }))).toBe('precheck');
    expect(commandOf(key('KeyM', { altKey: true }))).toBe('camera');
  });
  it('nothing without Alt, or with Ctrl/Meta (browser and system shortcuts stay theirs)', () => {
    expect(commandOf(key('KeyA'))).toBeNull();
    expect(commandOf(key('KeyA', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(commandOf(key('KeyQ', { altKey: true }))).toBeNull();
  });
  it('labels every command once, as shown on the buttons', () => {
    expect(SHORTCUT_LABEL.accept).toBe('Alt+A');
    expect(SHORTCUT_LABEL.zoomIn).toBe('Alt+=');
    expect(SHORTCUT_LABEL.nextPage).toBe('Alt+PageDown');
    expect(new Set(Object.values(SHORTCUT_LABEL)).size).toBe(Object.keys(SHORTCUT_LABEL).length);
  });
});
