import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams, Ok, pageOf } from '../../../contracts/common.js';
import { Notification, NotificationQuery } from '../../../contracts/notifications.js';
import { requireActor } from '../../platform/http/context.js';
import type { Deps } from '../../platform/deps.js';
import * as notifications from './notifications.service.js';

export const notificationsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['notifications'];
    app.get(
      '/api/v1/notifications',
      {
        schema: {
          tags,
          summary: 'In-app notifications of the caller’s organisations and those addressed to the caller',
          querystring: NotificationQuery,
          response: { 200: pageOf(Notification), ...errorResponses },
        },
      },
      async (req) => notifications.listNotifications(deps, requireActor(req), req.locale, req.query),
    );
    app.post(
      '/api/v1/notifications/:id/read',
      {
        schema: {
          tags,
          summary: 'Mark a notification read',
          params: IdParams,
          response: { 200: Ok, ...errorResponses },
        },
      },
      async (req) => notifications.markNotificationRead(deps, requireActor(req), req.params.id),
    );
  };
