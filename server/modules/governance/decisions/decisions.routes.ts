// The routes of owners' decisions and of the owners' own ballots (no account: the invitation code).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, IdParams, pageOf } from '../../../../contracts/common.js';
import {
  AccountBallotBody,
  Ballot,
  BallotLookup,
  BallotLookupBody,
  BallotReceipt,
  Decision,
  DecisionActionBody,
  DecisionInput,
  DecisionListItem,
  DecisionQuery,
  DecisionResult,
  DeskBallotBody,
  Invitations,
  InvitationsBody,
  OwnDecision,
  OwnerBallotBody,
  RollItem,
  RollQuery,
} from '../../../../contracts/governance.js';
import { FileBody } from '../../../../contracts/governance/fields.js';
import { requireActor } from '../../../platform/http/context.js';
import type { Deps } from '../../../platform/deps.js';
import * as ballots from './ballots.service.js';
import * as decisions from './decisions.service.js';
import * as own from './owner-ballots.service.js';
import * as tally from './decisions.tally.js';

type App = Parameters<FastifyPluginAsyncZod>[0];
const tags = ['governance'];

export const decisionsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    decisionRoutes(app, deps);
    rollAndResultRoutes(app, deps);
    ownerBallotRoutes(app, deps);
    ownerAccountRoutes(app, deps);
  };

function decisionRoutes(app: App, deps: Deps) {
  // --- Decisions -------------------------------------------------------------------------------------
  app.get(
    '/api/v1/governance/decisions',
    {
      schema: {
        tags,
        summary: 'Owners’ decisions in scope (owners: the published decisions of their compounds)',
        querystring: DecisionQuery,
        response: { 200: pageOf(DecisionListItem), ...errorResponses },
      },
    },
    async (req) => decisions.listDecisions(deps, requireActor(req), req.query),
  );
  app.post(
    '/api/v1/governance/decisions',
    {
      schema: {
        tags,
        summary: 'Draft a decision (committee member of the compound or street office)',
        body: DecisionInput,
        response: { 200: Decision, ...errorResponses },
      },
    },
    async (req) => decisions.createDecision(deps, requireActor(req), req.body, req.locale, req.id),
  );
  app.get(
    '/api/v1/governance/decisions/:id',
    {
      schema: {
        tags,
        summary: 'One decision with the actions the caller may take',
        params: IdParams,
        response: { 200: Decision, ...errorResponses },
      },
    },
    async (req) => decisions.getDecision(deps, requireActor(req), req.params.id),
  );
  app.post(
    '/api/v1/governance/decisions/:id/actions',
    {
      schema: {
        tags,
        summary: 'open (notice + roll snapshot) · close (freeze the result) · publish · cancel',
        params: IdParams,
        body: DecisionActionBody,
        response: { 200: Decision, ...errorResponses },
      },
    },
    async (req) =>
      decisions.actOnDecision(deps, requireActor(req), req.params.id, req.body, req.locale, req.id),
  );
  app.post(
    '/api/v1/governance/decisions/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Issue invitation codes (one per unit), returned once as the printable list',
        params: IdParams,
        body: InvitationsBody,
        response: { 200: Invitations, ...errorResponses },
      },
    },
    async (req) => ballots.issueInvitations(deps, requireActor(req), req.params.id, req.body, req.id),
  );
}

function rollAndResultRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/governance/decisions/:id/roll',
    {
      schema: {
        tags,
        summary: 'The frozen roll (名册) with who has voted',
        params: IdParams,
        querystring: RollQuery,
        response: { 200: pageOf(RollItem), ...errorResponses },
      },
    },
    async (req) => ballots.getRoll(deps, requireActor(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/governance/decisions/:id/ballots',
    {
      schema: {
        tags,
        summary: 'Record a signed paper ballot or a proxy ballot at the desk',
        params: IdParams,
        body: DeskBallotBody,
        response: { 200: Ballot, ...errorResponses },
      },
    },
    async (req) => ballots.recordDeskBallot(deps, requireActor(req), req.params.id, req.body, req.id),
  );
  app.get(
    '/api/v1/governance/decisions/:id/result',
    {
      schema: {
        tags,
        summary: 'The result with its arithmetic (totals, participation, thresholds as fractions)',
        params: IdParams,
        response: { 200: DecisionResult, ...errorResponses },
      },
    },
    async (req) => tally.getResult(deps, requireActor(req), req.params.id),
  );
  app.get(
    '/api/v1/governance/decisions/:id/export',
    {
      schema: {
        tags,
        summary: 'The ballot file in the `gongzhi tally` input format (reproduces the result)',
        params: IdParams,
        response: { 200: FileBody.describe('application/json'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const file = await tally.exportBallotFile(deps, requireActor(req), req.params.id, req.id);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
}

function ownerBallotRoutes(app: App, deps: Deps) {
  // --- Owners' ballots (no account: the invitation code is the credential) ----------------------------
  app.post(
    '/api/v1/ballots/lookup',
    {
      schema: {
        tags: ['public'],
        summary: 'What an invitation code opens: the decision and the unit',
        security: [],
        body: BallotLookupBody,
        response: { 200: BallotLookup, ...errorResponses },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req) => ballots.lookupBallot(deps, req.body.code),
  );
  app.post(
    '/api/v1/ballots',
    {
      schema: {
        tags: ['public'],
        summary: 'Vote with an invitation code (each owner once; a second ballot is 409)',
        security: [],
        body: OwnerBallotBody,
        response: { 200: BallotReceipt, ...errorResponses },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req) => ballots.castBallot(deps, req.body.code, req.body.choice, req.id),
  );
}

function ownerAccountRoutes(app: App, deps: Deps) {
  // --- The signed-in owner's own decisions and ballot (the account is the identity) ------------------------
  app.get(
    '/api/v1/owner/decisions',
    {
      schema: {
        tags,
        summary:
          'Open decisions of the compounds where the signed-in owner owns a unit, with their units and ballot',
        response: { 200: z.object({ items: z.array(OwnDecision) }), ...errorResponses },
      },
    },
    async (req) => own.listOwnDecisions(deps, requireActor(req)),
  );
  app.post(
    '/api/v1/owner/decisions/:id/ballot',
    {
      schema: {
        tags,
        summary:
          'Vote as the signed-in owner for one of their units (each vote owner once; a second ballot is 409)',
        params: IdParams,
        body: AccountBallotBody,
        response: { 200: BallotReceipt, ...errorResponses },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req) => own.castOwnBallot(deps, requireActor(req), req.params.id, req.body, req.id),
  );
}
