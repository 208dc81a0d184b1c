// The technician's "enrol this terminal" action: exchange the one-time code, store the identity with the
// secret encrypted, and say in plain words what went wrong if it did.
import { enrol, type Outcome } from './client';
import { saveCredentials, type EnrolledTerminal, type SecretCipher } from './credentials';
import type { EnrolResponse } from '../wire/sync-protocol';

export type EnrolmentResult = { ok: true; terminal: EnrolledTerminal } | { ok: false; reason: 'bad-code' | 'unreachable' | 'refused'; message: string };

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
      return { ok: true, terminal };
    }
    case 'rejected':
      return outcome.code === 'BAD_ENROLMENT_CODE' || outcome.code === 'BAD_REQUEST'
        ? { ok: false, reason: 'bad-code', message: 'The enrolment code is wrong, already used or expired. Ask the platform administrator for a new one.' }
        : { ok: false, reason: 'refused', message: `The platform refused the enrolment (${outcome.code}).` };
    case 'retryable':
    case 'reauth':
      return { ok: false, reason: 'unreachable', message: 'The platform cannot be reached. Check the network and the platform address, then try again.' };
  }
}
