// The window workstation's API (/staff/window/*), under a staff session: the hall queue filtered by the
// window's categories, find by tracking number or ID number, application detail with the applicant masked
// (full values only through the audited reveal), materials, actions under the state machine (409 CONFLICT
// with who acted first), hand-out with the collector's identity checked, recorded agents, and audit.
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { maskIdNumber, maskName, maskPersonalDataInText } from '../../src/kernel/mask';
import { inScope } from '../../src/domain/application/window-actions';
import { Sha256Hex } from '../../src/wire/sync-protocol';
import type { InboxBell } from '../inbox-bell';
import { ActionRequest, AgentRequest, AuditRequest, FindRequest, HandoutRequest } from '../../src/wire/staff-protocol';
import type { RevealResponse, WindowApplicationDetail, WindowApplicationSummary } from '../../src/wire/staff-protocol';
import { sendStaffError, STAFF_ERROR_STATUS } from '../staff/reply';
import type { ApplicationRecord, PlatformRepository } from '../store/repository';
import type { StaffSession, WindowActionInput } from '../store/staff-repository';
import { hashToken, json } from './admin';

type Ctx = { repo: PlatformRepository; now: () => number; bell: InboxBell };

const normaliseId = (id: string) => id.trim().toUpperCase();
const agentHash = (salt: string, idNumber: string) => createHash('sha256').update(`${salt}:${normaliseId(idNumber)}`).digest('hex');

