// Administrator endpoints (the administrator bearer token): enrolment codes, terminals, inbox publishing,
// staff tokens.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HallId, InboxMessage, Sha256Hex } from '../../src/wire/sync-protocol';
import { bearerMatches, rawBody } from '../auth';
import { sendError } from '../errors';
import type { InboxBell } from '../inbox-bell';
import { Categories } from '../../src/wire/staff-protocol';
import type { PlatformRepository } from '../store/repository';
import { hashEnrolmentCode } from './terminal';

/** A terminal that has not sent a heartbeat for this long is flagged silent. */
export const SILENT_AFTER_MS = 5 * 60_000;

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newEnrolmentCode(): string {
  const group = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}

const CodeRequest = z.object({ hallId: HallId, ttlMinutes: z.number().int().min(1).max(7 * 24 * 60).default(24 * 60) });
const PublishRequest = z.object({ hallId: HallId.nullable(), kind: z.enum(['catalog.delta', 'calendar.update', 'application.status', 'config']), payload: z.unknown() });
/** categories: like a window's (department ids, item codes or *); without them the token is read-only. */
const StaffTokenRequest = z.object({ hallId: HallId, name: z.string().min(1).max(100), categories: Categories.min(1).optional() });
const RevokeStaffTokenRequest = z.union([z.object({ token: z.string().min(1).max(200) }).strict(), z.object({ id: Sha256Hex }).strict()]);

export function json(request: FastifyRequest): unknown {
  try {
    return JSON.parse(rawBody(request).toString('utf8'));
  } catch {
    return undefined;
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function adminRoutes(app: FastifyInstance, ctx: { repo: PlatformRepository; now: () => number; adminToken: string; bell: InboxBell }): void {
  const { repo, now } = ctx;
  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!bearerMatches(request, ctx.adminToken)) return sendError(reply, 401, 'FORBIDDEN', 'administrator token required');
  };

  app.register(async (scoped) => {
    scoped.addHook('onRequest', guard);

    scoped.post('/admin/enrolment-codes', async (request, reply) => {
      const parsed = CodeRequest.safeParse(json(request));
      if (!parsed.success) return sendError(reply, 400, 'BAD_REQUEST', 'need hallId');
      const code = newEnrolmentCode();
      const expiresAt = now() + parsed.data.ttlMinutes * 60_000;
      await repo.createEnrolmentCode(hashEnrolmentCode(code), parsed.data.hallId, expiresAt);
      return reply.send({ code, hallId: parsed.data.hallId, expiresAt: new Date(expiresAt).toISOString() });
    });

    scoped.get('/admin/terminals', async (_request, reply) => {
      const at = now();
      const terminals = (await repo.listTerminals()).map(({ secret: _secret, ...t }) => ({
        ...t,
        silent: t.revokedAt === null && (t.lastSeenAt === null || at - t.lastSeenAt > SILENT_AFTER_MS),
      }));
      return reply.send({ terminals });
    });

    scoped.post<{ Params: { id: string } }>('/admin/terminals/:id/revoke', async (request, reply) => {
      const done = await repo.revokeTerminal(request.params.id, now());
      if (!done) return sendError(reply, 404, 'NOT_FOUND', 'no such active terminal');
      request.log.info({ terminalId: request.params.id }, 'terminal revoked');
      return reply.send({ revoked: true });
    });

    scoped.post('/admin/inbox', async (request, reply) => {
      const parsed = PublishRequest.safeParse(json(request));
      if (!parsed.success) return sendError(reply, 400, 'BAD_REQUEST', 'need hallId (or null), kind and payload');
      const message = InboxMessage.safeParse({ seq: 1, kind: parsed.data.kind, payload: parsed.data.payload });
      if (!message.success) return sendError(reply, 400, 'BAD_REQUEST', `payload is not a valid ${parsed.data.kind}`);
      const seq = await repo.appendInbox(parsed.data.hallId, parsed.data.kind, message.data.payload, now());
      ctx.bell.ring();
      return reply.send({ seq });
    });

    scoped.post('/admin/staff-tokens', async (request, reply) => {
      const parsed = StaffTokenRequest.safeParse(json(request));
      if (!parsed.success) return sendError(reply, 400, 'BAD_REQUEST', 'need hallId and name (categories optional: department ids, item codes or *)');
      const token = `staff_${randomBytes(24).toString('base64url')}`;
      const categories = parsed.data.categories ?? null;
      await repo.createStaffToken(hashToken(token), parsed.data.hallId, parsed.data.name, now(), categories);
      return reply.send({ token, id: hashToken(token), hallId: parsed.data.hallId, categories });
    });

    scoped.get<{ Querystring: { hallId?: string } }>('/admin/staff-tokens', async (request, reply) => {
      const hall = HallId.optional().safeParse(request.query.hallId);
      if (!hall.success) return sendError(reply, 400, 'BAD_REQUEST', 'hallId is not valid');
      return reply.send({ tokens: await repo.listStaffTokens(hall.data) });
    });

    // By the token itself, or by its id (the SHA-256 listed above) when the token is lost.
    scoped.post('/admin/staff-tokens/revoke', async (request, reply) => {
      const parsed = RevokeStaffTokenRequest.safeParse(json(request));
      if (!parsed.success) return sendError(reply, 400, 'BAD_REQUEST', 'need token or id');
      const tokenHash = 'token' in parsed.data ? hashToken(parsed.data.token) : parsed.data.id;
      if (!(await repo.revokeStaffToken(tokenHash, now()))) return sendError(reply, 404, 'NOT_FOUND', 'no such active staff token');
      request.log.info({ staffToken: tokenHash.slice(0, 12) }, 'staff token revoked');
      return reply.send({ revoked: true });
    });
  });
}
