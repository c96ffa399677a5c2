// The public compound directory (resident report form): no account, rate-limited, names only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, IdParams } from '../../../contracts/common.js';
import {
  PublicBuilding,
  PublicCompound,
  PublicCompoundQuery,
  PublicUnit,
} from '../../../contracts/registry.js';
import type { Deps } from '../../platform/deps.js';
import * as directory from './registry.directory.js';

export const registryPublicRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['public'];
    const rateLimit = { max: 60, timeWindow: '1 minute' };

    app.get(
      '/api/v1/public/compounds',
      {
        schema: {
          tags,
          summary: 'Find a compound by name or the nearest to a position (name and street only)',
          security: [],
          querystring: PublicCompoundQuery,
          response: { 200: z.object({ items: z.array(PublicCompound) }), ...errorResponses },
        },
        config: { rateLimit },
      },
      async (req) => ({ items: await directory.publicCompounds(deps, req.query) }),
    );

    app.get(
      '/api/v1/public/compounds/:id/buildings',
      {
        schema: {
          tags,
          summary: 'The buildings of a compound (names only)',
          security: [],
          params: IdParams,
          response: { 200: z.object({ items: z.array(PublicBuilding) }), ...errorResponses },
        },
        config: { rateLimit },
      },
      async (req) => ({ items: await directory.publicBuildings(deps, req.params.id) }),
    );

    app.get(
      '/api/v1/public/buildings/:id/units',
      {
        schema: {
          tags,
          summary: 'The unit numbers of a building',
          security: [],
          params: IdParams,
          response: { 200: z.object({ items: z.array(PublicUnit) }), ...errorResponses },
        },
        config: { rateLimit },
      },
      async (req) => ({ items: await directory.publicUnits(deps, req.params.id) }),
    );
  };
