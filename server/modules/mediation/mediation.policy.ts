// Who may see and do what with disputes (矛盾纠纷), from role grants and the dispute's place (domain/access.ts
// holds the table): the street office and the street's mediators see and manage them (mediation.view,
// mediation.manage); the administrator sees them. A dispute out of reach is "not found" (no existence leak).
import { allows, type Permission } from '../../../domain/access.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';

export interface DisputePlace {
  compound_id: string;
  district_code: string;
  street_code: string;
}

const may = (actor: Actor, permission: Permission, d: DisputePlace) =>
  allows(actor.grants, permission, {
    districtCode: d.district_code,
    streetCode: d.street_code,
    compoundId: d.compound_id,
  });

export function requireMediationView(actor: Actor, d: DisputePlace): void {
  if (!may(actor, 'mediation.view', d)) throw notFound('mediation.dispute_not_found');
}

export function requireMediationManage(actor: Actor, d: DisputePlace): void {
  requireMediationView(actor, d);
  if (!may(actor, 'mediation.manage', d)) throw new AppError('mediation.manage_forbidden', 403);
}

export const mayManageMediation = (actor: Actor, d: DisputePlace) => may(actor, 'mediation.manage', d);
