// The routes of owners' committees: eligibility, elections, actions, meetings, membership.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../../../contracts/common.js';
import {
  ByElectionBody,
  Committee,
  CommitteeActionBody,
  CommitteeElectionBody,
  EligibilityQuery,
  EligibilityView,
  MeetingInput,
  MemberEndBody,
  MemberParams,
} from '../../../../contracts/governance.js';
import { requireActor } from '../../../platform/http/context.js';
import type { Deps } from '../../../platform/deps.js';
import * as committees from './committees.service.js';
import * as election from './election.service.js';
import * as members from './members.service.js';

type App = Parameters<FastifyPluginAsyncZod>[0];
const tags = ['governance'];

export const committeesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    committeeRoutes(app, deps);
    membershipRoutes(app, deps);
  };

function committeeRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/governance/compounds/:id/eligibility',
    {
      schema: {
        tags,
        summary: 'Check a candidate against the disqualifications the system can see (《规定》 Art 20)',
        params: IdParams,
        querystring: EligibilityQuery,
        response: { 200: EligibilityView, ...errorResponses },
      },
    },
    async (req) => committees.checkEligibility(deps, requireActor(req), req.params.id, req.query, req.locale),
  );
  app.post(
    '/api/v1/governance/compounds/:id/committees',
    {
      schema: {
        tags,
        summary: 'Record an elected owners’ committee (first or successor; street office)',
        params: IdParams,
        body: CommitteeElectionBody,
        response: { 200: Committee, ...errorResponses },
      },
    },
    async (req) =>
      election.recordCommittee(deps, requireActor(req), req.params.id, req.body, req.locale, req.id),
  );

  // --- Committees ---------------------------------------------------------------------------------------
  app.get(
    '/api/v1/governance/committees/:id',
    {
      schema: {
        tags,
        summary: 'An owners’ committee: members, meetings, attendance flags, health, deadlines',
        params: IdParams,
        response: { 200: Committee, ...errorResponses },
      },
    },
    async (req) => committees.getCommittee(deps, requireActor(req), req.params.id),
  );
  app.post(
    '/api/v1/governance/committees/:id/actions',
    {
      schema: {
        tags,
        summary:
          'submit_filing · decide_filing (street) · report_reelection · form_reelection_group (street)',
        params: IdParams,
        body: CommitteeActionBody,
        response: { 200: Committee, ...errorResponses },
      },
    },
    async (req) => committees.actOnCommittee(deps, requireActor(req), req.params.id, req.body, req.id),
  );
  app.post(
    '/api/v1/governance/committees/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Record a committee meeting with attendance and signed resolutions',
        params: IdParams,
        body: MeetingInput,
        response: { 200: Committee, ...errorResponses },
      },
    },
    async (req) => members.recordMeeting(deps, requireActor(req), req.params.id, req.body, req.id),
  );
}

function membershipRoutes(app: App, deps: Deps) {
  app.post(
    '/api/v1/governance/committees/:id/members',
    {
      schema: {
        tags,
        summary: 'By-election of a member (members fewer than the seats but more than half; street office)',
        params: IdParams,
        body: ByElectionBody,
        response: { 200: Committee, ...errorResponses },
      },
    },
    async (req) => members.byElect(deps, requireActor(req), req.params.id, req.body, req.locale, req.id),
  );
  app.post(
    '/api/v1/governance/committees/:id/members/:memberId/end',
    {
      schema: {
        tags,
        summary: 'End a membership (《规定》 Art 31: not an owner, resignation, recall …)',
        params: MemberParams,
        body: MemberEndBody,
        response: { 200: Committee, ...errorResponses },
      },
    },
    async (req) =>
      members.endMembership(deps, requireActor(req), req.params.id, req.params.memberId, req.body, req.id),
  );
}
