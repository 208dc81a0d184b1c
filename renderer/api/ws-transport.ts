import { ServerMessage } from '../../src/contract';
import type { CallResult, ClientTransport } from '../../src/contract';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface WsTransport extends ClientTransport {
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}

const TRANSPORT_DOWN: CallResult = {
  ok: false,
  error: { code: 'TRANSPORT', reason: 'contract.noAnswer', message: 'The terminal service is not reachable' },
};

/**
 * The web shell's transport: one WebSocket, calls matched by id, reconnect with backoff. A call made
 * while disconnected waits for the connection; calls in flight when it drops fail with TRANSPORT.
 */
export function createWsTransport(url: string, WebSocketImpl: typeof WebSocket = WebSocket): WsTransport {
  let socket: WebSocket | null = null;
  let nextId = 1;
  let retryMs = 250;
  let closedByUs = false;
  const pending = new Map<number, (result: CallResult) => void>();
  const queue: string[] = [];
  const eventListeners = new Set<(event: string, payload: unknown) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const setState = (state: ConnectionState) => stateListeners.forEach((l) => l(state));

  const connect = () => {
    setState('connecting');
    const ws = new WebSocketImpl(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      setState('open');
      while (queue.length) ws.send(queue.shift() as string);
    };
    ws.onmessage = (message: MessageEvent) => {
      let raw: unknown;
      try {
        raw = JSON.parse(String(message.data));
      } catch {
        return;
      }
      const parsed = ServerMessage.safeParse(raw);
      if (!parsed.success) return;
      const msg = parsed.data;
      if (msg.type === 'result') {
        pending.get(msg.id)?.(msg.result);
        pending.delete(msg.id);
      } else {
        eventListeners.forEach((l) => l(msg.event, msg.payload));
      }
    };
    ws.onclose = () => {
      socket = null;
      for (const resolve of pending.values()) resolve(TRANSPORT_DOWN);
      pending.clear();
      setState('closed');
      if (closedByUs) return;
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5_000);
    };
  };

  connect();

  return {
    invoke(method, input) {
      const id = nextId++;
      const text = JSON.stringify({ type: 'call', id, method, input });
      return new Promise<CallResult>((resolve) => {
        pending.set(id, resolve);
        if (socket && socket.readyState === WebSocketImpl.OPEN) socket.send(text);
        else queue.push(text);
      });
    },
    subscribe(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnectionChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close() {
      closedByUs = true;
      socket?.close();
    },
  };
}
