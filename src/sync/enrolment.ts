// The technician's "enrol this terminal" action: exchange the one-time code, store the identity with the
// secret encrypted, and say what went wrong if it did (a reason the console words; the developer's detail).
import { err, ok } from '../kernel/result';
import type { Result } from '../kernel/result';
import { enrol, type Outcome } from './client';
import { saveCredentials, type EnrolledTerminal, type SecretCipher } from './credentials';
import type { EnrolResponse } from '../wire/sync-protocol';

export interface EnrolmentFailure {
  readonly reason: 'bad-code' | 'unreachable' | 'refused';
  /** The developer's detail, for the log. */
  readonly message: string;
}
export type EnrolmentResult = Result<EnrolledTerminal, EnrolmentFailure>;

export async function enrolTerminal(options: {
  platformUrl: string;
  code: string;
  name: string;
  version: string;
  credentialsFile: string;
  cipher: SecretCipher;
  fetch?: typeof fetch;
}): Promise<EnrolmentResult> {
  const code = options.code.trim().toUpperCase();
  const outcome: Outcome<EnrolResponse> = await enrol(options.platformUrl, { code, name: options.name, version: options.version }, options.fetch ? { fetch: options.fetch } : {});
  switch (outcome.kind) {
    case 'ok': {
      const terminal: EnrolledTerminal = {
        platformUrl: options.platformUrl,
        terminalId: outcome.value.terminalId,
        hallId: outcome.value.hallId,
        secret: Buffer.from(outcome.value.secret, 'base64'),
        enrolledAt: outcome.value.serverTime,
      };
      saveCredentials(options.credentialsFile, options.cipher, terminal);
      return ok(terminal);
    }
    case 'rejected':
      return outcome.code === 'BAD_ENROLMENT_CODE' || outcome.code === 'BAD_REQUEST'
        ? err({ reason: 'bad-code', message: `the enrolment code is wrong, already used or expired (${outcome.code})` })
        : err({ reason: 'refused', message: `the platform refused the enrolment (${outcome.code})` });
    case 'retryable':
    case 'reauth':
      return err({ reason: 'unreachable', message: `the platform cannot be reached (${outcome.kind})` });
  }
}
