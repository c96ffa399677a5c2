import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, IdParams, pageOf } from '../../../contracts/common.js';
import { RoleInfo, User, UserInput, UserPatch, UserQuery } from '../../../contracts/users.js';
import { requireActor } from '../../platform/http/context.js';
import type { Deps } from '../../platform/deps.js';
import * as users from './users.service.js';

export const usersRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['users'];
    app.get(
      '/api/v1/roles',
      {
        schema: {
          tags,
          summary: 'Roles and the scopes they bind to',
          response: { 200: z.object({ items: z.array(RoleInfo) }), ...errorResponses },
        },
      },
      async (req) => ({ items: users.listRoles(requireActor(req)) }),
    );
    app.get(
      '/api/v1/users',
      {
        schema: {
          tags,
          summary: 'Accounts',
          querystring: UserQuery,
          response: { 200: pageOf(User), ...errorResponses },
        },
      },
      async (req) => users.listUsers(deps, requireActor(req), req.query),
    );
    app.post(
      '/api/v1/users',
      {
        schema: {
          tags,
          summary: 'Create an account with role grants',
          body: UserInput,
          response: { 200: User, ...errorResponses },
        },
      },
      async (req) => users.createUser(deps, requireActor(req), req.body, req.id),
    );
    app.get(
      '/api/v1/users/:id',
      {
        schema: {
          tags,
          summary: 'One account',
          params: IdParams,
          response: { 200: User, ...errorResponses },
        },
      },
      async (req) => users.getUser(deps, requireActor(req), req.params.id),
    );
    app.patch(
      '/api/v1/users/:id',
      {
        schema: {
          tags,
          summary: 'Edit, disable, unlock, reset password, change grants',
          params: IdParams,
          body: UserPatch,
          response: { 200: User, ...errorResponses },
        },
      },
      async (req) => users.updateUser(deps, requireActor(req), req.params.id, req.body, req.id),
    );
  };
