// Who is asking, in which language: attached to every request by the http plugin.
import type { FastifyRequest } from 'fastify';
import { grantsWith, hasPermission, type Grant, type Permission } from '../../../domain/access.js';
import { AppError } from './errors.js';
import type { Locale } from './messages.js';
import type { AuditActor } from '../audit/audit.js';

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  grants: Grant[];
  csrfToken: string;
  via: 'session' | 'apiKey';
  /** For API keys: the intake channel the key is bound to. */
  channel?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('auth.unauthenticated', 401);
  return req.actor;
}

/** The grants of the actor that carry the permission; 403 when there are none. */
export function requirePermission(actor: Actor, permission: Permission): Grant[] {
  const grants = grantsWith(actor.grants, permission);
  if (grants.length === 0) throw new AppError('auth.forbidden', 403);
  return grants;
}

export function can(actor: Actor | null, permission: Permission): boolean {
  return !!actor && hasPermission(actor.grants, permission);
}

export function auditActor(actor: Actor | null): AuditActor {
  return actor ? { id: actor.userId, name: actor.username } : { id: null, name: 'system' };
}
