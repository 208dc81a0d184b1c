import { useEffect, useState } from 'react';
import { errorMessage } from './error-message';

export type CallState<T> = { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; message: string };

/** Runs one contract call when its key changes; stale answers are dropped. */
export function useCall<T>(key: string, call: () => Promise<T>): CallState<T> {
  const [state, setState] = useState<CallState<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    call().then(
      (data) => live && setState({ status: 'ok', data }),
      (error: unknown) => live && setState({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
    // `call` is recreated each render; `key` says when the question really changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
