// Assessments' face (考核): periods of the city or a district with their indicator systems (data, one per level),
// manual scores entered with evidence by the assessing office, two-way ratings (条与块: departments rate streets and
// streets rate departments; 条与条: departments that co-handled cases rate each other), computing and publishing
// the results with the arithmetic, and the ranked results per level. Computing is assessment.compute.ts. Every
// service starts with its access check (assessment.policy.ts); every write is one audited transaction.
import type { z } from 'zod';
import {
  checkSystem,
  DEFAULT_SYSTEMS,
  periodLabel,
  validPoints,
  type AssessedLevel,
  type BreakdownLine,
  type IndicatorSystem,
} from '../../../domain/assessment.js';
import type {
  CreatePeriodBody,
  ManualScoreBody,
  PutSystemBody,
  RatingBody,
  VersionBody,
} from '../../../contracts/assessment.js';
import { shanghaiPeriod } from '../../../domain/kpis.js';
import type { AssessPeriodTable } from '../../platform/db/schema-assessment.js';
import { uniqueOr, updateVersioned } from '../../platform/db/writes.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { auditActor, requirePermission, type Actor } from '../../platform/http/context.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import * as cases from '../cases/cases.service.js';
import { computeLevel, unitsOf, type PeriodUnits, type Unit } from './assessment.compute.js';
import {
  mayManage,
  mayViewAll,
  officeGrants,
  requireCreate,
  requireManage,
  requirePeriodView,
  unitsOf as actorUnits,
  type UnitRef,
} from './assessment.policy.js';
import * as repo from './assessment.repo.js';

type Period = AssessPeriodTable;
type Systems = Record<AssessedLevel, IndicatorSystem>;

const systemsOf = (p: Period) => JSON.parse(p.systems_json) as Systems;

async function loadPeriod(deps: Deps, id: string) {
  const p = await repo.period(deps.database.db, id);
  if (!p) throw notFound('assessment.period_not_found');
  return p;
}

const inUnits = (units: PeriodUnits) => (u: UnitRef) =>
  (u.level === 'street' ? units.streets : units.departments).some((x) => x.key === u.key);

/** The period, its units, and the caller's own assessed units in it (after the access check). */
async function periodFor(deps: Deps, actor: Actor, id: string, need: 'view' | 'manage') {
  requirePermission(actor, 'assessment.view');
  const p = await loadPeriod(deps, id);
  const units = await unitsOf(deps, actor, p);
  if (need === 'manage') requireManage(actor, p, inUnits(units));
  else requirePeriodView(actor, p, inUnits(units));
  const own = actorUnits(actor, 'assessment.view').filter(inUnits(units));
  return { p, units, own, all: mayViewAll(actor, p) };
}

async function summaries(deps: Deps, rows: readonly Period[]) {
  const names = await repo.divisionNames(
    deps.database.db,
    rows.map((r) => r.division_code),
  );
  return rows.map((p) => ({
    id: p.id,
    divisionCode: p.division_code,
    divisionName: p.division_code === '310000' ? '上海市' : (names.get(p.division_code) ?? null),
    code: p.code,
    name: p.name,
    from: p.from_on,
    to: p.to_on,
    status: p.status,
    publishedAt: p.published_at,
    version: p.version,
  }));
}

export async function listPeriods(deps: Deps, actor: Actor) {
  requirePermission(actor, 'assessment.view');
  const offices = officeGrants(actor);
  const db = deps.database.db;
  if (offices.some((g) => g.scopeType === 'city'))
    return { items: await summaries(deps, await repo.periodsOf(db, null)) };
  // Offices: their districts' periods; assessed units: the periods of the district (and the city) they are in.
  const divisions = new Set(offices.map((g) => g.scopeId));
  for (const u of actorUnits(actor, 'assessment.view')) {
    if (u.level === 'street') divisions.add(u.key.slice(0, 6));
    divisions.add('310000');
  }
  const depts = actorUnits(actor, 'assessment.view').filter((u) => u.level === 'department');
  const rows = await repo.periodsOf(db, [...divisions]);
  const visible: Period[] = [];
  for (const p of rows) {
    if (mayViewAll(actor, p) || depts.length === 0) visible.push(p);
    else if (depts.some(inUnits(await unitsOf(deps, actor, p)))) visible.push(p);
  }
  return { items: await summaries(deps, visible) };
}

