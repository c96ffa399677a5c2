// The signed-in owner's own reports: report a problem at one of their units, and the list of what they reported.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IntakeResult, OwnCaseItem, OwnReportBody, PHOTO_BODY_LIMIT } from '../../../../contracts/cases.js';
import { errorResponses, PageQuery, pageOf } from '../../../../contracts/common.js';
import { requireActor } from '../../../platform/http/context.js';
import type { Deps } from '../../../platform/deps.js';
import * as owner from './owner.service.js';

export const ownerCasesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['cases'];
    app.get(
      '/api/v1/owner/cases',
      {
        schema: {
          tags,
          summary: 'The cases the signed-in owner reported, newest first, in the reporter’s words',
          querystring: PageQuery,
          response: { 200: pageOf(OwnCaseItem), ...errorResponses },
        },
      },
      async (req) => owner.listOwnCases(deps, requireActor(req), req.query),
    );
    app.post(
      '/api/v1/owner/cases',
      {
        schema: {
          tags,
          summary: 'Report a problem at one of the signed-in owner’s units (routed as for staff intake)',
          body: OwnReportBody,
          response: { 200: IntakeResult, ...errorResponses },
        },
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        bodyLimit: PHOTO_BODY_LIMIT,
      },
      async (req) => owner.reportOwnProblem(deps, requireActor(req), req.body, req.id),
    );
  };
