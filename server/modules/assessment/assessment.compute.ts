// Computing a period's results from our own data (考核): the assessed units of the division (its streets and
// departments), each indicator's value through the other modules' services — case KPIs (kpis.service),
// action items (coordination.service), committee states (governance.service via the compounds of
// registry.service) — and the manual scores and two-way ratings entered here; then the weighted totals, the
// breakdowns and the ranks of domain/assessment.ts.
import {
  actionItemRate,
  assess,
  committeeRates,
  pointsValue,
  rankResults,
  ratingValue,
  type AssessedLevel,
  type Indicator,
  type IndicatorSystem,
} from '../../../domain/assessment.js';
import type { GovernanceState } from '../../../domain/governance.js';
import type { AssessPeriodTable, AssessResultTable } from '../../platform/db/schema-assessment.js';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import * as coordination from '../coordination/coordination.service.js';
import * as governance from '../governance/governance.service.js';
import * as kpis from '../kpis/kpis.service.js';
import * as registry from '../registry/registry.service.js';
import * as repo from './assessment.repo.js';

export interface Unit {
  level: AssessedLevel;
  key: string;
  name: string;
}

/** 街道、镇、乡 are assessed as "streets" (街镇); statistical areas (开发区 etc.) are not. */
const TOWNSHIP_LEVELS: readonly string[] = ['street', 'town', 'township'];

/** The division's code prefix: a district's code, or '31' for the city (310000). */
export const prefixOf = (division: string) => (division === '310000' ? '31' : division);

export interface PeriodUnits {
  streets: Unit[];
  departments: Unit[];
  /** A squadron (中队) or branch → the department it belongs to (the unit assessed). */
  unitOfOrg: Map<string, string>;
}

/** The streets and the departments (bureaus and utilities, not their squadrons) of the period's division. */
export async function unitsOf(deps: Deps, actor: Actor, p: Pick<AssessPeriodTable, 'division_code'>) {
  const prefix = prefixOf(p.division_code);
  const divisions = await registry.listDivisions(
    deps,
    actor,
    p.division_code === '310000' ? {} : { parent: p.division_code },
  );
  const streets: Unit[] = divisions
    .filter((d) => d.code.startsWith(prefix) && TOWNSHIP_LEVELS.includes(d.level))
    .map((d) => ({ level: 'street', key: d.code, name: d.name }));
  const orgs: { id: string; name: string; type: string; parentId: string | null }[] = [];
  for (const type of ['department', 'utility']) {
    let cursor: string | undefined;
    do {
      const page = await registry.listOrganisations(deps, actor, {
        type,
        division: prefix,
        cursor,
        limit: 500,
      });
      orgs.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const unitOfOrg = new Map<string, string>();
  const departments: Unit[] = [];
  for (const o of orgs) {
    const parent = o.parentId ? byId.get(o.parentId) : undefined;
    if (parent && parent.type === o.type) unitOfOrg.set(o.id, parent.id);
    else {
      unitOfOrg.set(o.id, o.id);
      departments.push({ level: 'department', key: o.id, name: o.name });
    }
  }
  departments.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { streets, departments, unitOfOrg } satisfies PeriodUnits;
}

type Values = Map<string, Record<string, number | null>>; // unit key → indicator code → value

async function caseKpiValues(
  deps: Deps,
  actor: Actor,
  p: AssessPeriodTable,
  level: AssessedLevel,
  kpiIndicators: readonly Indicator[],
  out: Values,
) {
  if (kpiIndicators.length === 0) return;
  const district = p.division_code === '310000' ? undefined : p.division_code;
  const { items } = await kpis.caseKpis(deps, actor, {
    groupBy: level,
    district,
    from: p.from_on,
    to: p.to_on,
  });
  for (const row of items) {
    const v = out.get(row.key);
    if (!v) continue;
    for (const i of kpiIndicators) if (i.formula.kind === 'caseKpi') v[i.code] = row[i.formula.kpi];
  }
}

async function committeeValues(
  deps: Deps,
  actor: Actor,
  p: AssessPeriodTable,
  inds: Indicator[],
  out: Values,
) {
  if (inds.length === 0) return;
  const district = p.division_code === '310000' ? undefined : p.division_code;
  const compounds: { id: string; streetCode: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await registry.listCompounds(deps, actor, { district, cursor, limit: 500 });
    compounds.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const states = await governance.governanceStatesOf(
    deps,
    actor,
    compounds.map((c) => c.id),
  );
  const byStreet = new Map<string, GovernanceState[]>();
  for (const c of compounds) {
    const s = states.get(c.id);
    if (s) byStreet.set(c.streetCode, [...(byStreet.get(c.streetCode) ?? []), s]);
  }
  for (const [street, v] of out) {
    const r = committeeRates(byStreet.get(street) ?? []);
    for (const i of inds) v[i.code] = i.formula.kind === 'committeeFormation' ? r.formation : r.regularity;
  }
}

async function actionItemValues(
  deps: Deps,
  actor: Actor,
  p: AssessPeriodTable,
  inds: Indicator[],
  units: PeriodUnits,
  out: Values,
) {
  if (inds.length === 0) return;
  const items = await coordination.actionItemsDue(deps, actor, {
    divisionPrefix: prefixOf(p.division_code),
    from: p.from_on,
    to: p.to_on,
  });
  const byUnit = new Map<string, { dueOn: string; doneOn: string | null }[]>();
  for (const i of items) {
    const unit = units.unitOfOrg.get(i.leadOrgId) ?? i.leadOrgId;
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), i]);
  }
  for (const [key, v] of out) for (const i of inds) v[i.code] = actionItemRate(byUnit.get(key) ?? []);
}