export async function createPeriod(
  deps: Deps,
  actor: Actor,
  input: z.infer<typeof CreatePeriodBody>,
  requestId: string,
) {
  requireCreate(actor, input.divisionCode);
  const label = periodLabel(input.code);
  if (!label) throw badRequest('assessment.period_invalid', { code: input.code });
  if (input.divisionCode !== '310000') {
    const names = await repo.divisionNames(deps.database.db, [input.divisionCode]);
    if (!names.has(input.divisionCode)) throw badRequest('assessment.division_invalid');
  }
  const now = deps.clock.now().toISOString();
  const id = newId();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await uniqueOr(
      () =>
        repo.insertPeriod(trx, {
          id,
          division_code: input.divisionCode,
          code: input.code,
          name: label.zh,
          from_on: label.from,
          to_on: label.to,
          status: 'draft',
          systems_json: JSON.stringify(DEFAULT_SYSTEMS),
          computed_at: null,
          published_at: null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
          version: 1,
        }),
      'assessment.period_exists',
    );
    await audit({
      action: 'assessment.period.create',
      targetType: 'assess_period',
      targetId: id,
      after: { divisionCode: input.divisionCode, code: input.code },
    });
  });
  return { id };
}

/** What the caller may rate in the period: per own unit (assessment.rate), the units and indicators. */
async function rateable(deps: Deps, actor: Actor, p: Period, units: PeriodUnits) {
  if (p.status === 'published') return [];
  const systems = systemsOf(p);
  const raters = actorUnits(actor, 'assessment.rate').filter(inUnits(units));
  const out: {
    level: AssessedLevel;
    key: string;
    name: string;
    indicators: { code: string; name: string }[];
  }[] = [];
  const onIndicators = (level: AssessedLevel, by: AssessedLevel) =>
    systems[level].indicators
      .filter((i) => i.formula.kind === 'rating' && i.formula.raters === by)
      .map((i) => ({ code: i.code, name: i.name }));
  for (const r of raters) {
    const push = (list: Unit[], level: AssessedLevel) => {
      const indicators = onIndicators(level, r.level);
      if (indicators.length) for (const u of list) out.push({ level, key: u.key, name: u.name, indicators });
    };
    if (r.level === 'street') push(units.departments, 'department');
    else {
      push(units.streets, 'street');
      const partners = await partnersOf(deps, p, units, r.key);
      push(
        units.departments.filter((d) => partners.has(d.key)),
        'department',
      );
    }
  }
  return out;
}

/** The departments that co-handled cases with the department `key` in the period (条与条). */
async function partnersOf(deps: Deps, p: Period, units: PeriodUnits, key: string) {
  const { fromIso, toIso } = shanghaiPeriod(p.from_on, p.to_on);
  const orgs = [...units.unitOfOrg].filter(([, unit]) => unit === key).map(([org]) => org);
  const out = new Set<string>();
  for (const org of orgs)
    for (const partner of await cases.coHandlingPartners(deps, org, fromIso, toIso)) {
      const unit = units.unitOfOrg.get(partner);
      if (unit && unit !== key) out.add(unit);
    }
  return out;
}

export async function getPeriod(deps: Deps, actor: Actor, id: string) {
  const { p, units } = await periodFor(deps, actor, id, 'view');
  const [summary] = await summaries(deps, [p]);
  return {
    ...summary,
    computedAt: p.computed_at,
    systems: systemsOf(p),
    canManage: mayManage(actor, p),
    rateable: await rateable(deps, actor, p, units),
  };
}

