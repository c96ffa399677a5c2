// The street's view (overview, task queue, deadlines calendar) and one compound's governance.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams, pageOf } from '../../../../contracts/common.js';
import {
  GovernanceCompound,
  Overview,
  OverviewQuery,
  Task,
  TaskCalendarQuery,
  TaskQuery,
} from '../../../../contracts/governance.js';
import { FileBody } from '../../../../contracts/governance/fields.js';
import { requireActor } from '../../../platform/http/context.js';
import type { Deps } from '../../../platform/deps.js';
import * as compound from './compound.view.js';
import * as overview from './overview.service.js';

export const overviewRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['governance'];

    // --- The street's view: overview and task queue -------------------------------------------------------
    app.get(
      '/api/v1/governance/overview',
      {
        schema: {
          tags,
          summary:
            'Every compound’s governance state (no assembly / forming / in term / expiring / expired / dysfunctional)',
          querystring: OverviewQuery,
          response: { 200: Overview, ...errorResponses },
        },
      },
      async (req) => overview.overview(deps, requireActor(req), req.query),
    );
    app.get(
      '/api/v1/governance/tasks',
      {
        schema: {
          tags,
          summary: 'Statutory deadlines of formations, committees and decisions, earliest first',
          querystring: TaskQuery,
          response: { 200: pageOf(Task), ...errorResponses },
        },
      },
      async (req) => overview.listTasks(deps, requireActor(req), req.query),
    );

    // --- One compound: trigger, formation, committee ------------------------------------------------------
    app.get(
      '/api/v1/governance/tasks/calendar.ics',
      {
        schema: {
          tags,
          summary: 'The pending deadlines as an iCalendar file (all-day events on each last day)',
          querystring: TaskCalendarQuery,
          response: { 200: FileBody.describe('text/calendar'), ...errorResponses },
        },
      },
      async (req, reply) => {
        const file = await overview.tasksCalendar(deps, requireActor(req), req.query, req.locale);
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.body);
      },
    );
    app.get(
      '/api/v1/governance/compounds/:id',
      {
        schema: {
          tags,
          summary: 'A compound’s governance: assembly trigger, formation steps, committee and its health',
          params: IdParams,
          response: { 200: GovernanceCompound, ...errorResponses },
        },
      },
      async (req) => compound.getCompoundGovernance(deps, requireActor(req), req.params.id),
    );
  };
