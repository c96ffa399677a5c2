// The public compound directory for the resident report form (no account): compounds by name or nearest to a
// position, a compound's building names and a building's unit numbers. Only names and where a compound is —
// no owners, areas, organisations or ids beyond the ones a report names. Open to everyone by design (the
// routes are rate-limited), so there is no access check here; everything private stays behind registry.read.
import { boundingBox, distanceM } from '../../../domain/geo.js';
import { naturallySorted } from '../../../domain/natural-order.js';
import { notFound } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/deps.js';
import * as repo from './registry.repo.js';

const MAX_RESULTS = 10;
/** How far "nearest compounds" looks (a resident reports where they are, or close by). */
const NEAR_RADIUS_M = 3_000;

export async function publicCompounds(deps: Deps, f: { q?: string; lat?: number; lng?: number }) {
  const db = deps.database.db;
  if (f.lat !== undefined && f.lng !== undefined) {
    const here = { lat: f.lat, lng: f.lng };
    const rows = await repo.publicCompoundsInBox(db, boundingBox(here, NEAR_RADIUS_M), 500);
    return rows
      .map((r) => ({ r, d: distanceM(here, { lat: r.lat!, lng: r.lng! }) }))
      .filter((x) => x.d <= NEAR_RADIUS_M && (!f.q || x.r.name.includes(f.q)))
      .sort((a, b) => a.d - b.d || (a.r.name < b.r.name ? -1 : 1))
      .slice(0, MAX_RESULTS)
      .map(({ r, d }) => present(r, Math.round(d)));
  }
  const rows = await repo.publicCompoundsByName(db, f.q ?? '', MAX_RESULTS);
  return rows.map((r) => present(r, null));
}

function present(
  r: { id: string; name: string; street_name: string | null; district_name: string | null },
  distance: number | null,
) {
  return {
    id: r.id,
    name: r.name,
    streetName: r.street_name,
    districtName: r.district_name,
    distanceM: distance,
  };
}

/** A compound's buildings by name, naturally sorted (2号楼 before 10号楼). */
export async function publicBuildings(deps: Deps, compoundId: string) {
  const db = deps.database.db;
  if (!(await repo.compoundExists(db, compoundId))) throw notFound('registry.compound_not_found');
  return naturallySorted(await repo.buildingNamesOfCompound(db, compoundId), (b) => b.name);
}

/** A building's unit numbers, naturally sorted (101, 102, …, 1001). */
export async function publicUnits(deps: Deps, buildingId: string) {
  const db = deps.database.db;
  if (!(await repo.buildingExists(db, buildingId))) throw notFound('registry.building_not_found');
  return naturallySorted(await repo.unitNumbersOfBuilding(db, buildingId), (u) => u.number);
}
