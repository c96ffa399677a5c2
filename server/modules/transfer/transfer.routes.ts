// Import (.xlsx/.csv) and export of registry lists. Routes are thin: the service does the work.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../contracts/common.js';
import {
  ExportParams,
  ExportQuery,
  ImportKindParams,
  ImportTemplateParams,
  ImportQuery,
  ImportResult,
} from '../../../contracts/transfer.js';
import { requireActor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/deps.js';
import { contentDisposition, downloadHeaders } from '../../platform/spreadsheet.js';
import { importGrants } from './transfer.policy.js';
import * as transfer from './transfer.service.js';

/** The uploaded spreadsheet of a multipart request (field "file"); 400 when there is none. */
async function uploadedFile(req: FastifyRequest): Promise<{ name: string; data: Buffer }> {
  if (!req.isMultipart()) throw new AppError('transfer.file_required', 400);
  const part = await req.file();
  if (!part || part.fieldname !== 'file') throw new AppError('transfer.file_required', 400);
  return { name: part.filename, data: await part.toBuffer() };
}

/** A file download (sent as a Buffer, never serialised). */
const FileBody = z.any();

export const transferRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['transfer'];

    app.post(
      '/api/v1/imports/:kind',
      {
        schema: {
          tags,
          summary: 'Import registry rows from .xlsx or .csv (multipart field "file"); all or nothing',
          description:
            'Every row is validated first. With any problem nothing is imported and the answer is 400 ' +
            '`transfer.invalid_rows` with `details.errors[]` = `{row, column, field, message}` (row = spreadsheet ' +
            'row number, header = 1; messages in the request language). `dryRun=true` validates only.',
          consumes: ['multipart/form-data'],
          params: ImportKindParams,
          querystring: ImportQuery,
          response: { 200: ImportResult, ...errorResponses },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        importGrants(actor); // 403 before reading the upload
        return transfer.importFile(deps, actor, req.params.kind, await uploadedFile(req), {
          dryRun: req.query.dryRun,
          locale: req.locale,
          requestId: req.id,
        });
      },
    );

    app.post(
      '/api/v1/imports/:kind/errors.:format',
      {
        schema: {
          tags,
          summary:
            'Row-error report of a file (multipart field "file") as .xlsx or .csv; nothing is imported',
          description:
            'The file is validated exactly as by POST /api/v1/imports/:kind; every problem is a row (spreadsheet ' +
            'row, column, message in the request language). A file without problems gives the header row alone.',
          consumes: ['multipart/form-data'],
          params: ImportTemplateParams,
          response: { 200: FileBody.describe('.xlsx or text/csv'), ...errorResponses },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        importGrants(actor);
        const file = await uploadedFile(req);
        const report = await transfer.importErrorReport(
          deps,
          actor,
          req.params.kind,
          file,
          req.params.format,
          req.locale,
        );
        return reply.headers(downloadHeaders(report)).send(report.body);
      },
    );

    app.get(
      '/api/v1/imports/templates/:kind.:format',
      {
        schema: {
          tags,
          summary:
            'Import template: the Chinese header row and one example row (.xlsx, or UTF-8 CSV with BOM)',
          params: ImportTemplateParams,
          response: { 200: FileBody.describe('.xlsx or text/csv'), ...errorResponses },
        },
      },
      async (req, reply) => {
        requireActor(req);
        const file = await transfer.importTemplate(req.params.kind, req.params.format);
        return reply
          .headers(downloadHeaders(file))
          .header('content-disposition', contentDisposition(file.fileName, file.asciiName))
          .send(file.body);
      },
    );

    app.get(
      '/api/v1/exports/:list.:format',
      {
        schema: {
          tags,
          summary: 'Export a list as .csv (UTF-8 with BOM) or .xlsx, with the filters of the list endpoint',
          description:
            'compounds: district, street, q · organisations: type, division, q · owners: compound (required), ' +
            'q — phone and ID numbers masked · users: q, role (users.manage) · audit: targetType, targetId, ' +
            'actorId, action (audit.read) · cases: queue, orgId, street, status, category, q — the work queue ' +
            'with its scope (cases.queue). Registry lists need registry.export. Chinese headers for zh-CN.',
          params: ExportParams,
          querystring: ExportQuery,
          response: { 200: FileBody.describe('text/csv or .xlsx'), ...errorResponses },
        },
      },
      async (req, reply) => {
        const file = await transfer.exportList(
          deps,
          requireActor(req),
          req.params.list,
          req.params.format,
          req.query,
          req.locale,
        );
        return reply.headers(downloadHeaders(file)).send(file.body);
      },
    );
  };
