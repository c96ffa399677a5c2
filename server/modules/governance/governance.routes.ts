import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, IdParams, pageOf } from '../../../contracts/common.js';
import {
  Arrear,
  ArrearInput,
  ArrearQuery,
  ArrearSettleBody,
  ChangeParams,
  CommitteeChangeActionBody,
  CommitteeChangeInput,
  MeetingParams,
  MeetingPublishBody,
  NoticeBoard,
  OwnerGroupDissolveBody,
  OwnerGroupInput,
  TrainingInput,
  ByElectionBody,
  Committee,
  CommitteeActionBody,
  CommitteeElectionBody,
  EligibilityQuery,
  EligibilityView,
  FormationActionBody,
  FormationStartBody,
  GovernanceCompound,
  MeetingInput,
  MemberEndBody,
  MemberParams,
  Overview,
  OverviewQuery,
  Task,
  TaskCalendarQuery,
  TaskQuery,
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
  OwnerBallotBody,
  RollItem,
  RollQuery,
} from '../../../contracts/governance.js';
import { requireActor } from '../../platform/http/context.js';
import type { Deps } from '../../platform/deps.js';
import * as decisions from './decisions.service.js';
import * as governance from './governance.service.js';
import * as notices from './notices.service.js';
import * as records from './records.service.js';

/** A file download (sent as text, never serialised). */
const FileBody = z.any();

export const governanceRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['governance'];

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
      async (req) => decisions.issueInvitations(deps, requireActor(req), req.params.id, req.body, req.id),
    );
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
      async (req) => decisions.getRoll(deps, requireActor(req), req.params.id, req.query),
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
      async (req) => decisions.recordDeskBallot(deps, requireActor(req), req.params.id, req.body, req.id),
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
      async (req) => decisions.getResult(deps, requireActor(req), req.params.id),
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
        const file = await decisions.exportBallotFile(deps, requireActor(req), req.params.id, req.id);
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.body);
      },
    );

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
      async (req) => decisions.lookupBallot(deps, req.body.code),
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
      async (req) => decisions.castBallot(deps, req.body.code, req.body.choice, req.id),
    );

    // --- The street's view: overview and task queue -------------------------------------------------------
    app.get(
      '/api/v1/governance/overview',
      {
        schema: {
          tags,
          summary:
            'Every compound’s governance state (no assembly / forming / in term / expiring / expired / dysfunctional)',
          querystring: OverviewQuery,
          response: { 200: Overview, ...errorResponses },
        },
      },
      async (req) => governance.overview(deps, requireActor(req), req.query),
    );
    app.get(
      '/api/v1/governance/tasks',
      {
        schema: {
          tags,
          summary: 'Statutory deadlines of formations, committees and decisions, earliest first',
          querystring: TaskQuery,
          response: { 200: pageOf(Task), ...errorResponses },
        },
      },
      async (req) => governance.listTasks(deps, requireActor(req), req.query),
    );

    // --- One compound: trigger, formation, committee ------------------------------------------------------
    app.get(
      '/api/v1/governance/tasks/calendar.ics',
      {
        schema: {
          tags,
          summary: 'The pending deadlines as an iCalendar file (all-day events on each last day)',
          querystring: TaskCalendarQuery,
          response: { 200: FileBody.describe('text/calendar'), ...errorResponses },
        },
      },
      async (req, reply) => {
        const file = await governance.tasksCalendar(deps, requireActor(req), req.query, req.locale);
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.body);
      },
    );
    app.get(
      '/api/v1/governance/compounds/:id',
      {
        schema: {
          tags,
          summary: 'A compound’s governance: assembly trigger, formation steps, committee and its health',
          params: IdParams,
          response: { 200: GovernanceCompound, ...errorResponses },
        },
      },
      async (req) => governance.getCompoundGovernance(deps, requireActor(req), req.params.id),
    );
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
      async (req) => governance.startFormation(deps, requireActor(req), req.params.id, req.body, req.id),
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
      async (req) => governance.actOnFormation(deps, requireActor(req), req.params.id, req.body, req.id),
    );
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
      async (req) =>
        governance.checkEligibility(deps, requireActor(req), req.params.id, req.query, req.locale),
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
        governance.recordCommittee(deps, requireActor(req), req.params.id, req.body, req.locale, req.id),
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
      async (req) => governance.getCommittee(deps, requireActor(req), req.params.id),
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
      async (req) => governance.actOnCommittee(deps, requireActor(req), req.params.id, req.body, req.id),
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
      async (req) => governance.recordMeeting(deps, requireActor(req), req.params.id, req.body, req.id),
    );
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
      async (req) => governance.byElect(deps, requireActor(req), req.params.id, req.body, req.locale, req.id),
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
        governance.endMembership(
          deps,
          requireActor(req),
          req.params.id,
          req.params.memberId,
          req.body,
          req.id,
        ),
    );

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
      async (req) => records.addChange(deps, requireActor(req), req.params.id, req.body, req.id),
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
        records.actOnChange(deps, requireActor(req), req.params.id, req.params.changeId, req.body, req.id),
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
      async (req) => records.createOwnerGroup(deps, requireActor(req), req.params.id, req.body, req.id),
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
      async (req) => records.dissolveOwnerGroup(deps, requireActor(req), req.params.id, req.body, req.id),
    );

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
      async (req) => records.listArrears(deps, requireActor(req), req.params.id, req.query),
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
      async (req) => records.recordArrear(deps, requireActor(req), req.params.id, req.body, req.id),
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
      async (req) => records.settleArrear(deps, requireActor(req), req.params.id, req.body, req.id),
    );
  };