export async function putSystem(
  deps: Deps,
  actor: Actor,
  id: string,
  level: AssessedLevel,
  input: z.infer<typeof PutSystemBody>,
  requestId: string,
) {
  const { p } = await periodFor(deps, actor, id, 'manage');
  if (p.status === 'published') throw conflict('assessment.period_published');
  const system: IndicatorSystem = { level, name: input.name, verified: false, indicators: input.indicators };
  const problem = checkSystem(system);
  if (problem) throw badRequest(`assessment.system_${problem}`);
  const systems = { ...systemsOf(p), [level]: system };
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await updateVersioned(trx, 'assess_periods', p.id, input.version, {
      systems_json: JSON.stringify(systems),
      status: 'draft',
      updated_at: now,
    });
    await audit({
      action: 'assessment.system.put',
      targetType: 'assess_period',
      targetId: p.id,
      before: { version: input.version },
      after: { level, indicators: system.indicators.map((i) => `${i.code}:${i.weight}`).join(',') },
    });
  });
  return getPeriod(deps, actor, p.id);
}

/** Inside the write: the period locked and still open, else 409. */
async function lockOpen(trx: Parameters<Parameters<typeof writeTx>[3]>[0], id: string) {
  const locked = await repo.periodLocked(trx, id);
  if (!locked) throw notFound('assessment.period_not_found');
  if (locked.status === 'published') throw conflict('assessment.period_published');
  return locked;
}

const unitName = (units: PeriodUnits, level: AssessedLevel, key: string) =>
  (level === 'street' ? units.streets : units.departments).find((u) => u.key === key)?.name ?? null;

export async function enterManualScore(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.infer<typeof ManualScoreBody>,
  requestId: string,
) {
  const { p, units } = await periodFor(deps, actor, id, 'manage');
  const indicator = systemsOf(p)[input.level].indicators.find((i) => i.code === input.indicatorCode);
  if (!indicator || indicator.formula.kind !== 'manual')
    throw badRequest('assessment.indicator_not_found', { code: input.indicatorCode });
  if (!unitName(units, input.level, input.unitKey)) throw badRequest('assessment.unit_not_found');
  if (!validPoints(input.points)) throw badRequest('assessment.points_invalid');
  if (input.evidence.trim().length < 10) throw badRequest('assessment.evidence_insufficient');
  const now = deps.clock.now().toISOString();
  const scoreId = newId();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const locked = await lockOpen(trx, p.id);
    await repo.putManualScore(trx, {
      id: scoreId,
      period_id: p.id,
      level: input.level,
      unit_key: input.unitKey,
      indicator_code: input.indicatorCode,
      points: input.points,
      evidence: input.evidence.trim(),
      entered_by: actor.userId,
      entered_by_name: actor.displayName,
      entered_at: now,
    });
    await repo.markStale(trx, p.id, locked.version, now);
    await audit({
      action: 'assessment.manual.put',
      targetType: 'assess_period',
      targetId: p.id,
      after: {
        level: input.level,
        unit: input.unitKey,
        indicator: input.indicatorCode,
        points: input.points,
      },
    });
  });
  return { id: scoreId };
}

/** May the rater (one of the caller's units) rate that unit on that indicator? Throws the reason when not. */
async function checkRating(
  deps: Deps,
  p: Period,
  units: PeriodUnits,
  rater: UnitRef,
  input: z.infer<typeof RatingBody>,
) {
  const indicator = systemsOf(p)[input.ratedLevel].indicators.find((i) => i.code === input.indicatorCode);
  if (!indicator || indicator.formula.kind !== 'rating')
    throw badRequest('assessment.indicator_not_found', { code: input.indicatorCode });
  if (!unitName(units, input.ratedLevel, input.ratedKey)) throw badRequest('assessment.unit_not_found');
  if (indicator.formula.raters !== rater.level || (rater.level === 'street' && input.ratedLevel === 'street'))
    throw new AppError('assessment.rate_forbidden', 403);
  if (input.ratedLevel === rater.level) {
    if (input.ratedKey === rater.key) throw new AppError('assessment.rate_forbidden', 403);
    if (!(await partnersOf(deps, p, units, rater.key)).has(input.ratedKey))
      throw badRequest('assessment.not_cohandled');
  }
  if (!validPoints(input.points)) throw badRequest('assessment.points_invalid');
  if (input.reason.trim().length < 10) throw badRequest('assessment.reason_insufficient');
}