async function enteredValues(
  deps: Deps,
  p: AssessPeriodTable,
  level: AssessedLevel,
  system: IndicatorSystem,
  out: Values,
) {
  const db = deps.database.db;
  const [manual, ratings] = await Promise.all([repo.manualScores(db, p.id), repo.ratings(db, p.id)]);
  for (const i of system.indicators) {
    if (i.formula.kind === 'manual') {
      for (const m of manual)
        if (m.level === level && m.indicator_code === i.code) {
          const v = out.get(m.unit_key);
          if (v) v[i.code] = pointsValue(m.points);
        }
    } else if (i.formula.kind === 'rating') {
      const raters = i.formula.raters;
      for (const [key, v] of out) {
        const points = ratings
          .filter(
            (r) =>
              r.rated_level === level &&
              r.rated_key === key &&
              r.indicator_code === i.code &&
              r.rater_level === raters,
          )
          .map((r) => r.points);
        v[i.code] = ratingValue(points);
      }
    }
  }
}

/** The results of one level: every unit's total, breakdown and rank (rows to store). */
export async function computeLevel(
  deps: Deps,
  actor: Actor,
  p: AssessPeriodTable,
  system: IndicatorSystem,
  units: PeriodUnits,
): Promise<AssessResultTable[]> {
  const level = system.level;
  const list = level === 'street' ? units.streets : units.departments;
  const values: Values = new Map(list.map((u) => [u.key, {}]));
  const of = (kinds: readonly string[]) => system.indicators.filter((i) => kinds.includes(i.formula.kind));
  await caseKpiValues(deps, actor, p, level, of(['caseKpi']), values);
  if (level === 'street')
    await committeeValues(deps, actor, p, of(['committeeFormation', 'committeeRegularity']), values);
  await actionItemValues(deps, actor, p, of(['actionItems']), units, values);
  await enteredValues(deps, p, level, system, values);
  const scored = list.map((u) => ({ ...u, ...assess(system.indicators, values.get(u.key) ?? {}) }));
  return rankResults(scored).map((r) => ({
    period_id: p.id,
    level,
    unit_key: r.key,
    unit_name: r.name,
    total: r.total,
    rank: r.rank,
    breakdown_json: JSON.stringify(r.breakdown),
  }));
}
