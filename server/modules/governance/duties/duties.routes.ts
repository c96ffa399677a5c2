// The routes of the statutory duties (issue 14 items 6–10, 16): meeting notices (Art 25 ¶2), petitions for
// extraordinary meetings (Arts 25 ¶1, 26 ¶1), exemption from forming an assembly (Art 13 ¶2), the filing
// file's materials (Art 23 ¶1) and a leaving member's handover (Art 30).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../../../contracts/common.js';
import {
  Committee,
  ExemptionInput,
  ExemptionRevokeBody,
  ExemptionView,
  FilingMaterialInput,
  FilingMaterials,
  HandoverBody,
  MeetingNoticeInput,
  MeetingNotices,
  MemberParams,
  PetitionConveneBody,
  PetitionInput,
  PetitionParams,
  Petitions,
} from '../../../../contracts/governance.js';
import { requireActor } from '../../../platform/http/context.js';
import type { Deps } from '../../../platform/deps.js';
import * as exemptions from './exemptions.service.js';
import * as materials from './filing-materials.service.js';
import * as handover from './handover.service.js';
import * as notices from './meeting-notices.service.js';
import * as petitions from './petitions.service.js';

type App = Parameters<FastifyPluginAsyncZod>[0];
const tags = ['governance'];

export const dutiesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    noticeRoutes(app, deps);
    petitionRoutes(app, deps);
    compoundDutyRoutes(app, deps);
    committeeDutyRoutes(app, deps);
  };

function noticeRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/governance/decisions/:id/meeting-notices',
    {
      schema: {
        tags,
        summary: 'The written notices of an assembly meeting (《规定》 Art 25 ¶2) and who is still missing',
        params: IdParams,
        response: { 200: MeetingNotices, ...errorResponses },
      },
    },
    async (req) => notices.getMeetingNotices(deps, requireActor(req), req.params.id),
  );
  app.post(
    '/api/v1/governance/decisions/:id/meeting-notices',
    {
      schema: {
        tags,
        summary: 'Record the written notice to the 房管机构 or the 居民委员会 (before the decision opens)',
        params: IdParams,
        body: MeetingNoticeInput,
        response: { 200: MeetingNotices, ...errorResponses },
      },
    },
    async (req) => notices.recordMeetingNotice(deps, requireActor(req), req.params.id, req.body, req.id),
  );
}

function petitionRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/governance/committees/:id/petitions',
    {
      schema: {
        tags,
        summary:
          'Proposals for extraordinary meetings (《规定》 Art 25 ¶1: 20% of owners; Art 26 ¶1: 1/3 of members)',
        params: IdParams,
        response: { 200: Petitions, ...errorResponses },
      },
    },
    async (req) => petitions.listPetitions(deps, requireActor(req), req.params.id),
  );
  app.post(
    '/api/v1/governance/committees/:id/petitions',
    {
      schema: {
        tags,
        summary: 'Record a proposal; its share is checked and a reached one opens the committee’s task',
        params: IdParams,
        body: PetitionInput,
        response: { 200: Petitions, ...errorResponses },
      },
    },
    async (req) => petitions.recordPetition(deps, requireActor(req), req.params.id, req.body, req.id),
  );
  app.post(
    '/api/v1/governance/committees/:id/petitions/:petitionId/convene',
    {
      schema: {
        tags,
        summary: 'The decision or extraordinary meeting that answered a proposal',
        params: PetitionParams,
        body: PetitionConveneBody,
        response: { 200: Petitions, ...errorResponses },
      },
    },
    async (req) =>
      petitions.convenePetition(
        deps,
        requireActor(req),
        req.params.id,
        req.params.petitionId,
        req.body,
        req.id,
      ),
  );
}

function compoundDutyRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/governance/compounds/:id/exemption',
    {
      schema: {
        tags,
        summary: 'Exemption from forming an assembly (《规定》 Art 13 ¶2) and today’s owners',
        params: IdParams,
        response: { 200: ExemptionView, ...errorResponses },
      },
    },
    async (req) => exemptions.getExemption(deps, requireActor(req), req.params.id),
  );
  app.post(
    '/api/v1/governance/compounds/:id/exemption',
    {
      schema: {
        tags,
        summary:
          'Record the exemption: one owner, or all owners agreed not to form an assembly (street office)',
        params: IdParams,
        body: ExemptionInput,
        response: { 200: ExemptionView, ...errorResponses },
      },
    },
    async (req) => exemptions.recordExemption(deps, requireActor(req), req.params.id, req.body, req.id),
  );
  app.post(
    '/api/v1/governance/compounds/:id/exemption/revoke',
    {
      schema: {
        tags,
        summary: 'End the exemption (owners changed or no longer agree; street office)',
        params: IdParams,
        body: ExemptionRevokeBody,
        response: { 200: ExemptionView, ...errorResponses },
      },
    },
    async (req) => exemptions.revokeExemption(deps, requireActor(req), req.params.id, req.body, req.id),
  );
}

function committeeDutyRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/governance/committees/:id/filing-materials',
    {
      schema: {
        tags,
        summary: 'The filing file’s six materials (《规定》 Art 23 ¶1) and what is missing',
        params: IdParams,
        response: { 200: FilingMaterials, ...errorResponses },
      },
    },
    async (req) => materials.getFilingMaterials(deps, requireActor(req), req.params.id),
  );
  app.post(
    '/api/v1/governance/committees/:id/filing-materials',
    {
      schema: {
        tags,
        summary: 'Record a document put into the filing file',
        params: IdParams,
        body: FilingMaterialInput,
        response: { 200: FilingMaterials, ...errorResponses },
      },
    },
    async (req) => materials.recordFilingMaterial(deps, requireActor(req), req.params.id, req.body, req.id),
  );
  app.post(
    '/api/v1/governance/committees/:id/members/:memberId/handover',
    {
      schema: {
        tags,
        summary: 'A member who left handed over the records and property (《规定》 Art 30: 10 days)',
        params: MemberParams,
        body: HandoverBody,
        response: { 200: Committee, ...errorResponses },
      },
    },
    async (req) =>
      handover.recordHandover(deps, requireActor(req), req.params.id, req.params.memberId, req.body, req.id),
  );
}
