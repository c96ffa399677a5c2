// Builds the Fastify application: platform plugins, then the modules in one explicit list (the map).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from './platform/deps.js';
import { requestSerializer } from './platform/http/log-redact.js';
import { trustProxySetting } from './config.js';
import { registerAllMessages } from './messages.js';
import { frameworkErrorHandler, registerHttpPlatform, sendError } from './platform/http/http.js';
import { AppError } from './platform/http/errors.js';
import { databaseRateLimitStore } from './platform/http/rate-limits.js';
import { contentSecurityPolicy, docsGuard, registerNoStore } from './platform/http/security.js';
import { resolveApiKey, resolveSession } from './modules/auth/auth.service.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { registryRoutes } from './modules/registry/registry.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { transferRoutes } from './modules/transfer/transfer.routes.js';
import { casesRoutes } from './modules/cases/cases.routes.js';
import { kpisRoutes } from './modules/kpis/kpis.routes.js';
import { casesAdminRoutes } from './modules/casesadmin/casesadmin.routes.js';
import { open311Routes } from './modules/open311/open311.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { governanceRoutes } from './modules/governance/governance.routes.js';
import { homeRoutes } from './modules/home/home.routes.js';
import { fundRoutes } from './modules/fund/fund.routes.js';
import { coordinationRoutes } from './modules/coordination/coordination.routes.js';
import { planRoutes } from './modules/plan/plan.routes.js';
import { assessmentRoutes } from './modules/assessment/assessment.routes.js';
import { mediationRoutes } from './modules/mediation/mediation.routes.js';
import { industryRoutes } from './modules/industry/industry.routes.js';

export interface AppOptions {
  logger?: boolean;
  /** Serve the built web app from this folder (skipped when it does not exist). */
  webDist?: string;
}

export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  registerAllMessages();
  const app = Fastify({
    logger: options.logger
      ? { level: deps.config.LOG_LEVEL, serializers: { req: requestSerializer } }
      : false,
    trustProxy: trustProxySetting(deps.config),
    bodyLimit: 2 * 1024 * 1024,
    frameworkErrors: frameworkErrorHandler,
    genReqId: () => `req-${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`,
  });

  await app.register(cookie);
  await app.register(helmet, { contentSecurityPolicy: contentSecurityPolicy(deps.config.MAP_TILE_URL) });
  // Limits are counted in the database, so they hold across every instance (platform/http/rate-limits.ts).
  await app.register(rateLimit, {
    global: false,
    store: databaseRateLimitStore(deps.database, deps.clock, (err) =>
      app.log.warn({ err }, 'deleting ended rate-limit windows failed'),
    ),
  });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  registerHttpPlatform(app, {
    resolveSession: (token) => resolveSession(deps, token),
    resolveApiKey: (key) => resolveApiKey(deps, key),
  });
  registerNoStore(app);
  const docsOnly = docsGuard(deps.config.GONGZHI_MODE);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Gongzhi 共治 API',
        version: '1',
        description: 'Comprehensive governance of residential compounds',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'gz_session' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiHooks: { onRequest: docsOnly },
    // The docs page has its own policy: swagger-ui's inline scripts by hash; its styles inline (it sets
    // style attributes at run time, which no hash can allow), nothing from other origins, no framing.
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .replace(/style-src [^;]*;/, "style-src 'self' 'unsafe-inline';")
        .replace(/font-src [^;]*;/, "font-src 'self' data:;")
        .replace(/img-src [^;]*;/, "img-src 'self' data:;")
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(' upgrade-insecure-requests;', ''),
  });

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database check',
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
      },
    },
    async () => {
      await deps.database.db.selectFrom('settings').select('key').limit(1).execute();
      return { status: 'ok' as const, database: deps.database.dialect };
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true }, onRequest: docsOnly }, async () => app.swagger());

  // The modules — one line each.
  await app.register(authRoutes(deps));
  await app.register(registryRoutes(deps));
  await app.register(usersRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(transferRoutes(deps));
  await app.register(casesRoutes(deps));
  await app.register(kpisRoutes(deps));
  await app.register(casesAdminRoutes(deps));
  await app.register(open311Routes(deps));
  await app.register(notificationsRoutes(deps));
  await app.register(governanceRoutes(deps));
  await app.register(homeRoutes(deps));
  await app.register(fundRoutes(deps));
  await app.register(mediationRoutes(deps));
  await app.register(industryRoutes(deps));
  await app.register(coordinationRoutes(deps));
  await app.register(planRoutes(deps));
  await app.register(assessmentRoutes(deps));

  // One not-found handler: the web app's index.html for a browser opening a page route (client-side
  // routing), else the JSON error envelope — so a monitor probing /metrics or a missing file never sees a
  // fake 200.
  const webDist = options.webDist ? resolve(options.webDist) : null;
  const serveWeb = !!webDist && existsSync(resolve(webDist, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    if (serveWeb && isPageRequest(req.method, req.url, req.headers.accept))
      return reply.sendFile('index.html');
    return sendError(req, reply, new AppError('common.not_found', 404));
  });
  return app;
}

/** A browser navigating to a page of the web app: GET, asks for HTML, not the API and not a file name. */
export function isPageRequest(method: string, url: string, accept: string | undefined): boolean {
  const path = url.split('?')[0];
  if (method !== 'GET' || !accept?.includes('text/html')) return false;
  if (path.startsWith('/api/') || path === '/api' || path.startsWith('/open311/')) return false;
  return !/\.[A-Za-z0-9]+$/.test(path.slice(path.lastIndexOf('/') + 1));
}
