// Dispute mediation (矛盾调解) routes: thin — each hands the actor and the validated input to the service.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, IdParams } from '../../../contracts/common.js';
import {
  CreateDisputeBody,
  DisputeActionBody,
  DisputePage,
  DisputeQuery,
  DisputeView,
  MediationOptions,
  MediationStats,
  OptionsQuery,
  RevealedParty,
  SessionBody,
  StatsQuery,
} from '../../../contracts/mediation.js';
import { requireActor } from '../../platform/http/context.js';
import type { Deps } from '../../platform/deps.js';
import * as actions from './mediation.actions.js';
import * as mediation from './mediation.service.js';

const tags = ['mediation'];
const PartyParams = z.object({ id: z.string().min(1).max(64), partyId: z.string().min(1).max(64) });
const Created = z.object({ id: z.string() });

export const mediationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/mediation/disputes',
      {
        schema: {
          tags,
          summary: 'The dispute queue (矛盾纠纷) of the caller’s streets, newest first; parties by name',
          querystring: DisputeQuery,
          response: { 200: DisputePage, ...errorResponses },
        },
      },
      async (req) => mediation.listDisputes(deps, requireActor(req), req.query),
    );
    app.post(
      '/api/v1/mediation/disputes',
      {
        schema: {
          tags,
          summary:
            'Register a dispute (《上海市住宅物业管理规定》第三十六条); with caseId it is turned from that case, which records it',
          body: CreateDisputeBody,
          response: { 200: Created, ...errorResponses },
        },
      },
      async (req) => mediation.createDispute(deps, requireActor(req), req.body, req.id),
    );
    app.get(
      '/api/v1/mediation/disputes/:id',
      {
        schema: {
          tags,
          summary: 'A dispute: parties (phones masked), sessions, outcome, the actions allowed now',
          params: IdParams,
          response: { 200: DisputeView, ...errorResponses },
        },
      },
      async (req) => mediation.getDispute(deps, requireActor(req), req.params.id),
    );
    app.post(
      '/api/v1/mediation/disputes/:id/sessions',
      {
        schema: {
          tags,
          summary: 'Record a mediation session (date, place, notes); 409 when the dispute changed',
          params: IdParams,
          body: SessionBody,
          response: { 200: DisputeView, ...errorResponses },
        },
      },
      async (req) => actions.recordSession(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      '/api/v1/mediation/disputes/:id/actions',
      {
        schema: {
          tags,
          summary:
            'An outcome or step: assign, agree (调解协议), sign, fail (referred to arbitration or court), withdraw, ' +
            'toCase, confirm (司法确认); 409 when the dispute changed or the action is not allowed now',
          params: IdParams,
          body: DisputeActionBody,
          response: { 200: DisputeView, ...errorResponses },
        },
      },
      async (req) => actions.act(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      '/api/v1/mediation/disputes/:id/parties/:partyId/reveal',
      {
        schema: {
          tags,
          summary: 'A party’s unmasked phone (the dispute’s managers; audited)',
          params: PartyParams,
          response: { 200: RevealedParty, ...errorResponses },
        },
      },
      async (req) =>
        mediation.revealParty(deps, requireActor(req), req.params.id, req.params.partyId, req.id),
    );
    app.get(
      '/api/v1/mediation/options',
      {
        schema: {
          tags,
          summary: 'The mediation committees and mediators of a compound’s street',
          querystring: OptionsQuery,
          response: { 200: MediationOptions, ...errorResponses },
        },
      },
      async (req) => mediation.options(deps, requireActor(req), req.query.compoundId),
    );
    app.get(
      '/api/v1/mediation/stats',
      {
        schema: {
          tags,
          summary: 'Statistics per street: disputes by type, agreements reached, median days to outcome',
          querystring: StatsQuery,
          response: { 200: MediationStats, ...errorResponses },
        },
      },
      async (req) => mediation.stats(deps, requireActor(req), req.query),
    );
  };
