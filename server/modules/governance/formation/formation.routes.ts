// The routes of assembly formation (业主大会筹备).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../../../contracts/common.js';
import {
  FormationActionBody,
  FormationStartBody,
  GovernanceCompound,
} from '../../../../contracts/governance.js';
import { requireActor } from '../../../platform/http/context.js';
import type { Deps } from '../../../platform/deps.js';
import * as formation from './formation.service.js';

export const formationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['governance'];

    app.post(
      '/api/v1/governance/compounds/:id/formation',
      {
        schema: {
          tags,
          summary: 'Start tracking the formation of the owners’ assembly (street office)',
          params: IdParams,
          body: FormationStartBody,
          response: { 200: GovernanceCompound, ...errorResponses },
        },
      },
      async (req) => formation.startFormation(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      '/api/v1/governance/formations/:id/actions',
      {
        schema: {
          tags,
          summary: 'Record a formation step: report, 筹备组, notices, objections, first meeting',
          params: IdParams,
          body: FormationActionBody,
          response: { 200: GovernanceCompound, ...errorResponses },
        },
      },
      async (req) => formation.actOnFormation(deps, requireActor(req), req.params.id, req.body, req.id),
    );
  };
