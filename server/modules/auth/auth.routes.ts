import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginBody, Me } from '../../../contracts/auth.js';
import { errorResponses, Ok } from '../../../contracts/common.js';
import { requireActor } from '../../platform/http/context.js';
import { SESSION_COOKIE } from '../../platform/http/http.js';
import type { Deps } from '../../platform/deps.js';
import { secureCookies } from '../../config.js';
import * as auth from './auth.service.js';

export const authRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign in; sets the session cookie',
          body: LoginBody,
          response: { 200: Me, ...errorResponses, 423: errorResponses[401] },
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const result = await auth.login(deps, req.body, req.id);
        reply.setCookie(SESSION_COOKIE, result.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: secureCookies(deps.config, req.protocol),
          expires: result.expiresAt,
        });
        return result.me;
      },
    );

    app.post(
      '/api/v1/auth/logout',
      { schema: { tags: ['auth'], summary: 'Sign out', response: { 200: Ok, ...errorResponses } } },
      async (req, reply) => {
        const actor = requireActor(req);
        await auth.logout(deps, actor, req.cookies[SESSION_COOKIE] ?? '', req.id);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/v1/auth/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user, roles and CSRF token',
          response: { 200: Me, ...errorResponses },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        return auth.describeUser(deps, actor.userId, actor.csrfToken);
      },
    );
  };
