import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';

// The whole surface the page gets: the contract transport (see src/contract/wire.ts ClientTransport).
// Channel names are repeated here, not imported, so the sandboxed preload bundle stays tiny.
contextBridge.exposeInMainWorld('kiosk', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke('contract:invoke', method, input),
  subscribe: (listener: (event: string, payload: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on('contract:event', wrapped);
    return () => ipcRenderer.removeListener('contract:event', wrapped);
  },
});
