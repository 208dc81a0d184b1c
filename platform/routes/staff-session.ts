// Staff sign-in at a window: staff number + PIN (scrypt-hashed, five wrong PINs lock the number for five
// minutes) → a session token scoped to the hall, the window and the window's item categories. Every
// attempt is in the staff audit trail (never the PIN).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { attemptsLeft, isLocked } from '../staff/lockout';
import { hashPin, verifyPin } from '../staff/pin';
import { SignInRequest } from '../../src/wire/staff-protocol';
import type { SignInResponse } from '../../src/wire/staff-protocol';
import { sendStaffError } from '../staff/reply';
import type { PlatformRepository } from '../store/repository';
import { hashToken, json } from './admin';

/** A shift; the workstation locks itself after idle long before this. */
export const SESSION_TTL_MS = 12 * 3_600_000;

let dummyHash: Promise<string> | null = null;

export function staffSessionRoutes(app: FastifyInstance, ctx: { repo: PlatformRepository; now: () => number }): void {
  const { repo, now } = ctx;

  app.post('/staff/sessions', async (request, reply) => {
    const parsed = SignInRequest.safeParse(json(request));
    if (!parsed.success) return sendStaffError(reply, 400, 'BAD_REQUEST', 'need hallId, windowId, staffNumber and pin');
    const { hallId, windowId, staffNumber, pin } = parsed.data;
    const at = now();
    const window = await repo.staff.getWindow(hallId, windowId);
    if (!window) return sendStaffError(reply, 404, 'UNKNOWN_WINDOW', `window ${windowId} is not set up on the platform for this hall`);
    const audit = (action: string, detail: Record<string, unknown> = {}) => repo.staff.audit({ hallId, windowId, staffNumber, action, applicationId: null, detail, at });
    const account = await repo.staff.getStaff(hallId, staffNumber);
    if (!account || account.disabled) {
      // The same work and the same answer as a wrong PIN: staff numbers cannot be probed.
      await verifyPin(pin, await (dummyHash ??= hashPin('000000')));
      await audit('signin.failed', { reason: 'unknown' });
      return sendStaffError(reply, 401, 'WRONG_PIN', 'staff number or PIN is wrong');
    }
    if (isLocked(account, at)) {
      await audit('signin.locked');
      return sendStaffError(reply, 423, 'LOCKED', 'too many wrong PINs; try again later', { lockedUntil: new Date(account.lockedUntil ?? at).toISOString() });
    }
    if (!(await verifyPin(pin, account.pinHash))) {
      const state = await repo.staff.recordSignInFailure(hallId, staffNumber, at);
      if (isLocked(state, at)) {
        await audit('signin.lockout');
        return sendStaffError(reply, 423, 'LOCKED', 'too many wrong PINs; try again later', { lockedUntil: new Date(state.lockedUntil ?? at).toISOString() });
      }
      await audit('signin.failed', { reason: 'pin', attemptsLeft: attemptsLeft(state) });
      return sendStaffError(reply, 401, 'WRONG_PIN', 'staff number or PIN is wrong', { attemptsLeft: attemptsLeft(state) });
    }
    await repo.staff.resetSignInFailures(hallId, staffNumber);
    const token = `sess_${randomBytes(32).toString('base64url')}`;
    const expiresAt = at + SESSION_TTL_MS;
    await repo.staff.createSession(hashToken(token), { hallId, windowId, staffNumber }, at, expiresAt);
    await audit('signin');
    const body: SignInResponse = {
      token,
      expiresAt: new Date(expiresAt).toISOString(),
      staff: { staffNumber, name: account.name },
      window: { windowId, name: window.name, categories: window.categories },
      hallId,
    };
    return reply.send(body);
  });
}
