// Administrator endpoints of the staff window: define a window and its item categories, create staff
// accounts (the PIN is scrypt-hashed at once and never stored or logged), read the staff audit trail.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HallId } from '../../src/wire/sync-protocol';
import { bearerMatches } from '../auth';
import { hashPin } from '../staff/pin';
import { StaffAccountRequest, WindowDefinition } from '../../src/wire/staff-protocol';
import { sendStaffError } from '../staff/reply';
import type { PlatformRepository } from '../store/repository';
import { json } from './admin';

const AuditQuery = z.object({ hallId: HallId.optional(), applicationId: z.string().max(128).optional(), limit: z.coerce.number().int().min(1).max(5000).optional() });

export function staffAdminRoutes(app: FastifyInstance, ctx: { repo: PlatformRepository; now: () => number; adminToken: string }): void {
  const { repo, now } = ctx;
  app.register(async (scoped) => {
    scoped.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!bearerMatches(request, ctx.adminToken)) return sendStaffError(reply, 401, 'FORBIDDEN', 'administrator token required');
    });

    scoped.put('/admin/windows', async (request, reply) => {
      const parsed = WindowDefinition.safeParse(json(request));
      if (!parsed.success) return sendStaffError(reply, 400, 'BAD_REQUEST', 'need hallId, windowId, name and categories (department ids, item codes or *)');
      await repo.staff.upsertWindow(parsed.data, now());
      return reply.send(parsed.data);
    });

    scoped.post('/admin/staff', async (request, reply) => {
      const parsed = StaffAccountRequest.safeParse(json(request));
      if (!parsed.success) return sendStaffError(reply, 400, 'BAD_REQUEST', 'need hallId, staffNumber, name and a PIN of 6 to 12 digits');
      const { hallId, staffNumber, name, pin } = parsed.data;
      const created = await repo.staff.createStaff({ hallId, staffNumber, name, pinHash: await hashPin(pin) }, now());
      if (!created) return sendStaffError(reply, 409, 'CONFLICT', 'that staff number already exists in the hall');
      await repo.staff.audit({ hallId, windowId: null, staffNumber, action: 'account.created', applicationId: null, detail: {}, at: now() });
      return reply.send({ hallId, staffNumber, name });
    });

    scoped.get('/admin/staff-audit', async (request, reply) => {
      const query = AuditQuery.safeParse(request.query);
      if (!query.success) return sendStaffError(reply, 400, 'BAD_REQUEST', 'hallId, applicationId and limit are the filters');
      const { hallId, applicationId, limit } = query.data;
      return reply.send({ entries: await repo.staff.auditTrail({ ...(hallId ? { hallId } : {}), ...(applicationId ? { applicationId } : {}), ...(limit ? { limit } : {}) }) });
    });
  });
}
