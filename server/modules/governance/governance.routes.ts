// The governance module's routes, one plugin per sub-domain (registered in this order, which the OpenAPI
// document keeps).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';
import { committeesRoutes } from './committees/committees.routes.js';
import { decisionsRoutes } from './decisions/decisions.routes.js';
import { dutiesRoutes } from './duties/duties.routes.js';
import { formationRoutes } from './formation/formation.routes.js';
import { overviewRoutes } from './overview/overview.routes.js';
import { recordsRoutes } from './records/records.routes.js';
import { violationsRoutes } from './records/violations.routes.js';

export const governanceRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(decisionsRoutes(deps));
    await app.register(overviewRoutes(deps));
    await app.register(formationRoutes(deps));
    await app.register(committeesRoutes(deps));
    await app.register(recordsRoutes(deps));
    await app.register(dutiesRoutes(deps));
    await app.register(violationsRoutes(deps));
  };
