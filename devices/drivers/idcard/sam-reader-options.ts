import type { SamCommand } from '../../protocols/idcard';
import type { BackoffSchedule } from '../shared/reconnect';
import type { TransportCandidates } from './connect';
import type { WltDecoder } from './photo';

// Configuration and health figures of the SAM reader driver (sam-reader.ts).

export const READER_OFFLINE = '读卡器未连接 (ID card reader not connected)';

export interface SamReaderOptions {
  /** Driver kind for status, e.g. 'idcard-sam-serial'. */
  kind: string;
  candidates: TransportCandidates;
  /** Delay between presence polls (find card). */
  pollIntervalMs?: number;
  /** Consecutive polls without the card before `removed` is emitted. */
  removeAfterMisses?: number;
  /** Per-command timeouts; defaults from the spec (§11.2). */
  timeouts?: Partial<Record<SamCommand['name'], number>>;
  probeTimeoutMs?: number;
  /** Reconnect backoff after unplug or error (the shared reconnect policy, ../shared/reconnect.ts). */
  backoff?: BackoffSchedule;
  readFingerprints?: boolean;
  readAdditionalAddress?: boolean;
  /**
   * Open succeeds when no reader answers yet (UnifiedPOS: open binds the service, not the hardware): the
   * status says "读卡器未连接" and, once enabled, the driver keeps looking until a reader appears.
   */
  openWhileAbsent?: boolean;
  wltDecoder?: WltDecoder;
  /** Injected clock for the card-validity checks. */
  today?: () => Date;
}

export interface ReaderHealth {
  reads: number;
  failures: number;
  lastError: string | null;
  lastReadMs: number | null;
  reconnects: number;
  samId: string | null;
  link: string | null;
  decoder: { frames: number; garbageBytes: number; badChecksums: number; badLengths: number } | null;
}

