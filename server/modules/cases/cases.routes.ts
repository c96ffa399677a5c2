// The cases module's routes, one plugin per part (registered in this order, which the OpenAPI document keeps).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';
import { actionsRoutes } from './actions/actions.routes.js';
import { intakeRoutes } from './intake/intake.routes.js';
import { ownerCasesRoutes } from './owner/owner.routes.js';
import { queuesRoutes } from './queues/queues.routes.js';
import { trackingRoutes } from './tracking/tracking.routes.js';

export const casesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(intakeRoutes(deps));
    await app.register(queuesRoutes(deps));
    await app.register(actionsRoutes(deps));
    await app.register(trackingRoutes(deps));
    await app.register(ownerCasesRoutes(deps));
  };
