// The dashboard map's layers, drawn from the project's own data (no boundary polygons exist, none invented):
// compounds with their open cases (and governance state where the caller may see it), the newest open case
// pins, and open cases per street at the centroid of the street's compound coordinates. Same access as the
// KPIs (kpis.policy.ts kpiScope); every layer is capped, and a capped layer says so (`truncated`).
import { OPEN_STATUSES } from '../../../domain/case-lifecycle.js';
import { hasPermission } from '../../../domain/access.js';
import type { Actor } from '../../platform/http/context.js';
import type { Deps } from '../../platform/deps.js';
import { governanceStatesOf } from '../governance/governance.service.js';
import * as repo from './kpis.repo.js';
import { kpiScope } from './kpis.policy.js';

export const MAP_LIMITS = { compounds: 3000, pins: 300 } as const;

export async function caseMap(deps: Deps, actor: Actor, q: { district?: string; street?: string }) {
  const scope = kpiScope(actor, q);
  const db = deps.database.db;
  const f: repo.MapFilter = { scope, district: q.district, street: q.street, openStatuses: OPEN_STATUSES };
  const [counts, pins] = await Promise.all([
    repo.openCaseCounts(db, f),
    repo.casePins(db, f, MAP_LIMITS.pins + 1),
  ]);
  // Departments and companies have no places: their map is where their open cases are.
  const byOrgsOnly = scope.every((p) => p.kind === 'orgs');
  const caseCompounds = byOrgsOnly
    ? [...new Set(counts.flatMap((c) => (c.compoundId ? [c.compoundId] : [])))]
    : [];
  const caseStreets = byOrgsOnly ? [...new Set(counts.map((c) => c.streetCode))] : [];
  const [points, streets] = await Promise.all([
    repo.compoundPoints(db, f, caseCompounds.slice(0, MAP_LIMITS.compounds), MAP_LIMITS.compounds + 1),
    repo.streetCentroids(db, f, caseStreets),
  ]);
  const compounds = points.slice(0, MAP_LIMITS.compounds);
  const openOfCompound = new Map<string, number>();
  const openOfStreet = new Map<string, number>();
  for (const c of counts) {
    if (c.compoundId) openOfCompound.set(c.compoundId, (openOfCompound.get(c.compoundId) ?? 0) + c.n);
    openOfStreet.set(c.streetCode, (openOfStreet.get(c.streetCode) ?? 0) + c.n);
  }
  const states = hasPermission(actor.grants, 'governance.view')
    ? await governanceStatesOf(
        deps,
        actor,
        compounds.map((c) => c.id),
      )
    : null;
  return {
    compounds: compounds.map((c) => ({
      id: c.id,
      name: c.name,
      lat: Number(c.lat),
      lng: Number(c.lng),
      openCases: openOfCompound.get(c.id) ?? 0,
      governanceState: states?.get(c.id) ?? null,
    })),
    pins: pins.slice(0, MAP_LIMITS.pins).map((p) => ({
      id: p.id,
      caseNo: p.case_no,
      title: p.title,
      status: p.status,
      dueState: p.due_state,
      lat: Number(p.lat),
      lng: Number(p.lng),
    })),
    streets: streets.map((s) => ({
      code: s.street_code,
      name: s.name ?? s.street_code,
      lat: s.lat,
      lng: s.lng,
      compounds: s.n,
      openCases: openOfStreet.get(s.street_code) ?? 0,
    })),
    truncated: { compounds: points.length > MAP_LIMITS.compounds, pins: pins.length > MAP_LIMITS.pins },
    limits: MAP_LIMITS,
  };
}

/** The base map setting: any signed-in account may draw a map (the case page has one). */
export function mapSettings(deps: Deps, _actor: Actor) {
  return {
    tileUrl: deps.config.MAP_TILE_URL ?? null,
    attribution: deps.config.MAP_TILE_ATTRIBUTION ?? null,
  };
}
