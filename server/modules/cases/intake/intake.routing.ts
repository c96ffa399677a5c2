// Where a report is (the compound, building, unit or street it names) and who should handle it there: the
// responsibility-list row, then the concrete organisation covering the place (属地管理 fallback).
import { chooseRule, FALLBACK_ORG_TYPE, type RoutingFacts } from '../../../../domain/routing.js';
import type { IntakeInput } from '../../../../contracts/cases.js';
import { badRequest } from '../../../platform/http/errors.js';
import type { Executor } from '../../../platform/db/database.js';
import type { CaseReference } from '../cases.reference.js';
import { divisionByCode } from '../../registry/registry.service.js';
import * as repo from './intake.repo.js';
import * as lookups from './intake.lookups.js';

export interface Location {
  districtCode: string;
  streetCode: string;
  compoundId: string | null;
  compoundName: string | null;
  buildingId: string | null;
  unitId: string | null;
  gridCellId: string | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
}

type Given = Pick<
  IntakeInput,
  'compoundId' | 'buildingId' | 'unitId' | 'streetCode' | 'lat' | 'lng' | 'address'
>;

/**
 * The finest place named wins: a unit gives its building and compound, a building its compound. Places named
 * together must agree (a unit in the building, a building in the compound): 400 otherwise, nothing recorded.
 */
export async function resolveLocation(db: Executor, input: Given): Promise<Location> {
  let compoundId = input.compoundId ?? null;
  let buildingId = input.buildingId ?? null;
  const unitId = input.unitId ?? null;
  if (unitId) {
    const unit = await repo.unitLocation(db, unitId);
    if (!unit) throw badRequest('cases.location_unknown', { what: 'unitId' });
    if (buildingId && unit.building_id !== buildingId) throw badRequest('cases.unit_not_in_building');
    if (compoundId && unit.compound_id !== compoundId) throw badRequest('cases.building_not_in_compound');
    buildingId = unit.building_id;
    compoundId = unit.compound_id;
  } else if (buildingId) {
    const building = await repo.buildingLocation(db, buildingId);
    if (!building) throw badRequest('cases.location_unknown', { what: 'buildingId' });
    if (compoundId && building.compound_id !== compoundId) throw badRequest('cases.building_not_in_compound');
    compoundId = building.compound_id;
  }
  if (compoundId) {
    const c = await lookups.compoundLocation(db, compoundId);
    if (!c) throw badRequest('cases.location_unknown', { what: 'compoundId' });
    return {
      districtCode: c.district_code,
      streetCode: c.street_code,
      compoundId: c.id,
      compoundName: c.name,
      buildingId,
      unitId,
      gridCellId: c.grid_cell_id,
      lat: input.lat ?? c.lat,
      lng: input.lng ?? c.lng,
      address: input.address ?? c.address,
    };
  }
  if (input.streetCode) return streetLocation(db, input.streetCode, input);
  throw badRequest('cases.location_required');
}

async function streetLocation(db: Executor, streetCode: string, input: Given): Promise<Location> {
  const street = await divisionByCode(db, streetCode);
  if (!street || !street.parent_code || street.level === 'district')
    throw badRequest('cases.location_unknown', { what: 'streetCode' });
  return {
    districtCode: street.parent_code,
    streetCode: street.code,
    compoundId: null,
    compoundName: null,
    buildingId: null,
    unitId: null,
    gridCellId: null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    address: input.address ?? null,
  };
}

export interface Routing {
  orgId: string | null;
  coHandlerIds: string[];
  rule: string;
  note: string | null;
}

/** Routing: the responsibility-list row, then the concrete organisation covering the place. */
export async function routeCase(
  db: Executor,
  ref: CaseReference,
  facts: RoutingFacts,
  loc: Location,
): Promise<Routing> {
  const rule = chooseRule(ref.rules, facts);
  const concrete = async (
    orgType: string,
    orgKind: string | null,
  ): Promise<{ id: string; name: string } | null> => {
    if (orgType === 'property_company') {
      if (!loc.compoundId) return null;
      const provider = await lookups.currentServiceProvider(db, loc.compoundId);
      const id = provider?.project_office_id ?? provider?.company_id;
      return id ? ((await lookups.organisation(db, id)) ?? null) : null;
    }
    return (await lookups.organisationsCovering(db, orgType, orgKind, loc.streetCode))[0] ?? null;
  };
  if (rule) {
    const org = await concrete(rule.orgType, rule.orgKind);
    if (org) {
      const co: string[] = [];
      for (const h of rule.coHandlers) {
        const o = await concrete(h.orgType, h.orgKind);
        if (o && o.id !== org.id) co.push(o.id);
      }
      return { orgId: org.id, coHandlerIds: co, rule: `v${rule.listVersion}:${rule.id}`, note: rule.source };
    }
  }
  const fallback = await concrete(FALLBACK_ORG_TYPE, null);
  return {
    orgId: fallback?.id ?? null,
    coHandlerIds: [] as string[],
    rule: 'fallback',
    // The matched row's source when its organisation does not cover the place; null when nothing matched.
    note: rule ? rule.source : null,
  };
}
