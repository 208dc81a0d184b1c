import { createClient } from '../../src/contract';
import type { ClientTransport, ContractClient, WindowRole } from '../../src/contract';
import { createWsTransport } from './ws-transport';
import type { ConnectionState } from './ws-transport';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the web shell. */
    kiosk?: ClientTransport;
  }
}

function meta(name: string): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
}

const ROLES: readonly WindowRole[] = ['kiosk', 'window', 'customer', 'technician'];

export function pageRole(): WindowRole {
  const role = meta('kiosk-role');
  return (ROLES as readonly string[]).includes(role) ? (role as WindowRole) : 'kiosk';
}

type ConnectionListener = (state: ConnectionState) => void;

function pickTransport(): { transport: ClientTransport; onConnectionChange: (l: ConnectionListener) => () => void } {
  if (window.kiosk) return { transport: window.kiosk, onConnectionChange: () => () => {} };
  const url = new URL('/api', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', meta('kiosk-session'));
  url.searchParams.set('role', pageRole());
  const ws = createWsTransport(url.toString());
  return { transport: ws, onConnectionChange: ws.onConnectionChange };
}

const picked = pickTransport();

/** The renderer's only way to the privileged side. */
export const api: ContractClient = createClient(picked.transport);
export const onConnectionChange = picked.onConnectionChange;
