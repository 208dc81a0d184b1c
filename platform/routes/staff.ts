// Staff-window endpoints: the hall queue, application detail and state transitions (受理 accepted, 补正
// supplementRequired, 办结 decided/delivered…, under the domain state machine's rules), materials
// and evaluation statistics. The administrator token sees every hall; a staff token (issued per hall by
// POST /admin/staff-tokens) sees only its own — another hall's application looks like a missing one.
// Categories apply as at a window session (docs/staff-window.md, "Hall-wide staff tokens"): a token with
// categories reads and acts only within them (403 outside); a token without categories reads the whole hall
// and may not act at all — actions need categories or a window session (POST /staff/sessions).
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { inScope } from '../../src/domain/application/window-actions';
import { ApplicationStatus, HallId, Sha256Hex } from '../../src/wire/sync-protocol';
import { bearerMatches } from '../auth';
import { sendError } from '../errors';
import type { InboxBell } from '../inbox-bell';
import type { PlatformRepository } from '../store/repository';
import { hashToken, json } from './admin';

const TransitionRequest = z.object({ to: ApplicationStatus, staffId: z.string().min(1).max(64), reason: z.string().max(2000).optional() });
const StatsQuery = z.object({ by: z.enum(['item', 'department', 'window']), hallId: HallId.optional() });

/**
 * hall null: every hall (administrator); a string: that hall only. categories null with a hall: read-only
 * for the whole hall; otherwise the departments and items the token reads and acts on.
 */
type Scope = { hall: string | null; categories: string[] | null };

export function staffRoutes(app: FastifyInstance, ctx: { repo: PlatformRepository; now: () => number; adminToken: string; bell: InboxBell }): void {
  const { repo, now } = ctx;
  const scopes = new WeakMap<FastifyRequest, Scope>();
  const scopeOf = (request: FastifyRequest): Scope => scopes.get(request) ?? { hall: '', categories: [] };
  const allowed = (request: FastifyRequest, hallId: string) => {
    const { hall } = scopeOf(request);
    return hall === null || hall === hallId;
  };
  /** Within the token's categories (the administrator and read-only tokens read everything of their hall). */
  const readable = (request: FastifyRequest, app: { department: string; itemCode: string }) => {
    const { hall, categories } = scopeOf(request);
    return hall === null || categories === null || inScope({ categories }, app);
  };
  /** Whether the caller may change the application: administrator, or a token whose categories cover it. */
  const actable = (request: FastifyRequest, app: { department: string; itemCode: string }) => {
    const { hall, categories } = scopeOf(request);
    return hall === null || (categories !== null && inScope({ categories }, app));
  };

  app.register(async (scoped) => {
    scoped.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (bearerMatches(request, ctx.adminToken)) {
        scopes.set(request, { hall: null, categories: null });
        return;
      }
      const header = request.headers.authorization;
      const token = typeof header === 'string' && header.startsWith('Bearer staff_') ? await repo.staffTokenScope(hashToken(header.slice(7))) : null;
      if (token === null) return sendError(reply, 401, 'FORBIDDEN', 'staff or administrator token required');
      scopes.set(request, { hall: token.hallId, categories: token.categories });
    });

    scoped.get<{ Params: { hallId: string } }>('/staff/halls/:hallId/queue', async (request, reply) => {
      if (!allowed(request, request.params.hallId)) return sendError(reply, 403, 'FORBIDDEN', 'not your hall');
      const queue = (await repo.hallQueue(request.params.hallId)).filter((a) => readable(request, a));
      return reply.send({ applications: queue.map(({ form: _form, events: _events, ...summary }) => summary) });
    });

    scoped.get<{ Params: { id: string } }>('/staff/applications/:id', async (request, reply) => {
      const application = await repo.getApplication(request.params.id);
      if (!application || !allowed(request, application.hallId)) return sendError(reply, 404, 'NOT_FOUND', 'no such application');
      if (!readable(request, application)) return sendError(reply, 403, 'FORBIDDEN', 'not one of this token’s categories');
      return reply.send(application);
    });

    scoped.post<{ Params: { id: string } }>('/staff/applications/:id/transitions', async (request, reply) => {
      const parsed = TransitionRequest.safeParse(json(request));
      if (!parsed.success) return sendError(reply, 400, 'BAD_REQUEST', 'need to (an application state), staffId and, where the rules ask, reason');
      const application = await repo.getApplication(request.params.id);
      if (!application || !allowed(request, application.hallId)) return sendError(reply, 404, 'NOT_FOUND', 'no such application');
      if (!actable(request, application)) {
        const readOnly = scopeOf(request).categories === null;
        request.log.info({ applicationId: request.params.id, readOnly }, 'staff token transition refused');
        return sendError(reply, 403, 'FORBIDDEN', readOnly ? 'this staff token is read-only: actions need a token with categories or a window session' : 'not one of this token’s categories');
      }
      const { to, staffId, reason } = parsed.data;
      const result = await repo.applyStaffTransition(request.params.id, { to, staffId, ...(reason ? { reason } : {}) }, new Date(now()).toISOString(), now());
      if (!result.ok) {
        if (result.code === 'NOT_FOUND') return sendError(reply, 404, 'NOT_FOUND', result.message);
        const conflict = result.code === 'ILLEGAL_TRANSITION' || result.code === 'FORBIDDEN_ACTOR';
        return sendError(reply, conflict ? 409 : 400, conflict ? 'CONFLICT' : 'BAD_REQUEST', result.message);
      }
      ctx.bell.ring();
      return reply.send(result);
    });

    scoped.get<{ Params: { sha256: string } }>('/staff/blobs/:sha256', async (request, reply) => {
      const sha256 = request.params.sha256;
      if (!Sha256Hex.safeParse(sha256).success) return sendError(reply, 400, 'BAD_REQUEST', 'not a sha256');
      const { hall, categories } = scopeOf(request);
      if (hall !== null && !(await repo.hallReferencesBlob(hall, sha256))) return sendError(reply, 404, 'NOT_FOUND', 'no such material');
      if (hall !== null && categories !== null && !(await repo.staff.blobInScope(hall, sha256, categories))) return sendError(reply, 404, 'NOT_FOUND', 'no such material');
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
