// The terminal-facing endpoints of the sync protocol (docs/sync-protocol.md), under /v1.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { maskIdNumber, maskName } from '../../src/kernel/mask';
import {
  API_PREFIX,
  EnrolRequest,
  HeartbeatRequest,
  InboxMessage,
  MAX_CHUNK_BYTES,
  MAX_LONG_POLL_MS,
  Sha256Hex,
  type ApplicationView,
  type EnrolResponse,
  type InboxResponse,
  type PushResponse,
} from '../../src/wire/sync-protocol';
import { authenticateTerminal, rawBody, type AuthContext } from '../auth';
import { sendError } from '../errors';
import type { InboxBell } from '../inbox-bell';

/** Envelope only: each op's payload is validated on its own so one bad op is rejected alone. */
const LoosePushRequest = z.object({
  ops: z
    .array(z.object({ opId: z.number().int().positive(), idempotencyKey: z.string().min(1).max(128), kind: z.string().min(1).max(64), payload: z.unknown() }).passthrough())
    .min(1)
    .max(500),
});

const ChunkQuery = z.object({ offset: z.coerce.number().int().min(0), size: z.coerce.number().int().min(0).max(64 * 1024 * 1024) });
const InboxQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  wait: z.coerce.number().int().min(0).max(MAX_LONG_POLL_MS).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function hashEnrolmentCode(code: string): string {
  return createHash('sha256').update(code.toUpperCase()).digest('hex');
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

export function terminalRoutes(app: FastifyInstance, ctx: AuthContext & { bell: InboxBell }): void {
  const { repo, now } = ctx;

  app.post(`${API_PREFIX}/enrol`, async (request, reply) => {
    const parsed = EnrolRequest.safeParse(parseJson(rawBody(request)));
    if (!parsed.success) return sendError(reply, 400, 'BAD_REQUEST', 'enrolment request is not valid');
    const secret = randomBytes(32).toString('base64');
    const id = `T-${randomBytes(8).toString('hex')}`;
    const terminal = await repo.enrolTerminal(hashEnrolmentCode(parsed.data.code), now(), { id, name: parsed.data.name, secret, version: parsed.data.version });
    if (!terminal) return sendError(reply, 403, 'BAD_ENROLMENT_CODE', 'enrolment code unknown, used or expired');
    request.log.info({ terminalId: id, hallId: terminal.hallId }, 'terminal enrolled');
    const body: EnrolResponse = { terminalId: id, hallId: terminal.hallId, secret, serverTime: new Date(now()).toISOString() };
    return reply.send(body);
  });

  app.post(`${API_PREFIX}/ops`, async (request, reply) => {
    const terminal = await authenticateTerminal(ctx, request, reply);
    if (!terminal) return reply;
    const parsed = LoosePushRequest.safeParse(parseJson(rawBody(request)));
    if (!parsed.success) return sendError(reply, 400, 'BAD_REQUEST', 'push request is not a list of 1-500 operations');
    const { results, lastOpId } = await repo.applyOps(terminal.id, parsed.data.ops, now());
    const rejected = results.filter((r) => r.status === 'rejected').length;
    request.log.info({ terminalId: terminal.id, ops: results.length, rejected, lastOpId }, 'ops pushed');
    const body: PushResponse = { results, lastOpId };
    return reply.send(body);
  });

  app.get<{ Params: { sha256: string } }>(`${API_PREFIX}/blobs/:sha256`, async (request, reply) => {
    const terminal = await authenticateTerminal(ctx, request, reply);
    if (!terminal) return reply;
    if (!Sha256Hex.safeParse(request.params.sha256).success) return sendError(reply, 400, 'BAD_REQUEST', 'blob name is not a sha256');
    return reply.send(await repo.blobStatus(request.params.sha256));
  });

  app.put<{ Params: { sha256: string } }>(`${API_PREFIX}/blobs/:sha256`, async (request, reply) => {
    const terminal = await authenticateTerminal(ctx, request, reply);
    if (!terminal) return reply;
    const query = ChunkQuery.safeParse(request.query);
    if (!Sha256Hex.safeParse(request.params.sha256).success || !query.success) return sendError(reply, 400, 'BAD_REQUEST', 'need a sha256 name and offset/size query');
    const data = rawBody(request);
    if (data.length > MAX_CHUNK_BYTES) return sendError(reply, 400, 'BAD_REQUEST', `chunks are at most ${MAX_CHUNK_BYTES} bytes`);
    const result = await repo.appendBlobChunk(request.params.sha256, query.data.size, query.data.offset, data);
    if (result.ok) return reply.send(result.status);
    if (result.code === 'OFFSET_MISMATCH') return sendError(reply, 409, 'OFFSET_MISMATCH', 'chunk does not start where the received bytes end', { received: result.status.received });
    request.log.warn({ terminalId: terminal.id, sha256: request.params.sha256, code: result.code }, 'blob refused');
    return sendError(reply, 422, result.code, result.code === 'HASH_MISMATCH' ? 'content does not match its sha256' : 'size differs from the first chunk', { received: result.status.received });
  });

  app.post(`${API_PREFIX}/heartbeat`, async (request, reply) => {
    const terminal = await authenticateTerminal(ctx, request, reply);
    if (!terminal) return reply;
    const parsed = HeartbeatRequest.safeParse(parseJson(rawBody(request)));
    if (!parsed.success) return sendError(reply, 400, 'BAD_REQUEST', 'heartbeat is not valid');
    await repo.recordHeartbeat(terminal.id, parsed.data, now());
    return reply.send({ serverTime: new Date(now()).toISOString() });
  });

  app.get(`${API_PREFIX}/inbox`, async (request, reply) => {
    const terminal = await authenticateTerminal(ctx, request, reply);
    if (!terminal) return reply;
    const query = InboxQuery.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'BAD_REQUEST', 'after, wait and limit must be numbers');
    const { after, wait, limit } = query.data;
    const deadline = Date.now() + wait;
    let rows = await repo.readInbox(terminal.hallId, after, limit);
    // The response closing before we answered means the terminal went away: stop waiting for it.
    let closed = false;
    reply.raw.once('close', () => (closed = true));
    while (rows.length === 0 && !closed && Date.now() < deadline) {
      await ctx.bell.wait(Math.min(1000, deadline - Date.now()));
      rows = await repo.readInbox(terminal.hallId, after, limit);
    }
    // Messages of kinds this protocol version does not know are skipped, never sent malformed.
    const messages = rows.flatMap((row) => {
      const message = InboxMessage.safeParse(row);
      return message.success ? [message.data] : [];
    });
    const body: InboxResponse = { messages, cursor: rows.at(-1)?.seq ?? after };
    return reply.send(body);
  });

  app.get<{ Params: { id: string } }>(`${API_PREFIX}/applications/:id`, async (request, reply) => {
    const terminal = await authenticateTerminal(ctx, request, reply);
    if (!terminal) return reply;
    const app = await repo.getApplication(request.params.id);
    // Another hall's application looks exactly like a missing one.
    if (!app || app.hallId !== terminal.hallId) return sendError(reply, 404, 'NOT_FOUND', 'no such application');
    const view: ApplicationView = {
      applicationId: app.applicationId,
      hallId: app.hallId,
      trackingNumber: app.trackingNumber,
      itemCode: app.itemCode,
      status: app.status,
      submittedAt: app.submittedAt,
      complete: app.complete,
      applicantName: maskName(app.applicantName),
      applicantIdNumber: maskIdNumber(app.applicantIdNumber),
      blobs: app.blobs.map((b) => ({ sha256: b.sha256, material: b.material, complete: b.complete })),
    };
    return reply.send(view);
  });
}
