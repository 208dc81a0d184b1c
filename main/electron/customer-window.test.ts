import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { BrowserWindow } from '../../tests/fakes/electron';
import { silentLogger } from '../log';
import { customerWindowOptions, manageCustomerWindow, secondaryDisplay } from './customer-window';

function fakeScreen(displays: { id: number; bounds: { x: number; y: number; width: number; height: number } }[]) {
  return Object.assign(new EventEmitter(), {
    displays,
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => ({ id: 1 }),
  });
}

const main = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const side = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 800 } };

function setup(displays: (typeof main)[]) {
  const screen = fakeScreen(displays);
  const created: { options: BrowserWindowConstructorOptions; win: BrowserWindow & { closed?: boolean } }[] = [];
  const onChange = vi.fn();
  const manager = manageCustomerWindow({
    screen,
    createWindow: (options) => {
      const win = Object.assign(new BrowserWindow(options), { closed: false, close() { this.closed = true; }, isDestroyed() { return this.closed; } });
      created.push({ options, win });
      return win as never;
    },
    preloadPath: '/app/preload.cjs',
    devTools: false,
    logger: silentLogger,
    onChange,
  });
  return { screen, created, onChange, manager };
}

describe('customer-facing window', () => {
  it('picks the display that is not the primary one', () => {
    expect(secondaryDisplay(fakeScreen([main, side]))?.id).toBe(2);
    expect(secondaryDisplay(fakeScreen([main]))).toBeNull();
  });

  it('opens a sandboxed full-screen customer window on the secondary display', () => {
    const { created, onChange } = setup([main, side]);
    expect(created).toHaveLength(1);
    expect(created[0]?.options).toMatchObject({ x: 1920, y: 0, width: 1280, height: 800, kiosk: true, alwaysOnTop: true, show: false });
    expect(created[0]?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, additionalArguments: ['--kiosk-role=customer'] });
    expect(onChange).toHaveBeenCalledWith(created[0]?.win);
  });

  it('waits for a second display, and closes the window when that display goes away', () => {
    const { screen, created, onChange, manager } = setup([main]);
    expect(created).toHaveLength(0);
    screen.displays.push(side);
    screen.emit('display-added');
    expect(created).toHaveLength(1);
    screen.emit('display-added');
    expect(created).toHaveLength(1);
    screen.displays.pop();
    screen.emit('display-removed');
    expect(created[0]?.win.closed).toBe(true);
    expect(onChange).toHaveBeenLastCalledWith(null);
    expect(manager.current()).toBeNull();
  });

  it('options come from the one place window security is decided', () => {
    expect(customerWindowOptions('/p', true, side.bounds).webPreferences?.devTools).toBe(true);
  });
});
