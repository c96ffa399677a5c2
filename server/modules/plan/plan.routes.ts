// Action plan (三年行动计划) routes: thin — each hands the actor and the validated input to the service.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorResponses, IdParams } from '../../../contracts/common.js';
import {
  CreatePlanBody,
  Created,
  ImportPlanQuery,
  ImportPlanResult,
  PlanList,
  PlanView,
  PublicPlan,
  ReportBody,
  SuperviseBody,
  TaskView,
  TemplateParams,
} from '../../../contracts/plan.js';
import type { Deps } from '../../platform/deps.js';
import { requireActor, requirePermission } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { contentDisposition, downloadHeaders } from '../../platform/spreadsheet.js';
import { importPlan, planTemplate } from './plan.import.js';
import { publicPlan } from './plan.public.js';
import * as plans from './plan.service.js';
import * as tasks from './plan.tasks.js';

const tags = ['plan'];
const base = '/api/v1/plans';
const FileBody = z.any();

/** The uploaded spreadsheet of a multipart request (field "file"); 400 when there is none. */
async function uploadedFile(req: FastifyRequest): Promise<{ name: string; data: Buffer }> {
  if (!req.isMultipart()) throw new AppError('plan.file_required', 400);
  const part = await req.file();
  if (!part || part.fieldname !== 'file') throw new AppError('plan.file_required', 400);
  return { name: part.filename, data: await part.toBuffer() };
}

export const planRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      base,
      {
        schema: {
          tags,
          summary: 'The action plans (三年行动计划) the caller may see',
          response: { 200: PlanList, ...errorResponses },
        },
      },
      async (req) => plans.listPlans(deps, requireActor(req)),
    );
    app.post(
      base,
      {
        schema: {
          tags,
          summary: 'Create an (empty) action plan of the city or a district (the office of that level)',
          body: CreatePlanBody,
          response: { 200: Created, ...errorResponses },
        },
      },
      async (req) => plans.createPlan(deps, requireActor(req), req.body, req.id),
    );
    app.get(
      `${base}/template.:format`,
      {
        schema: {
          tags,
          summary:
            'Import template: 序号, 目标, 任务, 主要内容, 时间节点, 牵头部门, 配合部门, 实施部门 and one example row',
          params: TemplateParams,
          response: { 200: FileBody.describe('.xlsx or text/csv'), ...errorResponses },
        },
      },
      async (req, reply) => {
        const file = await planTemplate(requireActor(req), req.params.format);
        return reply
          .headers(downloadHeaders(file))
          .header('content-disposition', contentDisposition(file.fileName, file.asciiName))
          .send(file.body);
      },
    );
    app.get(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary:
            'A plan: goals, tasks with state and progress, roll-ups per lead department, district, overall',
          params: IdParams,
          response: { 200: PlanView, ...errorResponses },
        },
      },
      async (req) => plans.getPlan(deps, requireActor(req), req.params.id),
    );
    app.post(
      `${base}/:id/import`,
      {
        schema: {
          tags,
          summary:
            'Import the tasks of an empty plan from .xlsx or .csv (multipart field "file"); all or nothing',
          description:
            'Every row is validated first. With any problem nothing is imported and the answer is 400 ' +
            '`plan.invalid_rows` with `details.errors[]` = `{row, column, field, message}`. `dryRun=true` validates only.',
          consumes: ['multipart/form-data'],
          params: IdParams,
          querystring: ImportPlanQuery,
          response: { 200: ImportPlanResult, ...errorResponses },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        requirePermission(actor, 'plan.manage'); // 403 before reading the upload
        return importPlan(deps, actor, req.params.id, await uploadedFile(req), {
          version: req.query.version,
          dryRun: req.query.dryRun,
          locale: req.locale,
          requestId: req.id,
        });
      },
    );
    app.get(
      `${base}/tasks/:id`,
      {
        schema: {
          tags,
          summary: 'A plan task: milestones with their states, progress reports with evidence, 督办',
          params: IdParams,
          response: { 200: TaskView, ...errorResponses },
        },
      },
      async (req) => tasks.getTask(deps, requireActor(req), req.params.id),
    );
    app.post(
      `${base}/tasks/:id/reports`,
      {
        schema: {
          tags,
          summary:
            'Report progress with evidence — the lead department (may mark milestones done) or an implementing unit',
          params: IdParams,
          body: ReportBody,
          response: { 200: TaskView, ...errorResponses },
        },
      },
      async (req) => tasks.reportProgress(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      `${base}/tasks/:id/supervise`,
      {
        schema: {
          tags,
          summary: 'Issue a supervision notice (督办) on a task; the lead department is notified',
          params: IdParams,
          body: SuperviseBody,
          response: { 200: TaskView, ...errorResponses },
        },
      },
      async (req) => tasks.superviseTask(deps, requireActor(req), req.params.id, req.body, req.id),
    );

    // ---- public (no sign-in) ----
    app.get(
      '/api/v1/public/plan',
      {
        schema: {
          tags: ['public'],
          summary:
            'The published city action plan: overall and per-department progress, tasks with state in words (no personal data)',
          security: [],
          response: { 200: PublicPlan, ...errorResponses },
        },
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      },
      async (req) => publicPlan(deps, req.locale),
    );
  };