export async function rate(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.infer<typeof RatingBody>,
  requestId: string,
) {
  requirePermission(actor, 'assessment.rate');
  const { p, units } = await periodFor(deps, actor, id, 'view');
  // The caller rates as its unit of the level the indicator asks for (a street office as its street).
  const raters = actorUnits(actor, 'assessment.rate').filter(inUnits(units));
  if (raters.length === 0) throw new AppError('assessment.rate_forbidden', 403);
  const indicator = systemsOf(p)[input.ratedLevel].indicators.find((i) => i.code === input.indicatorCode);
  const rater =
    raters.find((r) => indicator?.formula.kind === 'rating' && r.level === indicator.formula.raters) ??
    raters[0];
  await checkRating(deps, p, units, rater, input);
  const now = deps.clock.now().toISOString();
  const ratingId = newId();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const locked = await lockOpen(trx, p.id);
    await uniqueOr(
      () =>
        repo.insertRating(trx, {
          id: ratingId,
          period_id: p.id,
          rater_level: rater.level,
          rater_key: rater.key,
          rated_level: input.ratedLevel,
          rated_key: input.ratedKey,
          indicator_code: input.indicatorCode,
          points: input.points,
          reason: input.reason.trim(),
          created_by: actor.userId,
          created_by_name: actor.displayName,
          created_at: now,
        }),
      'assessment.rating_exists',
    );
    await repo.markStale(trx, p.id, locked.version, now);
    await audit({
      action: 'assessment.rating.create',
      targetType: 'assess_period',
      targetId: p.id,
      after: {
        rater: rater.key,
        rated: input.ratedKey,
        indicator: input.indicatorCode,
        points: input.points,
      },
    });
  });
  return { id: ratingId };
}

const nameIn = (units: PeriodUnits, level: AssessedLevel, key: string) => unitName(units, level, key) ?? '';
const indicatorName = (s: Systems, level: AssessedLevel, code: string) =>
  s[level].indicators.find((i) => i.code === code)?.name ?? code;

/** Ratings: offices all; a unit the ratings it gave, and those about it once published. */
export async function listRatings(deps: Deps, actor: Actor, id: string) {
  const { p, units, own, all } = await periodFor(deps, actor, id, 'view');
  const s = systemsOf(p);
  const mine = (level: AssessedLevel, key: string) => own.some((u) => u.level === level && u.key === key);
  const rows = (await repo.ratings(deps.database.db, p.id)).filter(
    (r) =>
      all ||
      mine(r.rater_level, r.rater_key) ||
      (p.status === 'published' && mine(r.rated_level, r.rated_key)),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      raterLevel: r.rater_level,
      raterName: nameIn(units, r.rater_level, r.rater_key),
      ratedLevel: r.rated_level,
      ratedName: nameIn(units, r.rated_level, r.rated_key),
      indicatorName: indicatorName(s, r.rated_level, r.indicator_code),
      points: r.points,
      reason: r.reason,
      createdByName: r.created_by_name,
      createdAt: r.created_at,
    })),
  };
}

