// The routes of the committee's records: resolutions, change filings, training, the notice board, owner
// groups and fee arrears.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams, pageOf } from '../../../../contracts/common.js';
import {
  Arrear,
  ArrearInput,
  ArrearQuery,
  ArrearSettleBody,
  ChangeParams,
  Committee,
  CommitteeChangeActionBody,
  CommitteeChangeInput,
  GovernanceCompound,
  MeetingParams,
  MeetingPublishBody,
  NoticeBoard,
  OwnerGroupDissolveBody,
  OwnerGroupInput,
  TrainingInput,
} from '../../../../contracts/governance.js';
import { requireActor } from '../../../platform/http/context.js';
import type { Deps } from '../../../platform/deps.js';
import * as arrears from './arrears.service.js';
import * as changes from './changes.service.js';
import * as notices from './notices.service.js';
import * as ownerGroups from './owner-groups.service.js';
import * as records from './records.service.js';

type App = Parameters<FastifyPluginAsyncZod>[0];
const tags = ['governance'];

export const recordsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    committeeRecordRoutes(app, deps);
    compoundRecordRoutes(app, deps);
    arrearsRoutes(app, deps);
  };

function committeeRecordRoutes(app: App, deps: Deps) {
  // --- Committee records: publication, change filings, training ---------------------------------------
  app.post(
    '/api/v1/governance/committees/:id/meetings/:meetingId/publish',
    {
      schema: {
        tags,
        summary:
          'Post a meeting’s adopted resolutions and inform the residents’ committee (《规定》 Art 26 ¶3)',
        params: MeetingParams,
        body: MeetingPublishBody,
        response: { 200: Committee, ...errorResponses },
      },
    },
    async (req) =>
      records.publishResolutions(
        deps,
        requireActor(req),
        req.params.id,
        req.params.meetingId,
        req.body,
        req.id,
      ),
  );
  app.post(
    '/api/v1/governance/committees/:id/changes',
    {
      schema: {
        tags,
        summary: 'Record a change to file (变更备案, 《规定》 Art 33): name, area, 议事规则, 管理规约',
        params: IdParams,
        body: CommitteeChangeInput,
        response: { 200: Committee, ...errorResponses },
      },
    },
    async (req) => changes.addChange(deps, requireActor(req), req.params.id, req.body, req.id),
  );
  app.post(
    '/api/v1/governance/committees/:id/changes/:changeId/actions',
    {
      schema: {
        tags,
        summary: 'submit (committee) · decide (street, 《规定》 Art 34: within 20 days) a change filing',
        params: ChangeParams,
        body: CommitteeChangeActionBody,
        response: { 200: Committee, ...errorResponses },
      },
    },
    async (req) =>
      changes.actOnChange(deps, requireActor(req), req.params.id, req.params.changeId, req.body, req.id),
  );
  app.post(
    '/api/v1/governance/committees/:id/trainings',
    {
      schema: {
        tags,
        summary: 'Record a training the street gave committee members (《规定》 Arts 15, 23)',
        params: IdParams,
        body: TrainingInput,
        response: { 200: Committee, ...errorResponses },
      },
    },
    async (req) => records.recordTraining(deps, requireActor(req), req.params.id, req.body, req.id),
  );
}

function compoundRecordRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/governance/compounds/:id/notices',
    {
      schema: {
        tags,
        summary:
          'The compound’s notice board (公告栏): committee names, posted resolutions, published decisions, owner groups — for its owners and the supervising offices',
        params: IdParams,
        response: { 200: NoticeBoard, ...errorResponses },
      },
    },
    async (req) => notices.noticeBoard(deps, requireActor(req), req.params.id),
  );

  // --- Owner groups (业主小组) ----------------------------------------------------------------------------
  app.post(
    '/api/v1/governance/compounds/:id/owner-groups',
    {
      schema: {
        tags,
        summary: 'Form an owner group for a building (《规定》 Art 35; regions with two or more buildings)',
        params: IdParams,
        body: OwnerGroupInput,
        response: { 200: GovernanceCompound, ...errorResponses },
      },
    },
    async (req) => ownerGroups.createOwnerGroup(deps, requireActor(req), req.params.id, req.body, req.id),
  );
  app.post(
    '/api/v1/governance/owner-groups/:id/dissolve',
    {
      schema: {
        tags,
        summary: 'Dissolve an owner group',
        params: IdParams,
        body: OwnerGroupDissolveBody,
        response: { 200: GovernanceCompound, ...errorResponses },
      },
    },
    async (req) => ownerGroups.dissolveOwnerGroup(deps, requireActor(req), req.params.id, req.body, req.id),
  );
}

function arrearsRoutes(app: App, deps: Deps) {
  // --- Fee arrears (欠费, for the eligibility check of 《规定》 Art 20 ¶2) -----------------------------------
  app.get(
    '/api/v1/governance/compounds/:id/arrears',
    {
      schema: {
        tags,
        summary: 'Arrears of property fees and maintenance-fund contributions recorded for a compound',
        params: IdParams,
        querystring: ArrearQuery,
        response: { 200: pageOf(Arrear), ...errorResponses },
      },
    },
    async (req) => arrears.listArrears(deps, requireActor(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/governance/compounds/:id/arrears',
    {
      schema: {
        tags,
        summary: 'Record an arrear on a unit (the serving property company or the street office)',
        params: IdParams,
        body: ArrearInput,
        response: { 200: Arrear, ...errorResponses },
      },
    },
    async (req) => arrears.recordArrear(deps, requireActor(req), req.params.id, req.body, req.id),
  );
  app.post(
    '/api/v1/governance/arrears/:id/settle',
    {
      schema: {
        tags,
        summary: 'Mark an arrear settled',
        params: IdParams,
        body: ArrearSettleBody,
        response: { 200: Arrear, ...errorResponses },
      },
    },
    async (req) => arrears.settleArrear(deps, requireActor(req), req.params.id, req.body, req.id),
  );
}
