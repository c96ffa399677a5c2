import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditQuery, AuditRecord, AuditVerification } from '../../../contracts/audit.js';
import { errorResponses, pageOf } from '../../../contracts/common.js';
import { requireActor } from '../../platform/http/context.js';
import type { Deps } from '../../platform/deps.js';
import * as audit from './audit.service.js';

export const auditRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['audit'];
    app.get(
      '/api/v1/audit',
      {
        schema: {
          tags,
          summary: 'Audit log, newest first',
          querystring: AuditQuery,
          response: { 200: pageOf(AuditRecord), ...errorResponses },
        },
      },
      async (req) => audit.listAudit(deps, requireActor(req), req.query),
    );
    app.get(
      '/api/v1/audit/verify',
      {
        schema: {
          tags,
          summary: 'Verify the hash chain',
          response: { 200: AuditVerification, ...errorResponses },
        },
      },
      async (req) => audit.verifyAudit(deps, requireActor(req)),
    );
  };
