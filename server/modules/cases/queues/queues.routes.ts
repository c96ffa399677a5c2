// The work queue route.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CaseListItem, QueueQuery } from '../../../../contracts/cases.js';
import { errorResponses, pageOf } from '../../../../contracts/common.js';
import { requireActor } from '../../../platform/http/context.js';
import type { Deps } from '../../../platform/deps.js';
import * as queues from './queues.service.js';

export const queuesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/cases',
      {
        schema: {
          tags: ['cases'],
          summary: 'Work queues (to sign, in progress, due soon, overdue, returned, to dispatch, to verify)',
          querystring: QueueQuery,
          response: { 200: pageOf(CaseListItem), ...errorResponses },
        },
      },
      async (req) => queues.listQueue(deps, requireActor(req), req.query),
    );
  };
