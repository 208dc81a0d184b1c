import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Dispatcher, WindowRole } from '../../src/contract';
import type { EventBus } from '../event-bus';
import { eventForRole } from '../role-events';

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

type Sender = Pick<WebContents, 'id' | 'once' | 'on' | 'off'>;

/** A main-frame navigation to another document (not a hash change or pushState inside the page). */
function replacesPage(details: unknown): boolean {
  if (typeof details !== 'object' || details === null) return true;
  const d = details as { isSameDocument?: unknown; isMainFrame?: unknown };
  return d.isSameDocument !== true && d.isMainFrame !== false;
}

/**
 * The connection id of a window's page: its webContents id plus a generation that changes whenever the page
 * is replaced (navigation, crash and reload, close), so a technician unlock never outlives the page.
 */
function connectionTracker(dispatcher: Dispatcher) {
  const current = new Map<number, string>();
  let generation = 0;
  return (sender: Sender | undefined): string | undefined => {
    if (!sender || typeof sender.id !== 'number') return undefined;
    const known = current.get(sender.id);
    if (known) return known;
    generation += 1;
    const connection = `wc:${sender.id}:${generation}`;
    current.set(sender.id, connection);
    const onNavigation = (details: unknown) => {
      if (replacesPage(details)) end();
    };
    const end = () => {
      sender.off('did-start-navigation', onNavigation);
      if (current.get(sender.id) !== connection) return;
      current.delete(sender.id);
      dispatcher.connectionClosed(connection);
    };
    sender.once('destroyed', end);
    sender.once('render-process-gone', end);
    sender.on('did-start-navigation', onNavigation);
    return connection;
  };
}

/** IPC adapter: the same dispatcher as the web shell, behind a sender check. */
export function registerIpc(ipcMain: IpcMain, dispatcher: Dispatcher, bus: EventBus, windows: () => WebContents[]): () => void {
  const connectionOf = connectionTracker(dispatcher);
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const role = roleOfSender(event.senderFrame?.url);
    if (!role) return { ok: false, error: { code: 'FORBIDDEN', reason: 'contract.wrongRole', message: 'Caller is not a terminal window' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'BAD_INPUT', reason: 'contract.badInput', message: 'Method must be a string' } };
    const connection = connectionOf(event.sender as Sender | undefined);
    return dispatcher.dispatch(method, input, connection === undefined ? { role } : { role, connection });
  });
  const unsubscribe = bus.subscribe((name, payload) => {
    for (const contents of windows()) {
      // Each page hears an event as its role may (a rating's level reaches only the customer page).
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, eventForRole(roleOfSender(contents.getURL()), name, payload));
    }
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
