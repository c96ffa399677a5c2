// Assessment (考核) routes: thin — each hands the actor and the validated input to the service.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../../contracts/common.js';
import {
  Created,
  CreatePeriodBody,
  LevelParams,
  ManualScoreBody,
  ManualScoreList,
  PeriodList,
  PeriodView,
  PutSystemBody,
  RatingBody,
  RatingList,
  ResultList,
  ResultsQuery,
  VersionBody,
} from '../../../contracts/assessment.js';
import { requireActor } from '../../platform/http/context.js';
import type { Deps } from '../../platform/deps.js';
import * as assessment from './assessment.service.js';

const tags = ['assessment'];
const base = '/api/v1/assessment/periods';

export const assessmentRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      base,
      {
        schema: {
          tags,
          summary:
            'Assessment periods (考核周期): the assessing offices’ divisions; an assessed unit its own',
          response: { 200: PeriodList, ...errorResponses },
        },
      },
      async (req) => assessment.listPeriods(deps, requireActor(req)),
    );
    app.post(
      base,
      {
        schema: {
          tags,
          summary:
            'Open a period (e.g. 2026-Q4) of the city or a district with the default indicator systems [U]',
          body: CreatePeriodBody,
          response: { 200: Created, ...errorResponses },
        },
      },
      async (req) => assessment.createPeriod(deps, requireActor(req), req.body, req.id),
    );
    app.get(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: 'A period: its indicator systems per level, status, and what the caller may rate',
          params: IdParams,
          response: { 200: PeriodView, ...errorResponses },
        },
      },
      async (req) => assessment.getPeriod(deps, requireActor(req), req.params.id),
    );
    app.put(
      `${base}/:id/systems/:level`,
      {
        schema: {
          tags,
          summary:
            'Replace the indicator system of a level (weights sum to 100); 409 when the period changed',
          params: LevelParams,
          body: PutSystemBody,
          response: { 200: PeriodView, ...errorResponses },
        },
      },
      async (req) =>
        assessment.putSystem(deps, requireActor(req), req.params.id, req.params.level, req.body, req.id),
    );
    app.get(
      `${base}/:id/manual-scores`,
      {
        schema: {
          tags,
          summary: 'Manual scores with their evidence (an assessed unit: its own, once published)',
          params: IdParams,
          response: { 200: ManualScoreList, ...errorResponses },
        },
      },
      async (req) => assessment.listManualScores(deps, requireActor(req), req.params.id),
    );
    app.post(
      `${base}/:id/manual-scores`,
      {
        schema: {
          tags,
          summary: 'Enter a manual indicator score (0–100) with its evidence (the assessing office)',
          params: IdParams,
          body: ManualScoreBody,
          response: { 200: Created, ...errorResponses },
        },
      },
      async (req) => assessment.enterManualScore(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.get(
      `${base}/:id/ratings`,
      {
        schema: {
          tags,
          summary:
            'Two-way ratings (条与块、条与条): offices all; a unit those it gave and, once published, received',
          params: IdParams,
          response: { 200: RatingList, ...errorResponses },
        },
      },
      async (req) => assessment.listRatings(deps, requireActor(req), req.params.id),
    );
    app.post(
      `${base}/:id/ratings`,
      {
        schema: {
          tags,
          summary:
            'Rate a street or department on an agreed indicator (0–100) with a reason, as the caller’s unit',
          params: IdParams,
          body: RatingBody,
          response: { 200: Created, ...errorResponses },
        },
      },
      async (req) => assessment.rate(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      `${base}/:id/compute`,
      {
        schema: {
          tags,
          summary: 'Compute every unit’s result from the cases, action items, committees, scores and ratings',
          params: IdParams,
          body: VersionBody,
          response: { 200: PeriodView, ...errorResponses },
        },
      },
      async (req) => assessment.compute(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      `${base}/:id/publish`,
      {
        schema: {
          tags,
          summary: 'Publish the computed results to the assessed units',
          params: IdParams,
          body: VersionBody,
          response: { 200: PeriodView, ...errorResponses },
        },
      },
      async (req) => assessment.publish(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.get(
      `${base}/:id/results`,
      {
        schema: {
          tags,
          summary:
            'Ranked results of a level with each indicator’s value, target, score, weight and contribution',
          params: IdParams,
          querystring: ResultsQuery,
          response: { 200: ResultList, ...errorResponses },
        },
      },
      async (req) => assessment.results(deps, requireActor(req), req.params.id, req.query.level),
    );
  };
