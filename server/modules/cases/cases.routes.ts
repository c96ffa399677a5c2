import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActionBody,
  CaseListItem,
  CaseView,
  Category,
  HotlineIntakeBody,
  IntakeBody,
  QueueQuery,
  ResidentReportBody,
  TrackQuery,
  TrackView,
} from '../../../contracts/cases.js';
import { errorResponses, IdParams, pageOf } from '../../../contracts/common.js';
import { requireActor, type Actor } from '../../platform/http/context.js';
import type { Deps } from '../../platform/deps.js';
import * as cases from './cases.service.js';

const IntakeResult = z.object({ id: z.string(), caseNo: z.string(), created: z.boolean() });

const reporterOf = (actor: Actor): cases.Reporter =>
  actor.via === 'apiKey' ? { kind: 'apiKey', actor } : { kind: 'user', actor };

export const casesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['cases'];

    app.get(
      '/api/v1/case-categories',
      {
        schema: {
          tags,
          summary: 'Case categories (taxonomy)',
          security: [],
          response: { 200: z.object({ items: z.array(Category) }), ...errorResponses },
        },
      },
      async () => ({ items: await cases.listCategories(deps) }),
    );

    app.post(
      '/api/v1/cases',
      {
        schema: {
          tags,
          summary: 'Record a case (intake by staff, grid inspectors, companies, departments)',
          body: IntakeBody,
          response: { 200: IntakeResult, ...errorResponses },
        },
      },
      async (req) => cases.intakeCase(deps, reporterOf(requireActor(req)), req.body, req.id),
    );

    app.post(
      '/api/v1/intake/hotline',
      {
        schema: {
          tags,
          summary:
            'Hotline import (12345 / 962121 / 12319); Idempotency-Key or workOrderNo makes retries safe',
          headers: z.object({ 'idempotency-key': z.string().trim().min(1).max(80).optional() }),
          body: HotlineIntakeBody,
          response: { 200: IntakeResult, ...errorResponses },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const { workOrderNo, ...rest } = req.body;
        const externalRef = req.headers['idempotency-key'] ?? workOrderNo ?? rest.externalRef;
        return cases.intakeCase(deps, reporterOf(actor), { ...rest, externalRef }, req.id);
      },
    );

    app.get(
      '/api/v1/cases',
      {
        schema: {
          tags,
          summary: 'Work queues (to sign, in progress, due soon, overdue, returned, to dispatch, to verify)',
          querystring: QueueQuery,
          response: { 200: pageOf(CaseListItem), ...errorResponses },
        },
      },
      async (req) => cases.listQueue(deps, requireActor(req), req.query),
    );

    app.get(
      '/api/v1/cases/:id',
      {
        schema: {
          tags,
          summary: 'A case with its timeline and the actions allowed now',
          params: IdParams,
          response: { 200: CaseView, ...errorResponses },
        },
      },
      async (req) => cases.getCase(deps, requireActor(req), req.params.id),
    );

    app.post(
      '/api/v1/cases/:id/actions',
      {
        schema: {
          tags,
          summary: 'Act on a case (optimistic version; 409 with the fresh view on conflict)',
          params: IdParams,
          body: ActionBody,
          response: { 200: CaseView, ...errorResponses },
        },
      },
      async (req) => cases.actOnCase(deps, requireActor(req), req.params.id, req.body, req.id),
    );

    app.get(
      '/api/v1/case-photos/:id',
      { schema: { tags, summary: 'A case photo', params: IdParams } },
      async (req, reply) => {
        const p = await cases.casePhoto(deps, requireActor(req), req.params.id);
        return reply.type(p.mime).header('cache-control', 'private, max-age=3600').send(p.content);
      },
    );

    // Residents: no account needed — a report returns the case number; following needs number + phone.
    app.post(
      '/api/v1/public/reports',
      {
        schema: {
          tags: ['public'],
          summary: 'Report a problem (resident web form)',
          security: [],
          body: ResidentReportBody,
          response: { 200: IntakeResult, ...errorResponses },
        },
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        bodyLimit: 8 * 1024 * 1024,
      },
      async (req) => {
        const b = req.body;
        return cases.intakeCase(
          deps,
          { kind: 'public' },
          {
            channel: 'residentWeb',
            categoryCode: b.categoryCode,
            attributes: b.attributes,
            description: b.description,
            compoundId: b.compoundId,
            address: b.address,
            streetCode: b.streetCode,
            lat: b.lat,
            lng: b.lng,
            reporter: { name: b.name, phone: b.phone },
            mediaUrls: [],
            photos: b.photos,
          },
          req.id,
        );
      },
    );

    app.get(
      '/api/v1/public/cases/track',
      {
        schema: {
          tags: ['public'],
          summary: 'Follow a case by number and phone',
          security: [],
          querystring: TrackQuery,
          response: { 200: TrackView, ...errorResponses },
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (req) => cases.trackCase(deps, req.query.caseNo, req.query.phone),
    );

    app.post(
      '/api/v1/public/cases/actions',
      {
        schema: {
          tags: ['public'],
          summary: 'Reporter verifies or rates a case (number + phone)',
          security: [],
          body: ActionBody.extend(TrackQuery.shape),
          response: { 200: TrackView, ...errorResponses },
        },
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      },
      async (req) => {
        const { caseNo, phone, ...action } = req.body;
        return cases.reporterAction(deps, caseNo, phone, action, req.id);
      },
    );
  };
