// Builds the reference platform: a Fastify app over one PlatformRepository. Every body is read raw
// (the signature covers the exact bytes) and parsed by the route. Logs are JSON lines with personal
// data masked.
import Fastify, { type FastifyInstance } from 'fastify';
import { maskPersonalDataInText } from '../src/kernel/mask';
import { MAX_CHUNK_BYTES } from '../src/wire/sync-protocol';
import { sendError } from './errors';
import { InboxBell } from './inbox-bell';
import { adminRoutes } from './routes/admin';
import { staffRoutes } from './routes/staff';
import { staffAdminRoutes } from './routes/staff-admin';
import { staffSessionRoutes } from './routes/staff-session';
import { staffWindowRoutes } from './routes/staff-window';
import { terminalRoutes } from './routes/terminal';
import type { PlatformRepository } from './store/repository';

export interface PlatformOptions {
  repo: PlatformRepository;
  adminToken: string;
  /** Where JSON log lines go (already masked); undefined: no logging. */
  log?: { level: 'debug' | 'info' | 'warn' | 'error'; write: (line: string) => void };
  now?: () => number;
}

export interface Platform {
  app: FastifyInstance;
  bell: InboxBell;
}

export function buildPlatform(options: PlatformOptions): Platform {
  const now = options.now ?? Date.now;
  const app = Fastify({
    bodyLimit: 8 * 1024 * 1024 + MAX_CHUNK_BYTES,
    logger: options.log
      ? {
          level: options.log.level,
          stream: { write: (line: string) => options.log?.write(maskPersonalDataInText(line.trimEnd())) },
          // Terminals and staff put application ids in URLs, never personal data; mask anyway.
          serializers: { req: (req: { method: string; url: string }) => ({ method: req.method, url: maskPersonalDataInText(req.url) }) },
        }
      : false,
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error: { statusCode?: number; message?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: { message: maskPersonalDataInText(error.message ?? '') } }, 'request failed');
    if (status === 413) return sendError(reply, 413, 'BAD_REQUEST', 'body too large');
    if (status < 500) return sendError(reply, status, 'BAD_REQUEST', 'bad request');
    return sendError(reply, 500, 'INTERNAL', 'internal error');
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'NOT_FOUND', 'no such endpoint'));

  const bell = new InboxBell();
  const ctx = { repo: options.repo, now, bell, adminToken: options.adminToken };
  terminalRoutes(app, ctx);
  adminRoutes(app, ctx);
  staffRoutes(app, ctx);
  staffAdminRoutes(app, ctx);
  staffSessionRoutes(app, ctx);
  staffWindowRoutes(app, ctx);
  app.get('/healthz', async () => ({ ok: true, engine: options.repo.engine }));

  // Expired nonces are useless (their timestamps would be refused); prune them now and then.
  const pruner = setInterval(() => void options.repo.pruneNonces(now()).catch(() => undefined), 60_000);
  pruner.unref();
  app.addHook('onClose', async () => clearInterval(pruner));
  return { app, bell };
}
