// Joint meetings (联席会议) routes: thin — each hands the actor and the validated input to the service.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../../contracts/common.js';
import {
  ActionItemList,
  ActionItemQuery,
  ActionItemView,
  AgendaBody,
  BodyList,
  BodyView,
  CompleteBody,
  Created,
  CreateBodyBody,
  CreateMeetingBody,
  CreateRequestBody,
  HoldMeetingBody,
  HotCaseList,
  MeetingView,
  SentRequestList,
  SuperviseBody,
  UpdateBodyBody,
} from '../../../contracts/coordination.js';
import { requireActor } from '../../platform/http/context.js';
import type { Deps } from '../../platform/deps.js';
import * as items from './coordination.items.js';
import * as meetings from './coordination.meetings.js';
import * as coordination from './coordination.service.js';

const tags = ['coordination'];
const base = '/api/v1/coordination';

export const coordinationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      `${base}/bodies`,
      {
        schema: {
          tags,
          summary: 'The joint meetings (联席会议) at and below the caller’s offices’ level',
          response: { 200: BodyList, ...errorResponses },
        },
      },
      async (req) => coordination.listBodies(deps, requireActor(req)),
    );
    app.post(
      `${base}/bodies`,
      {
        schema: {
          tags,
          summary:
            'Set up the joint meeting of a division (the office of that level): convenor, office, member units',
          body: CreateBodyBody,
          response: { 200: Created, ...errorResponses },
        },
      },
      async (req) => coordination.createBody(deps, requireActor(req), req.body, req.id),
    );
    app.get(
      `${base}/bodies/:id`,
      {
        schema: {
          tags,
          summary: 'A joint meeting: member units, meetings, requests for coordination from the level below',
          params: IdParams,
          response: { 200: BodyView, ...errorResponses },
        },
      },
      async (req) => coordination.getBody(deps, requireActor(req), req.params.id),
    );
    app.patch(
      `${base}/bodies/:id`,
      {
        schema: {
          tags,
          summary: 'Change the convenor or the member units; 409 when the body changed',
          params: IdParams,
          body: UpdateBodyBody,
          response: { 200: BodyView, ...errorResponses },
        },
      },
      async (req) => coordination.updateBody(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.get(
      `${base}/bodies/:id/hot-cases`,
      {
        schema: {
          tags,
          summary:
            'Hot and difficult cases (热点、难点) of the body’s area with their reasons: overdue, returned, disputed, 挂账',
          params: IdParams,
          response: { 200: HotCaseList, ...errorResponses },
        },
      },
      async (req) => coordination.hotCases(deps, requireActor(req), req.params.id),
    );
    app.post(
      `${base}/bodies/:id/requests`,
      {
        schema: {
          tags,
          summary:
            'Ask this (higher) joint meeting for coordination — e.g. a street asks its district; with a case',
          params: IdParams,
          body: CreateRequestBody,
          response: { 200: Created, ...errorResponses },
        },
      },
      async (req) => coordination.createRequest(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.get(
      `${base}/requests`,
      {
        schema: {
          tags,
          summary:
            'The requests for coordination the caller’s offices sent up, and the meeting that took each up',
          response: { 200: SentRequestList, ...errorResponses },
        },
      },
      async (req) => coordination.sentRequests(deps, requireActor(req)),
    );
    app.post(
      `${base}/bodies/:id/meetings`,
      {
        schema: {
          tags,
          summary: 'Plan a meeting (date, title)',
          params: IdParams,
          body: CreateMeetingBody,
          response: { 200: Created, ...errorResponses },
        },
      },
      async (req) => meetings.createMeeting(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.get(
      `${base}/meetings/:id`,
      {
        schema: {
          tags,
          summary: 'A meeting: agenda, attendance, minutes, decisions with action items, items reported back',
          params: IdParams,
          response: { 200: MeetingView, ...errorResponses },
        },
      },
      async (req) => meetings.getMeeting(deps, requireActor(req), req.params.id),
    );
    app.post(
      `${base}/meetings/:id/agenda`,
      {
        schema: {
          tags,
          summary:
            'Add an agenda item: a hot case (the case records it), a request from below, or another topic',
          params: IdParams,
          body: AgendaBody,
          response: { 200: Created, ...errorResponses },
        },
      },
      async (req) => coordination.addAgendaItem(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      `${base}/meetings/:id/hold`,
      {
        schema: {
          tags,
          summary:
            'Record the meeting held: attendance, minutes, decisions and their action items (deadline on the working-day calendar)',
          params: IdParams,
          body: HoldMeetingBody,
          response: { 200: MeetingView, ...errorResponses },
        },
      },
      async (req) => meetings.holdMeeting(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.get(
      `${base}/action-items`,
      {
        schema: {
          tags,
          summary:
            'Action items: mine=true those of the caller’s units (lead or cooperating), with due state',
          querystring: ActionItemQuery,
          response: { 200: ActionItemList, ...errorResponses },
        },
      },
      async (req) => items.listItems(deps, requireActor(req), req.query),
    );
    app.get(
      `${base}/action-items/:id`,
      {
        schema: {
          tags,
          summary: 'An action item',
          params: IdParams,
          response: { 200: ActionItemView, ...errorResponses },
        },
      },
      async (req) => items.getItem(deps, requireActor(req), req.params.id),
    );
    app.post(
      `${base}/action-items/:id/done`,
      {
        schema: {
          tags,
          summary: 'The lead unit reports the item done with evidence; 409 when it changed',
          params: IdParams,
          body: CompleteBody,
          response: { 200: ActionItemView, ...errorResponses },
        },
      },
      async (req) => items.completeItem(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.post(
      `${base}/action-items/:id/supervise`,
      {
        schema: {
          tags,
          summary: '督办: the office of the meeting’s level presses the lead unit (notified)',
          params: IdParams,
          body: SuperviseBody,
          response: { 200: ActionItemView, ...errorResponses },
        },
      },
      async (req) => items.superviseItem(deps, requireActor(req), req.params.id, req.body, req.id),
    );
  };