export function staffWindowRoutes(app: FastifyInstance, ctx: Ctx): void {
  const { repo, now } = ctx;
  const sessions = new WeakMap<FastifyRequest, { session: StaffSession; tokenHash: string }>();
  const sessionOf = (request: FastifyRequest) => {
    const found = sessions.get(request);
    if (!found) throw new Error('staff window route without a session');
    return found;
  };
  const iso = () => new Date(now()).toISOString();

  const summaries = async (records: readonly ApplicationRecord[]): Promise<WindowApplicationSummary[]> => {
    const specials = await repo.staff.specialProcedures(records.map((r) => r.applicationId));
    return records.map((r) => ({
      applicationId: r.applicationId,
      trackingNumber: r.trackingNumber,
      itemCode: r.itemCode,
      department: r.department,
      status: r.status,
      submittedAt: r.submittedAt,
      applicantName: maskName(r.applicantName),
      applicantIdNumber: maskIdNumber(r.applicantIdNumber),
      complete: r.complete,
      events: r.events,
      specialProcedures: specials.get(r.applicationId) ?? [],
    }));
  };

  /** The application if it is in the session's hall and categories; otherwise the reply is sent. */
  const scoped = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply): Promise<ApplicationRecord | null> => {
    const { session } = sessionOf(request);
    const record = await repo.getApplication(request.params.id);
    if (!record || record.hallId !== session.hallId) {
      sendStaffError(reply, 404, 'NOT_FOUND', 'no such application in this hall');
      return null;
    }
    if (!inScope(session, record)) {
      await audit(session, 'view.forbidden', record.applicationId);
      sendStaffError(reply, 403, 'FORBIDDEN', 'this window does not handle the item (not one of its categories)');
      return null;
    }
    return record;
  };

  const audit = (session: StaffSession, action: string, applicationId: string | null, detail: Record<string, unknown> = {}) =>
    repo.staff.audit({ hallId: session.hallId, windowId: session.windowId, staffNumber: session.staffNumber, action, applicationId, detail, at: now() });

  const act = async (reply: FastifyReply, input: WindowActionInput) => {
    const result = await repo.staff.applyWindowAction(input);
    if (!result.ok) {
      return sendStaffError(reply, STAFF_ERROR_STATUS[result.code], result.code, result.message, result.current ? { current: result.current } : {});
    }
    ctx.bell.ring();
    return reply.send(result.response);
  };

  app.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      const header = request.headers.authorization;
      if (typeof header !== 'string' || !header.startsWith('Bearer sess_')) return sendStaffError(reply, 401, 'SESSION_EXPIRED', 'staff session token required');
      const tokenHash = hashToken(header.slice(7));
      const session = await repo.staff.session(tokenHash, now());
      if (!session) return sendStaffError(reply, 401, 'SESSION_EXPIRED', 'the staff session has ended; sign in again');
      sessions.set(request, { session, tokenHash });
    });

    scope.delete('/staff/window/session', async (request, reply) => {
      const { session, tokenHash } = sessionOf(request);
      await repo.staff.endSession(tokenHash, now());
      await audit(session, 'signout', null);
      return reply.send({ ended: true });
    });

    scope.get('/staff/window/queue', async (request, reply) => {
      const { session } = sessionOf(request);
      const queue = (await repo.hallQueue(session.hallId)).filter((r) => inScope(session, r));
      return reply.send({ applications: await summaries(queue), serverTime: iso() });
    });

    scope.post('/staff/window/find', async (request, reply) => {
      const { session } = sessionOf(request);
      const parsed = FindRequest.safeParse(json(request));
      if (!parsed.success) return sendStaffError(reply, 400, 'BAD_REQUEST', 'need trackingNumber or idNumber');
      let found: ApplicationRecord[];
      if ('trackingNumber' in parsed.data) {
        const ids = await repo.staff.findByTracking(session.hallId, parsed.data.trackingNumber.trim().toUpperCase());
        const records = await Promise.all(ids.map((id) => repo.getApplication(id)));
        found = records.filter((r): r is ApplicationRecord => r !== null);
      } else {
        // Compared in memory over the hall's open applications, so it works whatever protects the column at rest.
        const wanted = normaliseId(parsed.data.idNumber);
        found = (await repo.hallQueue(session.hallId)).filter((r) => normaliseId(r.applicantIdNumber) === wanted);
      }
      const visible = found.filter((r) => inScope(session, r));
      await audit(session, 'find', null, { by: 'trackingNumber' in parsed.data ? 'tracking' : 'idNumber', found: visible.length, outOfScope: found.length - visible.length });
      return reply.send({ applications: await summaries(visible) });
    });

    scope.get<{ Params: { id: string } }>('/staff/window/applications/:id', async (request, reply) => {
      const record = await scoped(request, reply);
      if (!record) return reply;
      const [summary] = await summaries([record]);
      const agents = (await repo.staff.agents(record.applicationId)).map(({ name, idNumber, recordedAt, recordedBy }) => ({ name, idNumber, recordedAt, recordedBy }));
      const detail: WindowApplicationDetail = {
        ...(summary as WindowApplicationSummary),
        form: record.form,
        blobs: record.blobs,
        agents,
        delivery: await repo.staff.delivery(record.applicationId),
      };
      return reply.send(detail);
    });

    scope.post<{ Params: { id: string } }>('/staff/window/applications/:id/reveal', async (request, reply) => {
      const record = await scoped(request, reply);
      if (!record) return reply;
      // Why: the staff member asked to see it, or a notice addressed to the applicant is being printed.
      const purpose = (json(request) as { purpose?: unknown } | undefined)?.purpose === 'notice' ? 'notice' : 'view';
      await audit(sessionOf(request).session, 'reveal', record.applicationId, { purpose });
      const body: RevealResponse = { applicantName: record.applicantName, applicantIdNumber: record.applicantIdNumber, applicantPhone: record.applicantPhone };
      return reply.send(body);
    });

    scope.post<{ Params: { id: string } }>('/staff/window/applications/:id/actions', async (request, reply) => {
      const parsed = ActionRequest.safeParse(json(request));
      if (!parsed.success) return sendStaffError(reply, 400, 'BAD_REQUEST', 'need action, expectedStatus, requestId and, where the rules ask, reason');
      const { session } = sessionOf(request);
      const { action, expectedStatus, reason, special, requestId } = parsed.data;
      if (action === 'special' && !special) return sendStaffError(reply, 400, 'BAD_REQUEST', 'a special procedure needs its kind, name and time limit');
      return act(reply, {
        applicationId: request.params.id,
        action,
        expectedStatus,
        session,
        requestId,
        ...(reason ? { reason } : {}),
        ...(special ? { special } : {}),
        at: iso(),
        now: now(),
      });
    });

    scope.post<{ Params: { id: string } }>('/staff/window/applications/:id/handout', async (request, reply) => {
      const parsed = HandoutRequest.safeParse(json(request));
      if (!parsed.success) return sendStaffError(reply, 400, 'BAD_REQUEST', 'need method (collect with the collector, or mail with a tracking number), expectedStatus and requestId');
      const record = await scoped(request, reply);
      if (!record) return reply;
      const { session } = sessionOf(request);
      const body = parsed.data;
      let delivery: NonNullable<WindowActionInput['delivery']>;
      if (body.method === 'collect') {
        const presented = normaliseId(body.collector.idNumber);
        const agents = await repo.staff.agents(record.applicationId);
        const who = presented === normaliseId(record.applicantIdNumber) ? 'applicant' : agents.some((a) => agentHash(a.salt, presented) === a.idHash) ? 'agent' : null;
        if (!who) {
          await audit(session, 'handout.refused', record.applicationId, { collector: maskIdNumber(presented) });
          return sendStaffError(reply, 403, 'IDENTITY_MISMATCH', 'the collector is neither the applicant nor a recorded agent');
        }
        delivery = { method: 'collect', collector: who, collectorName: maskName(body.collector.name), collectorIdNumber: maskIdNumber(presented), mailTracking: null };
      } else {
        delivery = { method: 'mail', collector: null, collectorName: null, collectorIdNumber: null, mailTracking: body.mailTracking };
      }
      return act(reply, { applicationId: record.applicationId, action: 'handout', expectedStatus: body.expectedStatus, session, requestId: body.requestId, delivery, at: iso(), now: now() });
    });

    scope.post<{ Params: { id: string } }>('/staff/window/applications/:id/agents', async (request, reply) => {
      const parsed = AgentRequest.safeParse(json(request));
      if (!parsed.success) return sendStaffError(reply, 400, 'BAD_REQUEST', 'need the agent name and ID number');
      const record = await scoped(request, reply);
      if (!record) return reply;
      const { session } = sessionOf(request);
      const salt = randomBytes(16).toString('hex');
      await repo.staff.addAgent(record.applicationId, {
        name: maskName(parsed.data.name),
        idNumber: maskIdNumber(normaliseId(parsed.data.idNumber)),
        idHash: agentHash(salt, parsed.data.idNumber),
        salt,
        recordedAt: iso(),
        recordedBy: `${session.staffNumber}@${session.windowId}`,
      });
      await audit(session, 'agent.recorded', record.applicationId);
      return reply.send({ recorded: true });
    });

    scope.get<{ Params: { sha256: string } }>('/staff/window/blobs/:sha256', async (request, reply) => {
      const { session } = sessionOf(request);
      const sha256 = request.params.sha256;
      if (!Sha256Hex.safeParse(sha256).success) return sendStaffError(reply, 400, 'BAD_REQUEST', 'not a sha256');
      if (!(await repo.staff.blobInScope(session.hallId, sha256, session.categories))) return sendStaffError(reply, 404, 'NOT_FOUND', 'no such material');
      const status = await repo.blobStatus(sha256);
      if (!status.complete) return sendStaffError(reply, 404, 'NOT_FOUND', 'material not (fully) received');
      return reply.type('application/octet-stream').send(Readable.from(repo.readBlob(sha256)));
    });

    scope.post('/staff/window/audit', async (request, reply) => {
      const parsed = AuditRequest.safeParse(json(request));
      if (!parsed.success) return sendStaffError(reply, 400, 'BAD_REQUEST', 'need an audit action');
      const { session } = sessionOf(request);
      // The workstation sends no personal data here; mask anyway, the trail outlives the application.
      const detail = Object.fromEntries(Object.entries(parsed.data.detail ?? {}).map(([k, v]) => [k, typeof v === 'string' ? maskPersonalDataInText(v) : v]));
      await audit(session, parsed.data.action, parsed.data.applicationId ?? null, detail);
      return reply.send({ recorded: true });
    });
  });
}
