// Error answers of the staff-window API: the StaffErrorBody shape, messages masked (they may echo input).
import type { FastifyReply } from 'fastify';
import { maskPersonalDataInText } from '../../src/kernel/mask';
import type { StaffErrorBody, StaffErrorCode } from '../../src/wire/staff-protocol';

export function sendStaffError(reply: FastifyReply, status: number, code: StaffErrorCode, message: string, extra: Omit<StaffErrorBody['error'], 'code' | 'message'> = {}): FastifyReply {
  const body: StaffErrorBody = { error: { code, message: maskPersonalDataInText(message), ...extra } };
  return reply.code(status).send(body);
}

/** HTTP status of each staff error code. */
export const STAFF_ERROR_STATUS: Record<StaffErrorCode, number> = {
  BAD_REQUEST: 400,
  REASON_REQUIRED: 400,
  WRONG_PIN: 401,
  SESSION_EXPIRED: 401,
  LOCKED: 423,
  UNKNOWN_WINDOW: 404,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  IDENTITY_MISMATCH: 403,
  CONFLICT: 409,
  INTERNAL: 500,
};
