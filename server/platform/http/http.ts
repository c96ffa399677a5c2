// Platform HTTP: zod validation/serialization, locale, request ids, session resolution, CSRF, the
// error envelope `{ error: { code, message, details, requestId } }`.
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyError } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { AppError } from './errors.js';
import { message, pickLocale } from './messages.js';
import type { Actor } from './context.js';

export const SESSION_COOKIE = 'gz_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface HttpOptions {
  /** Resolves a session token to its actor (or null when unknown/expired). */
  resolveSession(token: string): Promise<Actor | null>;
  /** Resolves an integration API key (`Authorization: Bearer …` or `X-Api-Key`). */
  resolveApiKey(key: string): Promise<Actor | null>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sendError(req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  return reply.status(err.status).send({
    error: {
      code: err.code,
      message: message(err.code, req.locale ?? 'zh-CN', err.params),
      details: err.details ?? null,
      requestId: req.id,
    },
  });
}

export function registerHttpPlatform(app: FastifyInstance, options: HttpOptions): void {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh-CN');

  app.addHook('onRequest', async (req) => {
    req.locale = pickLocale(req.headers['accept-language']);
    const apiKey = bearerKey(req);
    if (apiKey) {
      req.actor = await options.resolveApiKey(apiKey);
      return;
    }
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) req.actor = await options.resolveSession(token);
    // Cookie-authenticated writes must echo the session's CSRF token (double submit).
    if (req.actor && req.actor.via === 'session' && !SAFE_METHODS.has(req.method)) {
      if (req.headers[CSRF_HEADER] !== req.actor.csrfToken) throw new AppError('auth.csrf', 403);
    }
  });

  // Text columns cannot hold U+0000 on PostgreSQL (and no user means one): refuse it up front.
  app.addHook('preValidation', async (req) => {
    const where = findNul({ body: req.body, query: req.query, params: req.params });
    if (where) throw new AppError('common.validation', 400, { fields: where });
    const key = req.headers['idempotency-key'];
    if (typeof key === 'string' && key.includes('\u0000'))
      throw new AppError('common.validation', 400, { fields: 'Idempotency-Key' });
  });

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) return sendError(req, reply, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: `${err.validationContext ?? ''}${v.instancePath}`,
        message: v.message ?? '',
        code: v.params?.issue ? (v.params.issue as { code?: string }).code : undefined,
      }));
      const fields = details.map((d) => d.path || err.validationContext).join(', ');
      return sendError(req, reply, new AppError('common.validation', 400, { fields }, details));
    }
    const status = (err as FastifyError).statusCode;
    if (status === 413) return sendError(req, reply, new AppError('common.payload_too_large', 413));
    if (status === 429) return sendError(req, reply, new AppError('common.rate_limited', 429));
    if (status && status >= 400 && status < 500) {
      return sendError(req, reply, new AppError('common.validation', 400, { fields: err.message }));
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(req, reply, new AppError('common.internal', 500));
  });
}

/** The path of the first string holding U+0000 (or of nesting deeper than any contract allows), or null. */
function findNul(root: unknown): string | null {
  const stack: [unknown, string, number][] = [[root, '', 0]];
  while (stack.length) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path || '/';
    } else if (value && typeof value === 'object') {
      if (depth > 32) return path;
      for (const [k, v] of Object.entries(value)) {
        if (k.includes('\u0000')) return `${path}/${k}`;
        stack.push([v, `${path}/${k}`, depth + 1]);
      }
    }
  }
  return null;
}

/** Router-level errors (an over-long path parameter, a malformed URL) in the same envelope. */
export function frameworkErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  req.locale ??= pickLocale(req.headers['accept-language']);
  const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 400;
  return reply.status(status).send({
    error: {
      code: 'common.validation',
      message: message('common.validation', req.locale, { fields: 'url' }),
      details: null,
      requestId: req.id,
    },
  });
}

function bearerKey(req: FastifyRequest): string | null {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  return null;
}
