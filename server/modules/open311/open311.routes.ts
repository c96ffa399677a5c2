// Open311 GeoReport v2 at /open311/v2 (http://wiki.open311.org/GeoReport_v2). An encapsulated plugin:
// its own form-urlencoded parser, error handler and not-found handler, so these routes answer only in
// the spec's shapes (errors `[{code, description}]` / `<errors><error>…`), never the platform envelope.
import type { FastifyReply, FastifyRequest, FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { IdempotencyHeaders } from '../../../contracts/common.js';
import {
  CreatedRequests,
  CreateRequestBody,
  Discovery,
  FormatParams,
  Open311Common,
  open311ErrorResponses,
  Open311Errors,
  type Open311Format,
  RequestIdParams,
  RequestsQuery,
  ServiceCodeParams,
  ServiceDefinition,
  ServiceRequests,
  Services,
  TokenParams,
  TokenResponse,
} from '../../../contracts/open311.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/http/errors.js';
import { message } from '../../platform/http/messages.js';
import * as open311 from './open311.service.js';
import { toXml } from './open311.xml.js';

export const OPEN311_PREFIX = '/open311/v2';
const XML_TYPE = 'text/xml; charset=utf-8';
/** Documented response types: the `.json` or `.xml` suffix of the path selects one. */
const PRODUCES = ['application/json', 'text/xml'];
const READ_LIMIT = { rateLimit: { max: 300, timeWindow: '1 minute' } };

type Open311Error = z.infer<typeof Open311Errors>[number];

function formatOf(req: FastifyRequest): Open311Format {
  const param = (req.params as { format?: unknown } | undefined)?.format;
  if (param === 'xml' || param === 'json') return param;
  return /\.xml(?:$|\?)/.test(req.url) ? 'xml' : 'json';
}

/** JSON through the route's response schema (only documented fields leave); XML from the same shape. */
function respond<S extends z.ZodTypeAny>(
  reply: FastifyReply,
  format: Open311Format,
  root: string,
  schema: S,
  value: z.input<S>,
): FastifyReply {
  if (format === 'json') return reply.send(value);
  return reply.type(XML_TYPE).send(toXml(root, schema.parse(value)));
}

function sendErrors(req: FastifyRequest, reply: FastifyReply, status: number, errors: Open311Error[]) {
  reply.status(status);
  if (formatOf(req) === 'xml') return reply.type(XML_TYPE).send(toXml('errors', errors));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(errors));
}

/** The spec's HTTP codes: 404 for missing resources, 403 for the api_key, 400 for everything else. */
function specStatus(status: number): number {
  if (status === 404 || status === 403 || status === 429) return status;
  if (status === 401) return 403;
  return 400;
}

/** `attribute[code]=value` keys → `attribute: {code: value}`; empty and null values are "not declared". */
function normalise(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === null || value === undefined || value === '') continue;
    const attr = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (attr) attributes[attr[1]] = attr[2] ? [value].flat() : value;
    else if (key === 'attribute' && value && typeof value === 'object' && !Array.isArray(value))
      Object.assign(attributes, value);
    else out[key] = value;
  }
  if (Object.keys(attributes).length) out.attribute = attributes;
  return out;
}

/** application/x-www-form-urlencoded → a flat object (a key ending in [] collects an array). */
function parseForm(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    if (key.endsWith('[]')) out[key] = [...((out[key] as string[] | undefined) ?? []), value];
    else out[key] = value;
  }
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

export const open311Routes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(routes(deps), { prefix: OPEN311_PREFIX });
  };

