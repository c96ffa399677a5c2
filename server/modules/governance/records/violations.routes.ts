// The routes of the register of Art 20 ¶2 grounds (违规情形登记), read by the committee eligibility check.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../../../contracts/common.js';
import {
  UnitViolation,
  UnitViolationCorrectBody,
  UnitViolationInput,
  UnitViolationPage,
  UnitViolationQuery,
} from '../../../../contracts/governance.js';
import { requireActor } from '../../../platform/http/context.js';
import type { Deps } from '../../../platform/deps.js';
import * as violations from './violations.service.js';

const tags = ['governance'];

export const violationsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/governance/compounds/:id/violations',
      {
        schema: {
          tags,
          summary: 'The register of 《规定》 Art 20 ¶2 grounds found on the compound’s units (违规情形登记)',
          params: IdParams,
          querystring: UnitViolationQuery,
          response: { 200: UnitViolationPage, ...errorResponses },
        },
      },
      async (req) => violations.listViolations(deps, requireActor(req), req.params.id, req.query, req.locale),
    );
    app.post(
      '/api/v1/governance/compounds/:id/violations',
      {
        schema: {
          tags,
          summary: 'Record an Art 20 ¶2 ground found on a unit (the street office)',
          params: IdParams,
          body: UnitViolationInput,
          response: { 200: UnitViolation, ...errorResponses },
        },
      },
      async (req) =>
        violations.recordViolation(deps, requireActor(req), req.params.id, req.body, req.locale, req.id),
    );
    app.post(
      '/api/v1/governance/violations/:id/correct',
      {
        schema: {
          tags,
          summary: 'Record that an Art 20 ¶2 ground was corrected (改正)',
          params: IdParams,
          body: UnitViolationCorrectBody,
          response: { 200: UnitViolation, ...errorResponses },
        },
      },
      async (req) =>
        violations.correctViolation(deps, requireActor(req), req.params.id, req.body, req.locale, req.id),
    );
  };
