import type { FastifyReply } from 'fastify';
import type { ErrorBody, SyncErrorCode } from '../src/wire/sync-protocol';
import { maskPersonalDataInText } from '../src/kernel/mask';

/** Sends the protocol's error body. Messages are masked: they may echo input. */
export function sendError(reply: FastifyReply, status: number, code: SyncErrorCode, message: string, extra: Omit<ErrorBody['error'], 'code' | 'message'> = {}): FastifyReply {
  const body: ErrorBody = { error: { code, message: maskPersonalDataInText(message), ...extra } };
  return reply.code(status).send(body);
}
