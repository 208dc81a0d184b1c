import type { Transport } from '../../transports/transport';
import { commands } from '../../protocols/idcard';
import { SamSession } from './sam-session';

/**
 * Where a reader might be: candidate transports tried in order (one port at several rates, or several
 * discovered ports). Called again on every reconnect, so a provider can put the last good one first.
 */
export type TransportCandidates = (() => Promise<readonly Transport[]>) & {
  /** Told which candidate answered, so it can go first next time. */
  remember?: (transport: Transport) => void;
};

export type ConnectOutcome =
  | { readonly ok: true; readonly transport: Transport; readonly session: SamSession }
  /** `unsupported`: something answered, but never with a valid SAM frame (a vendor MCU protocol). */
  | { readonly ok: false; readonly code: 'no-hardware' | 'unsupported' | 'failure'; readonly detail: string };

/**
 * Opens each candidate and asks the SAM for its status (0x11). The first one that answers with a valid
 * frame wins. A SAM that answers 0x60/0x66 is reported as a hardware fault.
 */
export async function connectSam(candidates: readonly Transport[], probeTimeoutMs: number): Promise<ConnectOutcome> {
  let spokeSomethingElse: string | null = null;
  let fault: string | null = null;
  const tried: string[] = [];
  for (const transport of candidates) {
    tried.push(transport.description);
    try {
      await transport.open();
    } catch {
      continue;
    }
    const session = new SamSession(transport);
    let answer = await session.send(commands.samStatus, probeTimeoutMs);
    // One retry: a reader that was just plugged in can emit power-up noise.
    if (!answer.ok && answer.error === 'timeout') answer = await session.send(commands.samStatus, probeTimeoutMs);
    if (answer.ok) {
      if (answer.response.sw3 === 0x90) return { ok: true, transport, session };
      fault = `SAM reports status 0x${answer.response.sw3.toString(16)} on ${transport.description}`;
    } else if (answer.sawBytes) {
      spokeSomethingElse = transport.description;
    }
    session.dispose();
    await transport.close().catch(() => undefined);
  }
  if (fault) return { ok: false, code: 'failure', detail: fault };
  if (spokeSomethingElse) {
    return {
      ok: false,
      code: 'unsupported',
      detail: `the device on ${spokeSomethingElse} answers, but not with SAM frames (vendor protocol?); not supported`,
    };
  }
  return { ok: false, code: 'no-hardware', detail: tried.length ? `no SAM answered on ${tried.join(', ')}` : 'no candidate port' };
}
