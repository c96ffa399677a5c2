// Administration of the cases reference data (permission cases.configure). Routes are thin.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdminCategory,
  AdminSlaPolicy,
  CalendarQuery,
  CalendarView,
  CalendarYearBody,
  CalendarYearParams,
  CategoryCodeParams,
  CategoryInput,
  CategoryPatch,
  ListVersionParams,
  ResponsibilityListInput,
  ResponsibilityListSummary,
  ResponsibilityListView,
  RulesImportQuery,
  SlaPolicyInput,
  SlaPolicyPatch,
} from '../../../contracts/casesadmin.js';
import { errorResponses, IdParams } from '../../../contracts/common.js';
import { requireActor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/deps.js';
import * as admin from './casesadmin.service.js';
import { requireConfigure } from './casesadmin.policy.js';

const ROW_ERRORS =
  'With any invalid row nothing is saved: 400 `casesadmin.invalid_rows` with `details.errors[]` = ' +
  '`{row, column, message}` (messages in the request language).';

export const casesAdminRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['cases administration'];

    // --- Categories ---
    app.get(
      '/api/v1/admin/case-categories',
      {
        schema: {
          tags,
          summary: 'Case categories, inactive ones included',
          response: { 200: z.object({ items: z.array(AdminCategory) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await admin.listCategories(deps, requireActor(req)) }),
    );
    app.post(
      '/api/v1/admin/case-categories',
      {
        schema: {
          tags,
          summary: 'Create a case category',
          body: CategoryInput,
          response: { 200: AdminCategory, ...errorResponses },
        },
      },
      async (req) => admin.createCategory(deps, requireActor(req), req.body, req.id),
    );
    app.patch(
      '/api/v1/admin/case-categories/:code',
      {
        schema: {
          tags,
          summary: 'Change a case category (names, urgent, active, attributes); optimistic version',
          params: CategoryCodeParams,
          body: CategoryPatch,
          response: { 200: AdminCategory, ...errorResponses },
        },
      },
      async (req) => admin.updateCategory(deps, requireActor(req), req.params.code, req.body, req.id),
    );

    // --- Responsibility lists ---
    app.get(
      '/api/v1/admin/responsibility-lists',
      {
        schema: {
          tags,
          summary: 'Versions of the responsibility list (责任清单), newest first',
          response: { 200: z.object({ items: z.array(ResponsibilityListSummary) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await admin.listResponsibilityLists(deps, requireActor(req)) }),
    );
    app.get(
      '/api/v1/admin/responsibility-lists/:version',
      {
        schema: {
          tags,
          summary: 'One version of the responsibility list with its rows',
          params: ListVersionParams,
          response: { 200: ResponsibilityListView, ...errorResponses },
        },
      },
      async (req) => admin.getResponsibilityList(deps, requireActor(req), req.params.version),
    );
    app.post(
      '/api/v1/admin/responsibility-lists',
      {
        schema: {
          tags,
          summary: 'Save a new version of the responsibility list from its full rows; it becomes active',
          description: `Row numbers are positions in \`rules\`, from 1. ${ROW_ERRORS}`,
          body: ResponsibilityListInput,
          response: { 200: ResponsibilityListView, ...errorResponses },
        },
      },
      async (req) => admin.createResponsibilityList(deps, requireActor(req), req.body, req.locale, req.id),
    );
    app.post(
      '/api/v1/admin/responsibility-lists/import',
      {
        schema: {
          tags,
          summary:
            'Import a new version of the responsibility list from .xlsx or .csv (multipart field "file")',
          description:
            'Columns: id, priority, categoryCode, conditions (k=v;k=v), districtCode, orgType, orgKind, ' +
            `coHandlers (type:kind;type:kind), source. Row numbers are spreadsheet rows (header = 1). ${ROW_ERRORS}`,
          consumes: ['multipart/form-data'],
          querystring: RulesImportQuery,
          response: { 200: ResponsibilityListView, ...errorResponses },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        requireConfigure(actor); // 403 before reading the upload
        if (!req.isMultipart()) throw new AppError('casesadmin.file_required', 400);
        const part = await req.file();
        if (!part || part.fieldname !== 'file') throw new AppError('casesadmin.file_required', 400);
        const data = await part.toBuffer();
        return admin.importResponsibilityList(
          deps,
          actor,
          { name: part.filename, data },
          req.query.note,
          req.locale,
          req.id,
        );
      },
    );
    app.post(
      '/api/v1/admin/responsibility-lists/:version/activate',
      {
        schema: {
          tags,
          summary: 'Make a version of the responsibility list the active one (new cases route by it)',
          params: ListVersionParams,
          response: { 200: ResponsibilityListView, ...errorResponses },
        },
      },
      async (req) => admin.activateResponsibilityList(deps, requireActor(req), req.params.version, req.id),
    );

    // --- SLA policies ---
    app.get(
      '/api/v1/admin/sla-policies',
      {
        schema: {
          tags,
          summary: 'SLA policies (time limits per stage, category, channel)',
          response: { 200: z.object({ items: z.array(AdminSlaPolicy) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await admin.listSlaPolicies(deps, requireActor(req)) }),
    );
    app.post(
      '/api/v1/admin/sla-policies',
      {
        schema: {
          tags,
          summary: 'Create an SLA policy',
          body: SlaPolicyInput,
          response: { 200: AdminSlaPolicy, ...errorResponses },
        },
      },
      async (req) => admin.createSlaPolicy(deps, requireActor(req), req.body, req.id),
    );
    app.patch(
      '/api/v1/admin/sla-policies/:id',
      {
        schema: {
          tags,
          summary: 'Change an SLA policy (duration, warning, escalation, source); optimistic version',
          params: IdParams,
          body: SlaPolicyPatch,
          response: { 200: AdminSlaPolicy, ...errorResponses },
        },
      },
      async (req) => admin.updateSlaPolicy(deps, requireActor(req), req.params.id, req.body, req.id),
    );

    // --- Calendar ---
    app.get(
      '/api/v1/admin/calendar',
      {
        schema: {
          tags,
          summary:
            'Working-day calendar: holidays and 调休 working days, covered years, missing-year warnings',
          querystring: CalendarQuery,
          response: { 200: CalendarView, ...errorResponses },
        },
      },
      async (req) => admin.getCalendar(deps, requireActor(req), req.query.year, req.locale),
    );
    app.put(
      '/api/v1/admin/calendar/:year',
      {
        schema: {
          tags,
          summary: 'Replace one year’s holiday schedule (State Council notice)',
          description:
            'Dates must lie in the year; a schedule may reach from 25 December of the year before to 7 January ' +
            'of the year after (元旦). Working days must be weekend days (调休). 400 `casesadmin.calendar_invalid` ' +
            'with `details.errors[]` = `{date, message}` changes nothing.',
          params: CalendarYearParams,
          body: CalendarYearBody,
          response: { 200: CalendarView, ...errorResponses },
        },
      },
      async (req) =>
        admin.replaceCalendarYear(deps, requireActor(req), req.params.year, req.body, req.locale, req.id),
    );
  };
