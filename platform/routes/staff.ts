// Staff-window endpoints: the hall queue, application detail and actions (受理, 补正, 办结…), materials
// and evaluation statistics. The administrator token sees every hall; a staff token (issued per hall by
// POST /admin/staff-tokens) sees only its own — another hall's application looks like a missing one.
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HallId, Sha256Hex } from '../../src/sync/protocol';
import { bearerMatches } from '../auth';
import { sendError } from '../errors';
import type { InboxBell } from '../inbox-bell';
import type { PlatformRepository } from '../store/repository';
import { hashToken, json } from './admin';

const ActionRequest = z.object({ action: z.enum(['accept', 'return', 'review', 'complete', 'reject']), note: z.string().max(2000).optional() });
const StatsQuery = z.object({ by: z.enum(['item', 'department', 'window']), hallId: HallId.optional() });

/** null: every hall (administrator); a string: that hall only. */
type Scope = { hall: string | null };

export function staffRoutes(app: FastifyInstance, ctx: { repo: PlatformRepository; now: () => number; adminToken: string; bell: InboxBell }): void {
  const { repo, now } = ctx;
  const scopes = new WeakMap<FastifyRequest, Scope>();
  const scopeOf = (request: FastifyRequest): Scope => scopes.get(request) ?? { hall: '' };
  const allowed = (request: FastifyRequest, hallId: string) => {
    const { hall } = scopeOf(request);
    return hall === null || hall === hallId;
  };

  app.register(async (scoped) => {
    scoped.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (bearerMatches(request, ctx.adminToken)) {
        scopes.set(request, { hall: null });
        return;
      }
      const header = request.headers.authorization;
      const hall = typeof header === 'string' && header.startsWith('Bearer staff_') ? await repo.staffTokenHall(hashToken(header.slice(7))) : null;
      if (hall === null) return sendError(reply, 401, 'FORBIDDEN', 'staff or administrator token required');
      scopes.set(request, { hall });
    });

    scoped.get<{ Params: { hallId: string } }>('/staff/halls/:hallId/queue', async (request, reply) => {
      if (!allowed(request, request.params.hallId)) return sendError(reply, 403, 'FORBIDDEN', 'not your hall');
      const queue = await repo.hallQueue(request.params.hallId);
      return reply.send({ applications: queue.map(({ form: _form, events: _events, ...summary }) => summary) });
    });

    scoped.get<{ Params: { id: string } }>('/staff/applications/:id', async (request, reply) => {
      const application = await repo.getApplication(request.params.id);
      if (!application || !allowed(request, application.hallId)) return sendError(reply, 404, 'NOT_FOUND', 'no such application');
      return reply.send(application);
    });

    scoped.post<{ Params: { id: string } }>('/staff/applications/:id/actions', async (request, reply) => {
      const parsed = ActionRequest.safeParse(json(request));
      if (!parsed.success) return sendError(reply, 400, 'BAD_REQUEST', 'action must be accept, return, review, complete or reject');
      const application = await repo.getApplication(request.params.id);
      if (!application || !allowed(request, application.hallId)) return sendError(reply, 404, 'NOT_FOUND', 'no such application');
      const result = await repo.applyStaffAction(request.params.id, parsed.data.action, parsed.data.note ?? null, new Date(now()).toISOString(), now());
      if (!result.ok) return sendError(reply, result.code === 'NOT_FOUND' ? 404 : 409, result.code, result.message);
      ctx.bell.ring();
      return reply.send(result);
    });

    scoped.get<{ Params: { sha256: string } }>('/staff/blobs/:sha256', async (request, reply) => {
      const sha256 = request.params.sha256;
      if (!Sha256Hex.safeParse(sha256).success) return sendError(reply, 400, 'BAD_REQUEST', 'not a sha256');
      const { hall } = scopeOf(request);
      if (hall !== null && !(await repo.hallReferencesBlob(hall, sha256))) return sendError(reply, 404, 'NOT_FOUND', 'no such material');
      const status = await repo.blobStatus(sha256);
      if (!status.complete) return sendError(reply, 404, 'NOT_FOUND', 'material not (fully) received');
      return reply.type('application/octet-stream').send(Readable.from(repo.readBlob(sha256)));
    });

    scoped.get('/staff/stats/evaluations', async (request, reply) => {
      const query = StatsQuery.safeParse(request.query);
      if (!query.success) return sendError(reply, 400, 'BAD_REQUEST', 'by must be item, department or window');
      const { hall } = scopeOf(request);
      if (hall !== null && query.data.hallId !== undefined && query.data.hallId !== hall) return sendError(reply, 403, 'FORBIDDEN', 'not your hall');
      return reply.send({ by: query.data.by, stats: await repo.evaluationStats(query.data.by, hall ?? query.data.hallId) });
    });
  });
}
