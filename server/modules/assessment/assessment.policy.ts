// Who may see and do what with assessments (考核), from role grants (domain/access.ts holds the table):
// - a period of a division (the city or a district) and all its results: the offices whose grant covers the
//   division (assessment.view at the city, or at that district) — the assessing offices;
// - an assessed unit (a street office of a street in the division, a department of the division): the period
//   while it is open for ratings, and only its own result once published; everything else is "not found";
// - systems, periods, manual scores, compute and publish: the office of the period's division (assessment.manage);
// - rating (条与块、条与条): the assessed units themselves (assessment.rate), as the unit of their grant.
import { grantsWith, type Grant } from '../../../domain/access.js';
import type { AssessedLevel } from '../../../domain/assessment.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';

type PeriodPlace = { division_code: string };

const coversDivision = (g: Grant, division: string) =>
  g.scopeType === 'city' || (g.scopeType === 'district' && g.scopeId === division);

/** True when the caller is an assessing office of the period's division. */
export const mayViewAll = (actor: Actor, p: PeriodPlace) =>
  grantsWith(actor.grants, 'assessment.view').some((g) => coversDivision(g, p.division_code));

export const mayManage = (actor: Actor, p: PeriodPlace) =>
  grantsWith(actor.grants, 'assessment.manage').some((g) => coversDivision(g, p.division_code));

/** The office grants that see periods (for the list). */
export const officeGrants = (actor: Actor) =>
  grantsWith(actor.grants, 'assessment.view').filter(
    (g) => g.scopeType === 'city' || g.scopeType === 'district',
  );

export interface UnitRef {
  level: AssessedLevel;
  key: string;
}

/** The assessed units the caller acts for, holding the permission: its streets and its departments. */
export function unitsOf(actor: Actor, permission: 'assessment.view' | 'assessment.rate'): UnitRef[] {
  const out: UnitRef[] = [];
  for (const g of grantsWith(actor.grants, permission)) {
    if (g.scopeType === 'street') out.push({ level: 'street', key: g.scopeId });
    else if (g.scopeType === 'department') out.push({ level: 'department', key: g.scopeId });
  }
  return out;
}

/** The period is visible: an assessing office, or a unit that the period's division contains. */
export function requirePeriodView(actor: Actor, p: PeriodPlace, unitInPeriod: (u: UnitRef) => boolean): void {
  if (mayViewAll(actor, p)) return;
  if (unitsOf(actor, 'assessment.view').some(unitInPeriod)) return;
  throw notFound('assessment.period_not_found');
}

export function requireManage(actor: Actor, p: PeriodPlace, unitInPeriod: (u: UnitRef) => boolean): void {
  requirePeriodView(actor, p, unitInPeriod);
  if (!mayManage(actor, p)) throw new AppError('assessment.manage_forbidden', 403);
}

/** Creating a period: the office of the division. */
export function requireCreate(actor: Actor, divisionCode: string): void {
  if (!mayManage(actor, { division_code: divisionCode }))
    throw new AppError('assessment.manage_forbidden', 403);
}
