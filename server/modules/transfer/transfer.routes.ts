import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';

// Import (.xlsx/.csv) and export of registry lists. Routes are added by the transfer module.
export const transferRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async () => {};
