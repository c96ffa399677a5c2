// The staff home. Routes are thin: the service gathers the figures from the modules that own them.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common.js';
import { HomeResult } from '../../../contracts/home.js';
import { requireActor } from '../../platform/http/context.js';
import type { Deps } from '../../platform/deps.js';
import * as home from './home.service.js';

export const homeRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/home',
      {
        schema: {
          tags: ['home'],
          summary: 'What needs the caller today: queue counts, committees near 换届, the area’s trend',
          description:
            'Counts of the caller’s case queues (same scope as GET /api/v1/cases?queue=…), current committees ' +
            'whose 换届 report is due (Art 28: five months before the term ends) or overdue, and for street, ' +
            'district and city offices the last six months of GET /api/v1/kpis/trend. A part the caller has ' +
            'no access to is null.',
          response: { 200: HomeResult, ...errorResponses },
        },
      },
      async (req) => home.getHome(deps, requireActor(req)),
    );
  };
