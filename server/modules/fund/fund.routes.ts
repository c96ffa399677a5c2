// The maintenance fund (专项维修资金) routes: thin — each hands the actor and the validated input to fund.service.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, IdParams, PageQuery } from '../../../contracts/common.js';
import {
  ApplicationActionBody,
  ApplicationBody,
  FundApplication,
  FundApplications,
  EmergencyActionBody,
  EmergencyReportBody,
  FundEmergencies,
  FundEmergency,
  FundBuildingUnits,
  FundUnitEntries,
  FundView,
  MyFund,
  OpenAccountBody,
  PaymentBody,
  PaymentResult,
  RecordEntriesBody,
  RecordEntriesResult,
} from '../../../contracts/fund.js';
import { requireActor } from '../../platform/http/context.js';
import type { Deps } from '../../platform/deps.js';
import * as fund from './fund.service.js';

const tags = ['fund'];
const BuildingParams = z.object({ id: z.string().min(1).max(64), buildingId: z.string().min(1).max(64) });

export const fundRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/fund/compounds/:id',
      {
        schema: {
          tags,
          summary:
            'A compound’s maintenance fund: account, building ledgers, latest payments (《规定》 Art 66)',
          params: IdParams,
          response: { 200: FundView, ...errorResponses },
        },
      },
      async (req) => fund.getFund(deps, requireActor(req), req.params.id),
    );
    app.get(
      '/api/v1/fund/compounds/:id/buildings/:buildingId/units',
      {
        schema: {
          tags,
          summary: 'The unit ledgers of one building (按户核算), with the Art 65 top-up each one owes',
          params: BuildingParams,
          response: { 200: FundBuildingUnits, ...errorResponses },
        },
      },
      async (req) => fund.buildingUnits(deps, requireActor(req), req.params.id, req.params.buildingId),
    );
    app.get(
      '/api/v1/fund/units/:id/entries',
      {
        schema: {
          tags,
          summary: 'One unit ledger’s entries, newest first',
          params: IdParams,
          querystring: PageQuery,
          response: { 200: FundUnitEntries, ...errorResponses },
        },
      },
      async (req) => fund.unitEntries(deps, requireActor(req), req.params.id, req.query),
    );
    app.get(
      '/api/v1/fund/mine',
      {
        schema: {
          tags,
          summary: 'The signed-in owner’s unit ledgers and their latest entries (shares of each payment)',
          response: { 200: MyFund, ...errorResponses },
        },
      },
      async (req) => fund.myFund(deps, requireActor(req)),
    );
    app.post(
      '/api/v1/fund/compounds/:id/account',
      {
        schema: {
          tags,
          summary:
            'Open the compound’s fund account: a ledger for every building and unit (按幢立账、按户核算)',
          params: IdParams,
          body: OpenAccountBody,
          response: { 200: FundView, ...errorResponses },
        },
      },
      async (req) => fund.openAccount(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      '/api/v1/fund/compounds/:id/entries',
      {
        schema: {
          tags,
          summary:
            'Record deposits (首期, the developer’s advance), interest or top-ups for many units: all or nothing',
          params: IdParams,
          body: RecordEntriesBody,
          response: { 200: RecordEntriesResult, ...errorResponses },
        },
      },
      async (req) => fund.recordEntries(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      '/api/v1/fund/compounds/:id/payments',
      {
        schema: {
          tags,
          summary:
            'Pay a reviewed cost on a passed use decision (《规定》 Art 69): shared by area to the fen (Art 68), ' +
            'each unit ledger debited; never overdraws, a voucher number is booked once',
          params: IdParams,
          body: PaymentBody,
          response: { 200: PaymentResult, ...errorResponses },
        },
      },
      async (req) => fund.payOnDecision(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.get(
      '/api/v1/fund/compounds/:id/emergencies',
      {
        schema: {
          tags,
          summary:
            'Emergency repair reports on the fund (《规定》第七十三条), newest first, with the steps open to the caller',
          params: IdParams,
          response: { 200: FundEmergencies, ...errorResponses },
        },
      },
      async (req) => fund.listEmergencies(deps, requireActor(req), req.params.id),
    );
    app.post(
      '/api/v1/fund/compounds/:id/emergencies',
      {
        schema: {
          tags,
          summary:
            'The serving property company reports one of the five emergency situations (第七十三条第二款) with its ' +
            'plan, quotation and document; refused before the developer’s report (第七十一条第一款)',
          params: IdParams,
          body: EmergencyReportBody,
          response: { 200: FundEmergency, ...errorResponses },
        },
      },
      async (req) => fund.reportEmergency(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      '/api/v1/fund/emergencies/:id/actions',
      {
        schema: {
          tags,
          summary:
            'approve · refuse (the committee, or the 房管机构 before the assembly) · order_repair (district, after ' +
            'the committee’s 7 days, 代为维修) · review_cost (审价) · pay (shared by area, each unit ledger debited)',
          params: IdParams,
          body: EmergencyActionBody,
          response: { 200: FundEmergency, ...errorResponses },
        },
      },
      async (req) => fund.actOnEmergency(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.get(
      '/api/v1/fund/compounds/:id/applications',
      {
        schema: {
          tags,
          summary:
            'Fund use applications before the assembly exists (《规定》第七十一条第二款、第三款), newest first, with the ' +
            'steps open to the caller',
          params: IdParams,
          response: { 200: FundApplications, ...errorResponses },
        },
      },
      async (req) => fund.listApplications(deps, requireActor(req), req.params.id),
    );
    app.post(
      '/api/v1/fund/compounds/:id/applications',
      {
        schema: {
          tags,
          summary:
            'The serving property company proposes a repair plan (维修实施方案) after the developer’s report and before ' +
            'the assembly; refused before the report (第七十一条第一款) and once the assembly exists (Art 69)',
          params: IdParams,
          body: ApplicationBody,
          response: { 200: FundApplication, ...errorResponses },
        },
      },
      async (req) => fund.proposeApplication(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      '/api/v1/fund/applications/:id/actions',
      {
        schema: {
          tags,
          summary:
            'consult (the residents’ committee records the owners’ consultation; passed as 民法典第二百七十八条 counts a ' +
            'use of the fund) · review_cost (the named intermediary’s 审价, by the district) · pay (the district, ' +
            'shared by area, each unit ledger debited)',
          params: IdParams,
          body: ApplicationActionBody,
          response: { 200: FundApplication, ...errorResponses },
        },
      },
      async (req) => fund.actOnApplication(deps, requireActor(req), req.params.id, req.body, req.id),
    );
  };