/** Manual scores: offices all; a unit its own once published. */
export async function listManualScores(deps: Deps, actor: Actor, id: string) {
  const { p, units, own, all } = await periodFor(deps, actor, id, 'view');
  const s = systemsOf(p);
  const rows = (await repo.manualScores(deps.database.db, p.id)).filter(
    (m) => all || (p.status === 'published' && own.some((u) => u.level === m.level && u.key === m.unit_key)),
  );
  return {
    items: rows.map((m) => ({
      id: m.id,
      level: m.level,
      unitName: nameIn(units, m.level, m.unit_key),
      indicatorName: indicatorName(s, m.level, m.indicator_code),
      points: m.points,
      evidence: m.evidence,
      enteredByName: m.entered_by_name,
      enteredAt: m.entered_at,
    })),
  };
}

export async function compute(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.infer<typeof VersionBody>,
  requestId: string,
) {
  const { p, units } = await periodFor(deps, actor, id, 'manage');
  if (p.status === 'published') throw conflict('assessment.period_published');
  const systems = systemsOf(p);
  const rows = [
    ...(await computeLevel(deps, actor, p, systems.street, units)),
    ...(await computeLevel(deps, actor, p, systems.department, units)),
  ];
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await updateVersioned(trx, 'assess_periods', p.id, input.version, {
      status: 'computed',
      computed_at: now,
      updated_at: now,
    });
    await repo.replaceResults(trx, p.id, rows);
    await audit({
      action: 'assessment.period.compute',
      targetType: 'assess_period',
      targetId: p.id,
      before: { version: input.version },
      after: { results: rows.length },
    });
  });
  return getPeriod(deps, actor, p.id);
}

export async function publish(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.infer<typeof VersionBody>,
  requestId: string,
) {
  const { p } = await periodFor(deps, actor, id, 'manage');
  if (p.status === 'published') throw conflict('assessment.period_published');
  if (p.status !== 'computed') throw conflict('assessment.period_not_computed');
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await updateVersioned(trx, 'assess_periods', p.id, input.version, {
      status: 'published',
      published_at: now,
      updated_at: now,
    });
    await audit({
      action: 'assessment.period.publish',
      targetType: 'assess_period',
      targetId: p.id,
      before: { version: input.version, status: p.status },
      after: { status: 'published' },
    });
  });
  return getPeriod(deps, actor, p.id);
}

/**
 * The ranked results of one level with each unit's arithmetic: the assessing offices all of them (computed or
 * published); an assessed unit only its own, once published.
 */
export async function results(deps: Deps, actor: Actor, id: string, level: AssessedLevel) {
  const { p, own, all } = await periodFor(deps, actor, id, 'view');
  const db = deps.database.db;
  const [summary] = await summaries(deps, [p]);
  const keys = own.filter((u) => u.level === level).map((u) => u.key);
  const visible = all ? null : p.status === 'published' ? keys : [];
  const [rows, of] = await Promise.all([repo.results(db, p.id, level), repo.resultCount(db, p.id, level)]);
  const items = rows
    .filter((r) => visible === null || visible.includes(r.unit_key))
    .sort(
      (a, b) =>
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
        a.unit_name.localeCompare(b.unit_name, 'zh-CN'),
    )
    .map((r) => ({
      level: r.level,
      unitKey: r.unit_key,
      unitName: r.unit_name,
      total: r.total === null ? null : Number(r.total),
      rank: r.rank === null ? null : Number(r.rank),
      of,
      breakdown: JSON.parse(r.breakdown_json) as BreakdownLine[],
    }));
  return { period: summary, level, items };
}

/** The results as export lines (transfer's export of 'assessment'): one per unit and indicator, same access. */
export async function resultLines(deps: Deps, actor: Actor, id: string, level?: AssessedLevel) {
  const levels: AssessedLevel[] = level ? [level] : ['street', 'department'];
  const out = [];
  for (const l of levels) {
    const { period, items } = await results(deps, actor, id, l);
    for (const r of items)
      for (const b of r.breakdown)
        out.push({
          periodName: period.name,
          level: l,
          unitName: r.unitName,
          rank: r.rank,
          total: r.total,
          indicatorName: b.name,
          weight: b.weight,
          target: b.target,
          value: b.value,
          score: b.score,
          contribution: b.contribution,
        });
  }
  return out;
}