/** Why a create's API key is refused (missing, unknown, revoked, another channel), or null. */
async function checkKey(deps: Deps, req: FastifyRequest): Promise<AppError | null> {
  const fromBody = isPlainObject(req.body) ? req.body.api_key : undefined;
  const fromQuery = (req.query as { api_key?: unknown }).api_key;
  const key = [fromBody, fromQuery].find((k): k is string => typeof k === 'string' && k !== '');
  try {
    if (key) req.actor = await open311.open311Actor(deps, key);
    else if (req.actor?.via === 'apiKey') {
      // X-Api-Key / Bearer, already resolved by the platform: still only an open311 key.
      if (req.actor.channel !== open311.OPEN311_CHANNEL) return new AppError('open311.api_key_invalid', 403);
    } else return new AppError('open311.api_key_missing', 403);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  return null;
}

const keyRefusals = new WeakMap<FastifyRequest, AppError>();

const routes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['open311'];
    const byKey = (req: FastifyRequest) => !keyRefusals.has(req) && req.actor?.via === 'apiKey';
    const createLimit = app.rateLimit({
      timeWindow: '1 minute',
      keyGenerator: (req) =>
        byKey(req) ? `open311-create:${req.actor!.userId}` : `open311-create-ip:${req.ip}`,
      max: async (req) =>
        byKey(req) ? open311.createsPerMinute(deps, req.actor!) : deps.config.OPEN311_IP_RATE_LIMIT,
    });

    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => {
        try {
          done(null, parseForm(body as string));
        } catch (err) {
          done(err as Error, undefined);
        }
      },
    );

    // ?locale=en|zh-CN overrides Accept-Language (the platform has already picked one from the header).
    app.addHook('onRequest', async (req) => {
      const locale = (req.query as { locale?: unknown } | undefined)?.locale;
      if (locale === 'en') req.locale = 'en';
      else if (locale === 'zh' || locale === 'zh-CN') req.locale = 'zh-CN';
    });

    app.addHook('preValidation', async (req) => {
      if (isPlainObject(req.query)) req.query = normalise(req.query);
      if (isPlainObject(req.body)) req.body = normalise(req.body);
    });

    app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
      const locale = req.locale ?? 'zh-CN';
      if (err instanceof AppError) {
        const status = specStatus(err.status);
        return sendErrors(req, reply, status, [
          { code: status, description: message(err.code, locale, err.params) },
        ]);
      }
      if (hasZodFastifySchemaValidationErrors(err)) {
        const errors = err.validation.map((v) => {
          const path = v.instancePath.replace(/^\//, '').split('/').filter(Boolean);
          const field =
            path[0] === 'attribute' && path[1]
              ? `attribute[${path[1]}]`
              : path.join('.') || err.validationContext;
          const missing = /received undefined/.test(v.message ?? '');
          return {
            code: 400,
            description: message(missing ? 'open311.param_missing' : 'open311.param_invalid', locale, {
              field: field ?? 'request',
            }),
          };
        });
        return sendErrors(req, reply, 400, errors);
      }
      const status = (err as FastifyError).statusCode;
      if (status === 429)
        return sendErrors(req, reply, 429, [
          { code: 429, description: message('common.rate_limited', locale) },
        ]);
      if (status && status >= 400 && status < 500) {
        return sendErrors(req, reply, 400, [
          { code: 400, description: message('common.validation', locale, { fields: err.message }) },
        ]);
      }
      // The spec reports any failure during processing as a 400 "general service error".
      req.log.error({ err }, 'open311: unhandled error');
      return sendErrors(req, reply, 400, [
        { code: 400, description: message('open311.general_error', locale) },
      ]);
    });

    app.setNotFoundHandler((req, reply) =>
      sendErrors(req, reply, 404, [{ code: 404, description: message('open311.not_found', req.locale) }]),
    );

    app.get(
      '/discovery.:format',
      {
        schema: {
          tags,
          summary: 'Open311 service discovery (.json or .xml)',
          security: [],
          produces: PRODUCES,
          params: FormatParams,
          querystring: Open311Common,
          response: { 200: Discovery, ...open311ErrorResponses },
        },
        config: READ_LIMIT,
      },
      async (req, reply) => {
        const base = `${req.protocol}://${req.host}`;
        return respond(reply, req.params.format, 'discovery', Discovery, open311.discovery(base, req.locale));
      },
    );

    app.get(
      '/services.:format',
      {
        schema: {
          tags,
          summary: 'Open311 service list: one service per active case category (.json or .xml)',
          security: [],
          produces: PRODUCES,
          params: FormatParams,
          querystring: Open311Common,
          response: { 200: Services, ...open311ErrorResponses },
        },
        config: READ_LIMIT,
      },
      async (req, reply) =>
        respond(reply, req.params.format, 'services', Services, await open311.listServices(deps, req.locale)),
    );

    app.get(
      '/services/:service_code.:format',
      {
        schema: {
          tags,
          summary: 'Open311 service definition: the attributes of a category (.json or .xml)',
          security: [],
          produces: PRODUCES,
          params: ServiceCodeParams,
          querystring: Open311Common,
          response: { 200: ServiceDefinition, ...open311ErrorResponses },
        },
        config: READ_LIMIT,
      },
      async (req, reply) =>
        respond(
          reply,
          req.params.format,
          'service_definition',
          ServiceDefinition,
          await open311.serviceDefinition(deps, req.params.service_code, req.locale),
        ),
    );

    app.get(
      '/requests.:format',
      {
        schema: {
          tags,
          summary:
            'Open311 service requests: public fields of cases, newest first; the last 90 days and 1000 requests at most',
          security: [],
          produces: PRODUCES,
          params: FormatParams,
          querystring: RequestsQuery,
          response: { 200: ServiceRequests, ...open311ErrorResponses },
        },
        config: READ_LIMIT,
      },
      async (req, reply) =>
        respond(
          reply,
          req.params.format,
          'service_requests',
          ServiceRequests,
          await open311.listRequests(deps, req.query, req.locale),
        ),
    );

    app.post(
      '/requests.:format',
      {
        schema: {
          tags,
          summary:
            'Open311 create a service request (application/x-www-form-urlencoded; api_key of channel open311 required)',
          security: [],
          produces: PRODUCES,
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
          params: FormatParams,
          querystring: Open311Common,
          headers: IdempotencyHeaders,
          body: CreateRequestBody,
          response: { 200: CreatedRequests, ...open311ErrorResponses },
        },
        // The key is checked before the body is validated: without it nothing else is answered. The
        // limit counts per key (its own or the default) and, without a valid key, per client address.
        preValidation: [
          async (req) => {
            const refused = await checkKey(deps, req);
            if (refused) keyRefusals.set(req, refused);
          },
          createLimit,
          async (req) => {
            const refused = keyRefusals.get(req);
            if (refused) throw refused;
          },
        ],
      },
      async (req, reply) =>
        respond(
          reply,
          req.params.format,
          'service_requests',
          CreatedRequests,
          await open311.createRequest(
            deps,
            req.actor!,
            req.body,
            req.locale,
            req.id,
            req.headers['idempotency-key'],
          ),
        ),
    );

    app.get(
      '/requests/:service_request_id.:format',
      {
        schema: {
          tags,
          summary: 'Open311 one service request by its id (the case number)',
          security: [],
          produces: PRODUCES,
          params: RequestIdParams,
          querystring: Open311Common,
          response: { 200: ServiceRequests, ...open311ErrorResponses },
        },
        config: READ_LIMIT,
      },
      async (req, reply) =>
        respond(
          reply,
          req.params.format,
          'service_requests',
          ServiceRequests,
          await open311.getRequest(deps, req.params.service_request_id, req.locale),
        ),
    );

    app.get(
      '/tokens/:token.:format',
      {
        schema: {
          tags,
          summary:
            'Open311 service_request_id from a token (requests are realtime: the token is the case id)',
          security: [],
          produces: PRODUCES,
          params: TokenParams,
          querystring: Open311Common,
          response: { 200: TokenResponse, ...open311ErrorResponses },
        },
        config: READ_LIMIT,
      },
      async (req, reply) =>
        respond(
          reply,
          req.params.format,
          'service_requests',
          TokenResponse,
          await open311.tokenLookup(deps, req.params.token),
        ),
    );
  };
