// How an actor stands to a case (domain/case-lifecycle.ts Relation), declared over the one permission table
// in domain/access.ts: each relation is "a grant carrying this permission covers the case's place".
import type { Relation } from '../../../domain/case-lifecycle.js';
import {
  allows,
  covers,
  divisionContains,
  grantsWith,
  isLocationGrant,
  organisationIdsOf,
  type Place,
} from '../../../domain/access.js';
import type { Actor } from '../../platform/http/context.js';
import type { Executor } from '../../platform/db/database.js';
import type { CaseTable } from '../../platform/db/schema.js';
import * as repo from './cases.repo.js';

/** Organisation types a street office acts for when it is the lead (属地 coordination). */
const STREET_ORG_TYPES = new Set(['street_office', 'housing_office', 'joint_meeting_office']);

type CaseLocation = Pick<CaseTable, 'district_code' | 'street_code'>;

export const placeOfCase = (c: CaseLocation & { compound_id?: string | null }): Place => ({
  districtCode: c.district_code,
  streetCode: c.street_code,
  compoundId: c.compound_id ?? null,
});

/** Whether any of the actor's grants (whatever its role) reaches the case's district or street. */
export const locationReaches = (actor: Actor, c: CaseLocation): boolean =>
  actor.grants.some((g) => covers(g, { districtCode: c.district_code, streetCode: c.street_code }));

/** Organisations the actor works for (department/company grants), for queues and lead checks. */
export const actorOrgIds = (actor: Actor): string[] => organisationIdsOf(actor.grants);

export async function relationsTo(db: Executor, actor: Actor, c: CaseTable): Promise<Set<Relation>> {
  const relations = new Set<Relation>();
  const where = { districtCode: c.district_code, streetCode: c.street_code };
  if (allows(actor.grants, 'cases.dispatch', where)) relations.add('dispatcher');
  if (allows(actor.grants, 'cases.supervise', where)) relations.add('supervisor');
  if (allows(actor.grants, 'cases.verify', where)) relations.add('verifier');
  if (c.lead_org_id) {
    const lead = (await repo.organisationsByIds(db, [c.lead_org_id]))[0];
    // The street office is the lead handler of what is routed to its own street's offices (属地管理).
    if (
      lead?.division_code &&
      STREET_ORG_TYPES.has(lead.type) &&
      allows(actor.grants, 'cases.handle', { streetCode: lead.division_code })
    )
      relations.add('leadHandler');
    if (allows(actor.grants, 'cases.handle', { orgIds: await repo.ancestorsOf(db, c.lead_org_id) }))
      relations.add('leadHandler');
  }
  if (organisationIdsOf(actor.grants, 'cases.handle').length) {
    for (const o of await repo.cohandlers(db, c.id)) {
      if (allows(actor.grants, 'cases.handle', { orgIds: await repo.ancestorsOf(db, o.id) }))
        relations.add('coHandler');
    }
  }
  return relations;
}

/** Who may read a case: anyone with a relation, or a 居委会/业委会 grant (cases.read) covering its place. */
export function canRead(actor: Actor, c: CaseTable, relations: ReadonlySet<Relation>): boolean {
  return relations.size > 0 || allows(actor.grants, 'cases.read', placeOfCase(c));
}

/**
 * Where the actor's work queue reaches: the organisations it handles cases for (cases.handle), and the places
 * its queue grants (cases.queue) cover — the whole city, districts and streets, or compounds (居委会, 业委会:
 * the cases of their own compounds, to read).
 */
export interface QueueReach {
  orgIds: string[];
  city: boolean;
  districts: string[];
  streets: string[];
  compounds: string[];
  /** Whether a queue grant's place contains the division (to open another organisation's queue). */
  reachesDivision: (code: string) => boolean;
}

export function queueReach(actor: Actor): QueueReach {
  const places = grantsWith(actor.grants, 'cases.queue').filter(isLocationGrant);
  const city = places.some((g) => g.scopeType === 'city');
  return {
    orgIds: organisationIdsOf(actor.grants, 'cases.handle'),
    city,
    districts: places.filter((g) => g.scopeType === 'district').map((g) => g.scopeId),
    streets: places.filter((g) => g.scopeType === 'street').map((g) => g.scopeId),
    compounds: grantsWith(actor.grants, 'cases.queue')
      .filter((g) => g.scopeType === 'compound')
      .map((g) => g.scopeId),
    reachesDivision: (code) => city || places.some((g) => divisionContains(g.scopeId, code)),
  };
}

/** Whether the actor has any work queue at all. */
export const hasQueue = (r: QueueReach): boolean =>
  r.orgIds.length > 0 || r.city || r.districts.length > 0 || r.streets.length > 0 || r.compounds.length > 0;
