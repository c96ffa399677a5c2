// Intake routes: the taxonomy, recording a case (staff, grid inspectors, companies, departments) and the
// hotline import. The resident form is in tracking.routes.ts with the other public routes.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PHOTO_BODY_LIMIT,
  Category,
  HotlineIntakeBody,
  IntakeBody,
  IntakeResult,
  SimilarCase,
  SimilarCasesQuery,
} from '../../../../contracts/cases.js';
import { errorResponses, IdempotencyHeaders } from '../../../../contracts/common.js';
import { requireActor, type Actor } from '../../../platform/http/context.js';
import type { Deps } from '../../../platform/deps.js';
import * as intake from './intake.service.js';
import { similarCases } from './similar.service.js';

const reporterOf = (actor: Actor): intake.Reporter =>
  actor.via === 'apiKey' ? { kind: 'apiKey', actor } : { kind: 'user', actor };

export const intakeRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['cases'];

    app.get(
      '/api/v1/case-categories',
      {
        schema: {
          tags,
          summary: 'Case categories (taxonomy)',
          security: [],
          response: { 200: z.object({ items: z.array(Category) }), ...errorResponses },
        },
      },
      async () => ({ items: await intake.listCategories(deps) }),
    );

    app.get(
      '/api/v1/cases/similar',
      {
        schema: {
          tags,
          summary:
            'Open cases a report would repeat (same compound and category, attributes agreeing) or, by number prefix, merge into',
          querystring: SimilarCasesQuery,
          response: { 200: z.object({ items: z.array(SimilarCase) }), ...errorResponses },
        },
      },
      async (req) => similarCases(deps, requireActor(req), req.query),
    );

    app.post(
      '/api/v1/cases',
      {
        bodyLimit: PHOTO_BODY_LIMIT, // screenshots (e.g. of an online post)
        schema: {
          tags,
          summary:
            'Record a case (intake by staff, grid inspectors, companies, departments, 网络舆情 with its source link)',
          body: IntakeBody,
          response: { 200: IntakeResult, ...errorResponses },
        },
      },
      async (req) => intake.intakeCase(deps, reporterOf(requireActor(req)), req.body, req.id),
    );

    app.post(
      '/api/v1/intake/hotline',
      {
        schema: {
          tags,
          summary:
            'Hotline import (12345 / 962121 / 12319); Idempotency-Key or workOrderNo makes retries safe',
          headers: IdempotencyHeaders,
          body: HotlineIntakeBody,
          response: { 200: IntakeResult, ...errorResponses },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const { workOrderNo, ...rest } = req.body;
        const externalRef = req.headers['idempotency-key'] ?? workOrderNo ?? rest.externalRef;
        return intake.intakeCase(deps, reporterOf(actor), { ...rest, externalRef }, req.id);
      },
    );
  };
