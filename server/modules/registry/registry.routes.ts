import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, IdParams, pageOf } from '../../../contracts/common.js';
import {
  Building,
  Compound,
  CompoundInput,
  CompoundListItem,
  CompoundPatch,
  CompoundQuery,
  Division,
  DivisionQuery,
  Organisation,
  OrganisationInput,
  OrganisationPatch,
  OrganisationQuery,
  OwnUnit,
  Owner,
  OwnerQuery,
  RevealedOwner,
  Unit,
} from '../../../contracts/registry.js';
import { requireActor } from '../../platform/http/context.js';
import type { Deps } from '../../platform/deps.js';
import * as registry from './registry.service.js';
import { registryPublicRoutes } from './registry.public.routes.js';

export const registryRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['registry'];

    app.get(
      '/api/v1/divisions',
      {
        schema: {
          tags,
          summary: 'Administrative divisions (GB/T 2260 / 10114)',
          querystring: DivisionQuery,
          response: { 200: z.object({ items: z.array(Division) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await registry.listDivisions(deps, requireActor(req), req.query) }),
    );

    app.get(
      '/api/v1/organisations',
      {
        schema: {
          tags,
          summary: 'Organisation directory',
          querystring: OrganisationQuery,
          response: { 200: pageOf(Organisation), ...errorResponses },
        },
      },
      async (req) => registry.listOrganisations(deps, requireActor(req), req.query),
    );
    app.post(
      '/api/v1/organisations',
      {
        schema: {
          tags,
          summary: 'Create an organisation',
          body: OrganisationInput,
          response: { 200: Organisation, ...errorResponses },
        },
      },
      async (req) => registry.createOrganisation(deps, requireActor(req), req.body, req.id),
    );
    app.get(
      '/api/v1/organisations/:id',
      {
        schema: {
          tags,
          summary: 'One organisation with its coverage',
          params: IdParams,
          response: { 200: Organisation, ...errorResponses },
        },
      },
      async (req) => registry.getOrganisation(deps, requireActor(req), req.params.id),
    );
    app.patch(
      '/api/v1/organisations/:id',
      {
        schema: {
          tags,
          summary: 'Edit an organisation (optimistic version)',
          params: IdParams,
          body: OrganisationPatch,
          response: { 200: Organisation, ...errorResponses },
        },
      },
      async (req) => registry.updateOrganisation(deps, requireActor(req), req.params.id, req.body, req.id),
    );

    app.get(
      '/api/v1/compounds',
      {
        schema: {
          tags,
          summary: 'Compounds (小区) in the caller’s data scope',
          querystring: CompoundQuery,
          response: { 200: pageOf(CompoundListItem), ...errorResponses },
        },
      },
      async (req) => registry.listCompounds(deps, requireActor(req), req.query),
    );
    app.post(
      '/api/v1/compounds',
      {
        schema: {
          tags,
          summary: 'Create a compound',
          body: CompoundInput,
          response: { 200: Compound, ...errorResponses },
        },
      },
      async (req) => registry.createCompound(deps, requireActor(req), req.body, req.id),
    );
    app.get(
      '/api/v1/compounds/:id',
      {
        schema: {
          tags,
          summary: 'One compound',
          params: IdParams,
          response: { 200: Compound, ...errorResponses },
        },
      },
      async (req) => registry.getCompound(deps, requireActor(req), req.params.id),
    );
    app.patch(
      '/api/v1/compounds/:id',
      {
        schema: {
          tags,
          summary: 'Edit a compound (optimistic version)',
          params: IdParams,
          body: CompoundPatch,
          response: { 200: Compound, ...errorResponses },
        },
      },
      async (req) => registry.updateCompound(deps, requireActor(req), req.params.id, req.body, req.id),
    );
    app.get(
      '/api/v1/compounds/:id/buildings',
      {
        schema: {
          tags,
          summary: 'Buildings of a compound',
          params: IdParams,
          response: { 200: z.object({ items: z.array(Building) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await registry.listBuildings(deps, requireActor(req), req.params.id) }),
    );
    app.get(
      '/api/v1/compounds/:id/owners',
      {
        schema: {
          tags,
          summary: 'Owners of a compound (phone and ID masked)',
          params: IdParams,
          querystring: OwnerQuery,
          response: { 200: pageOf(Owner), ...errorResponses },
        },
      },
      async (req) => registry.listOwners(deps, requireActor(req), req.params.id, req.query),
    );
    app.get(
      '/api/v1/buildings/:id/units',
      {
        schema: {
          tags,
          summary: 'Units (专有部分) of a building with their owners',
          params: IdParams,
          response: { 200: z.object({ items: z.array(Unit) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await registry.listUnits(deps, requireActor(req), req.params.id) }),
    );
    app.get(
      '/api/v1/owner/units',
      {
        schema: {
          tags,
          summary: 'The signed-in owner’s own units with building, compound and street (owners only)',
          response: { 200: z.object({ items: z.array(OwnUnit) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await registry.listOwnUnits(deps, requireActor(req)) }),
    );
    app.post(
      '/api/v1/owners/:id/reveal',
      {
        schema: {
          tags,
          summary: 'Reveal an owner’s phone and ID number (audited)',
          params: IdParams,
          response: { 200: RevealedOwner, ...errorResponses },
        },
      },
      async (req) => registry.revealOwner(deps, requireActor(req), req.params.id, req.id),
    );

    await app.register(registryPublicRoutes(deps));
  };
