// The case page's routes: a case with its timeline and allowed actions, acting on it, its photos.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ActionBody, CaseView, PHOTO_BODY_LIMIT } from '../../../../contracts/cases.js';
import { errorResponses, IdParams } from '../../../../contracts/common.js';
import { requireActor } from '../../../platform/http/context.js';
import type { Deps } from '../../../platform/deps.js';
import * as actions from './actions.service.js';

export const actionsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['cases'];

    app.get(
      '/api/v1/cases/:id',
      {
        schema: {
          tags,
          summary: 'A case with its timeline and the actions allowed now',
          params: IdParams,
          response: { 200: CaseView, ...errorResponses },
        },
      },
      async (req) => actions.getCase(deps, requireActor(req), req.params.id),
    );

    app.post(
      '/api/v1/cases/:id/actions',
      {
        schema: {
          tags,
          summary: 'Act on a case (optimistic version; 409 with the fresh view on conflict)',
          params: IdParams,
          body: ActionBody,
          response: { 200: CaseView, ...errorResponses },
        },
        bodyLimit: PHOTO_BODY_LIMIT, // evidence photos
      },
      async (req) => actions.actOnCase(deps, requireActor(req), req.params.id, req.body, req.id),
    );

    app.get(
      '/api/v1/case-photos/:id',
      { schema: { tags, summary: 'A case photo', params: IdParams } },
      async (req, reply) => {
        const p = await actions.casePhoto(deps, requireActor(req), req.params.id);
        return reply.type(p.mime).header('cache-control', 'private, max-age=3600').send(p.content);
      },
    );
  };
