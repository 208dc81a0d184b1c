import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Dispatcher, WindowRole } from '../../src/contract';
import type { EventBus } from '../event-bus';

export const INVOKE_CHANNEL = 'contract:invoke';
export const EVENT_CHANNEL = 'contract:event';
const ROLES: readonly WindowRole[] = ['kiosk', 'window', 'customer', 'technician'];

/** The caller's role comes from its frame's app://<role>/ origin; anything else is not ours. */
export function roleOfSender(frameUrl: string | undefined): WindowRole | null {
  if (!frameUrl) return null;
  try {
    const url = new URL(frameUrl);
    if (url.protocol !== 'app:') return null;
    return ROLES.find((r) => r === url.hostname) ?? null;
  } catch {
    return null;
  }
}

/** IPC adapter: the same dispatcher as the web shell, behind a sender check. */
export function registerIpc(ipcMain: IpcMain, dispatcher: Dispatcher, bus: EventBus, windows: () => WebContents[]): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const role = roleOfSender(event.senderFrame?.url);
    if (!role) return { ok: false, error: { code: 'FORBIDDEN', message: 'Caller is not a terminal window' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'BAD_INPUT', message: 'Method must be a string' } };
    return dispatcher.dispatch(method, input, { role });
  });
  const unsubscribe = bus.subscribe((name, payload) => {
    for (const contents of windows()) {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
    }
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
