// How an actor stands to a case (domain/case-lifecycle.ts Relation), from grants and organisations.
import type { Relation } from '../../../domain/case-lifecycle.js';
import type { Grant } from '../../../domain/access.js';
import type { Actor } from '../../platform/http/context.js';
import type { Executor } from '../../platform/db/database.js';
import type { CaseTable } from '../../platform/db/schema.js';
import * as repo from './cases.repo.js';

/** Roles that dispatch (派遣) within their location scope. */
const DISPATCH_ROLES = new Set([
  'street_office',
  'district_office',
  'city_office',
  'hotline_operator',
  'admin',
]);
const SUPERVISE_ROLES = new Set(['district_office', 'city_office', 'admin']);
/** Organisation types a street office acts for when it is the lead (属地 coordination). */
const STREET_ORG_TYPES = new Set(['street_office', 'housing_office', 'joint_meeting_office']);

export function locationCovers(g: Grant, c: Pick<CaseTable, 'district_code' | 'street_code'>): boolean {
  if (g.scopeType === 'city') return true;
  if (g.scopeType === 'district') return c.district_code === g.scopeId;
  if (g.scopeType === 'street') return c.street_code === g.scopeId;
  return false;
}

/** Organisations the actor works for (department/company grants), for queues and lead checks. */
export function actorOrgIds(actor: Actor): string[] {
  return actor.grants
    .filter((g) => g.scopeType === 'department' || g.scopeType === 'company')
    .map((g) => g.scopeId);
}

export async function relationsTo(db: Executor, actor: Actor, c: CaseTable): Promise<Set<Relation>> {
  const relations = new Set<Relation>();
  for (const g of actor.grants) {
    if (DISPATCH_ROLES.has(g.role) && locationCovers(g, c)) relations.add('dispatcher');
    if (SUPERVISE_ROLES.has(g.role) && locationCovers(g, c) && g.scopeType !== 'street')
      relations.add('supervisor');
    if (g.role === 'grid_inspector' && locationCovers(g, c)) relations.add('verifier');
  }
  const orgs = actorOrgIds(actor);
  if (c.lead_org_id) {
    const lead = (await repo.organisationsByIds(db, [c.lead_org_id]))[0];
    if (lead && STREET_ORG_TYPES.has(lead.type)) {
      if (
        actor.grants.some(
          (g) => g.role === 'street_office' && g.scopeType === 'street' && g.scopeId === lead.division_code,
        )
      ) {
        relations.add('leadHandler');
      }
    }
    if (orgs.length && (await repo.ancestorsOf(db, c.lead_org_id)).some((id) => orgs.includes(id)))
      relations.add('leadHandler');
  }
  if (orgs.length) {
    const co = await repo.cohandlers(db, c.id);
    for (const o of co) {
      if ((await repo.ancestorsOf(db, o.id)).some((id) => orgs.includes(id))) relations.add('coHandler');
    }
  }
  return relations;
}

/** Who may read a case: anyone with a relation, or a compound-scoped user (居委会, 业委会) of its compound. */
export function canRead(actor: Actor, c: CaseTable, relations: ReadonlySet<Relation>): boolean {
  if (relations.size > 0) return true;
  return actor.grants.some(
    (g) =>
      (g.scopeType === 'compound' && g.scopeId === c.compound_id) ||
      (g.role === 'residents_committee' && g.scopeType === 'street' && g.scopeId === c.street_code),
  );
}
