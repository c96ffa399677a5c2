// KPIs of cases and campaigns (集中整治). Routes are thin: the services do the work.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { KpiQuery } from '../../../contracts/cases.js';
import { errorResponses, IdParams, pageOf } from '../../../contracts/common.js';
import {
  Campaign,
  CampaignCasesBody,
  CampaignCasesResult,
  CampaignInput,
  CampaignQuery,
  KpiExportQuery,
  KpiResult,
  KpiTrendQuery,
  KpiTrendResult,
  MapLayers,
  MapQuery,
  MapSettings,
} from '../../../contracts/kpis.js';
import { requireActor } from '../../platform/http/context.js';
import type { Deps } from '../../platform/deps.js';
import { downloadHeaders } from '../../platform/spreadsheet.js';
import * as campaigns from './campaigns.service.js';
import * as kpis from './kpis.service.js';
import { caseMap, mapSettings } from './map.service.js';

/** A file download (sent as a Buffer, never serialised). */
const FileBody = z.any();

export const kpisRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/kpis/cases',
      {
        schema: {
          tags: ['kpis'],
          summary: 'Case KPIs per street, department, company, compound or category',
          description:
            'Cases created from `from` to `to` (Shanghai dates, both inclusive). Rates are fractions in [0, 1] ' +
            '(4 decimals), null when their denominator is 0: discoveryRate 发现率 = proactive / total; ' +
            'acceptedOnTimeRate 受理及时率 = accepted on time / accepted; onTimeRate 按时办结率 = closed on time / ' +
            'closed; resolutionRate 解决率 = resolved / reported back; satisfactionRate 满意率 = (satisfied + ' +
            'basically satisfied) / revisited; repeatRate 重复投诉率 = repeats / total; parked 挂账 = cases parked; ' +
            'arrivalOnTimeRate 到场及时率 = on site by the on-site deadline (counted from the dispatch) / on-site ' +
            'clocks come due (arrived, or the deadline passed first). ' +
            'Offices see the places they cover; departments, utilities and companies only the cases they lead.',
          querystring: KpiQuery,
          response: { 200: KpiResult, ...errorResponses },
        },
      },
      async (req) => kpis.caseKpis(deps, requireActor(req), req.query),
    );
    app.get(
      '/api/v1/kpis/trend',
      {
        schema: {
          tags: ['kpis'],
          summary: 'Monthly case trend: intake, closed and rates of the cases created in each month',
          description:
            'The `months` months up to `to` (Shanghai months). Each month counts the cases created in it ' +
            '(受理量) and how many of those are closed so far, with the rates of GET /api/v1/kpis/cases over ' +
            'the same cases. Same access as GET /api/v1/kpis/cases.',
          querystring: KpiTrendQuery,
          response: { 200: KpiTrendResult, ...errorResponses },
        },
      },
      async (req) => kpis.caseTrend(deps, requireActor(req), req.query),
    );
    app.get(
      '/api/v1/kpis/map',
      {
        schema: {
          tags: ['kpis'],
          summary: 'Map layers: compounds with open cases, open case pins, open cases per street',
          description:
            'Compounds with coordinates in the caller’s area (departments and companies: those of their open ' +
            'cases) with their open cases and governance state (null without governance access); the newest ' +
            'open cases with a position; per street the centroid of its compounds’ coordinates and its open ' +
            'cases. Layers are capped (`limits`); `truncated` says when one was cut. Same access as ' +
            'GET /api/v1/kpis/cases.',
          querystring: MapQuery,
          response: { 200: MapLayers, ...errorResponses },
        },
      },
      async (req) => caseMap(deps, requireActor(req), req.query),
    );
    app.get(
      '/api/v1/map/settings',
      {
        schema: {
          tags: ['kpis'],
          summary: 'The base map setting: a tile URL, or none (offline maps of the project’s own layers)',
          response: { 200: MapSettings, ...errorResponses },
        },
      },
      async (req) => mapSettings(deps, requireActor(req)),
    );
    app.get(
      '/api/v1/kpis/cases/export',
      {
        schema: {
          tags: ['kpis'],
          summary: 'The case KPIs of GET /api/v1/kpis/cases as a .csv (UTF-8 with BOM) or .xlsx download',
          description:
            'Same query, same figures and same access as GET /api/v1/kpis/cases, plus `format`. The columns ' +
            'of the KPI page (Chinese headers for zh-CN); rates are percentages, blank when there is nothing ' +
            'to measure. Text cells that a spreadsheet would run as a formula are prefixed with an apostrophe.',
          querystring: KpiExportQuery,
          response: { 200: FileBody.describe('text/csv or .xlsx'), ...errorResponses },
        },
      },
      async (req, reply) => {
        const file = await kpis.exportCaseKpis(deps, requireActor(req), req.query, req.locale);
        return reply.headers(downloadHeaders(file)).send(file.body);
      },
    );

    const tags = ['campaigns'];
    app.get(
      '/api/v1/campaigns',
      {
        schema: {
          tags,
          summary: 'Campaigns (集中整治) within the caller’s area, newest first, with progress',
          querystring: CampaignQuery,
          response: { 200: pageOf(Campaign), ...errorResponses },
        },
      },
      async (req) => campaigns.listCampaigns(deps, requireActor(req), req.query),
    );
    app.post(
      '/api/v1/campaigns',
      {
        schema: {
          tags,
          summary: 'Start a campaign: one category in a street or district, a target and a period',
          body: CampaignInput,
          response: { 200: Campaign, ...errorResponses },
        },
      },
      async (req) => campaigns.createCampaign(deps, requireActor(req), req.body, req.id),
    );
    app.get(
      '/api/v1/campaigns/:id',
      {
        schema: {
          tags,
          summary: 'A campaign with its progress (cases by status, closed share of the target)',
          params: IdParams,
          response: { 200: Campaign, ...errorResponses },
        },
      },
      async (req) => campaigns.getCampaign(deps, requireActor(req), req.params.id),
    );
    app.post(
      '/api/v1/campaigns/:id/cases',
      {
        schema: {
          tags,
          summary: 'Add cases to a campaign: by id, or `auto: true` for every matching case of the period',
          description:
            'Each case must be of the campaign’s category and in its division; with any that is not, nothing ' +
            'is added (400 `kpis.campaign_cases_invalid`, `details.errors[]` = `{caseId, message}`). ' +
            '`auto` adds the cases of the category created in the division during the period (declined and ' +
            'merged cases excepted). Cases already in the campaign are skipped.',
          params: IdParams,
          body: CampaignCasesBody,
          response: { 200: CampaignCasesResult, ...errorResponses },
        },
      },
      async (req) =>
        campaigns.addCampaignCases(deps, requireActor(req), req.params.id, req.body, req.locale, req.id),
    );
  };
