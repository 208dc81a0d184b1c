// Sync with the central platform, as the UI sees it: state for the kiosk badge and the technician console,
// enrolment with a one-time code, and the dead-letter list a technician can queue again. No personal data
// crosses here: dead letters show what and why, never the record's content.
import { z } from 'zod';
import { event, method } from '../define';
import { Empty } from '../empty';

export const SyncPhase = z.enum([
  /** No platform configured (--no-platform) or not started yet. */
  'off',
  /** A platform is configured but this terminal has no identity for it yet. */
  'unenrolled',
  'idle',
  'syncing',
  'backoff',
  /** Credentials refused (revoked, unknown): sync paused, nothing deleted; re-enrol. */
  'reauth',
  'stopped',
]);
export type SyncPhase = z.infer<typeof SyncPhase>;

export const SyncState = z.object({
  phase: SyncPhase,
  pending: z.number().int().min(0),
  oldestPendingAgeMs: z.number().int().min(0).nullable(),
  deadLetters: z.number().int().min(0),
  /** ISO time records were last acknowledged by the platform. */
  lastSuccessAt: z.string().nullable(),
  lastError: z.object({ at: z.string(), message: z.string() }).nullable(),
  /** Why re-enrolment is needed, in phase reauth. */
  reauth: z.string().nullable(),
});
export type SyncState = z.infer<typeof SyncState>;

export const SyncStatus = SyncState.extend({
  platform: z.object({
    mode: z.enum(['embedded', 'remote', 'off']),
    url: z.string().nullable(),
  }),
  terminalId: z.string().nullable(),
  hallId: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const DeadLetterView = z.object({
  opId: z.number().int().positive(),
  kind: z.string(),
  /** The application (or other record) it belongs to. */
  orderingKey: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  createdAt: z.string(),
  deadAt: z.string(),
});
export type DeadLetterView = z.infer<typeof DeadLetterView>;

export const EnrolResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), terminalId: z.string(), hallId: z.string() }),
  z.object({ ok: z.literal(false), reason: z.enum(['bad-code', 'unreachable', 'refused', 'no-platform']), message: z.string() }),
]);
export type EnrolResult = z.infer<typeof EnrolResult>;

/** The technician console runs in any of these pages, behind its PIN (the dispatcher checks the session). */
const technicianOnly = { roles: ['kiosk', 'window', 'technician'], privileged: true } as const;

export const syncMethods = {
  'sync.status': method({
    description: 'Sync state (pending records, oldest pending age, dead letters, last success and error), platform and identity.',
    input: Empty,
    output: SyncStatus,
  }),
  'sync.enrol': method({
    description: 'Enrol this terminal with a one-time code from the platform administrator; the secret is stored encrypted.',
    input: z
      .object({
        platformUrl: z.url({ protocol: /^https?$/ }).max(500).optional(),
        code: z.string().trim().min(4).max(20),
      })
      .strict(),
    output: EnrolResult,
    ...technicianOnly,
  }),
  'sync.deadLetters': method({
    description: 'Records the platform refused for good, with the reason (never their content).',
    input: Empty,
    output: z.array(DeadLetterView),
    ...technicianOnly,
  }),
  'sync.requeue': method({
    description: 'Queue a dead letter again under a new operation id.',
    input: z.object({ opId: z.number().int().positive() }).strict(),
    output: z.object({ opId: z.number().int().positive() }),
    ...technicianOnly,
  }),
} as const;

export const syncEvents = {
  'sync.state': event({ description: 'Sync state changed (phase, backlog, errors).', payload: SyncState }),
} as const;
