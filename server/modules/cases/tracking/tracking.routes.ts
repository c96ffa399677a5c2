// Residents' public routes, no account needed: a report returns the case number; following it, verifying and
// rating need number + phone.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ActionBody,
  PHOTO_BODY_LIMIT,
  PublicIntakeResult,
  ResidentReportBody,
  TrackQuery,
  TrackView,
} from '../../../../contracts/cases.js';
import { z } from 'zod';
import { errorResponses, IdParams } from '../../../../contracts/common.js';
import type { Deps } from '../../../platform/deps.js';
import { intakeCase } from '../intake/intake.service.js';
import * as tracking from './tracking.service.js';

export const trackingRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['public'];

    app.post(
      '/api/v1/public/reports',
      {
        schema: {
          tags,
          summary: 'Report a problem (resident web form)',
          security: [],
          body: ResidentReportBody,
          response: { 200: PublicIntakeResult, ...errorResponses },
        },
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        bodyLimit: PHOTO_BODY_LIMIT,
      },
      async (req) => {
        const b = req.body;
        const result = await intakeCase(
          deps,
          { kind: 'public' },
          {
            channel: 'residentWeb',
            categoryCode: b.categoryCode,
            attributes: b.attributes,
            description: b.description,
            compoundId: b.compoundId,
            buildingId: b.buildingId,
            unitId: b.unitId,
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
        return { ...result, trackToken: tracking.trackLinkFor(deps, result.id).token };
      },
    );

    app.get(
      '/api/v1/public/cases/track',
      {
        schema: {
          tags,
          summary: 'Follow a case by number and phone, or by its signed link',
          security: [],
          querystring: TrackQuery,
          response: { 200: TrackView, ...errorResponses },
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (req) => tracking.trackCase(deps, req.query),
    );

    app.post(
      '/api/v1/public/cases/actions',
      {
        schema: {
          tags,
          summary: 'Reporter verifies or rates a case (number + phone, or signed link)',
          security: [],
          body: ActionBody.extend(TrackQuery.shape),
          response: { 200: TrackView, ...errorResponses },
        },
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        bodyLimit: PHOTO_BODY_LIMIT,
      },
      async (req) => {
        const { caseNo, phone, token, ...action } = req.body;
        return tracking.reporterAction(deps, { caseNo, phone, token }, action, req.id);
      },
    );

    app.get(
      '/api/v1/public/case-photos/:id',
      {
        schema: {
          tags,
          summary: 'An evidence photo of the handler’s result, with the case’s signed link',
          security: [],
          params: IdParams,
          querystring: z.object({ token: z.string().min(10).max(200) }),
        },
        config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const p = await tracking.publicCasePhoto(deps, req.params.id, req.query.token);
        return reply.type(p.mime).header('cache-control', 'private, max-age=3600').send(p.content);
      },
    );
  };
