// Administration of the cases reference data: categories, responsibility-list versions, SLA policies and the
// working-day calendar. Every write is audited in its transaction and then invalidates the cases module's
// reference cache and the working calendar (platform/working-calendar.ts), so the next intake routes and
// times cases with the new data.
import { isValidDate, isWorkingDay, parseDuration, shanghaiDate } from '../../../domain/calendar.js';
import { formatCitation } from '../../../domain/citations.js';
import { statutoryLeadViolation } from '../../../domain/routing.js';
import { ORGANISATION_TYPES } from '../../../contracts/registry.js';
import type { ResponsibilityRuleInput } from '../../../contracts/casesadmin.js';
import { RULE_COLUMNS } from '../../../contracts/casesadmin.js';
import type { Actor } from '../../platform/http/context.js';
import { auditActor } from '../../platform/http/context.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { message, type Locale } from '../../platform/http/messages.js';
import { writeTx, type Audit, type Deps } from '../../platform/deps.js';
import { isUniqueViolation, type Executor, type Tx } from '../../platform/db/database.js';
import type { CaseCategoryTable, ResponsibilityRuleTable, SlaPolicyTable } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { invalidateWorkingCalendar } from '../../platform/working-calendar.js';
import { caseReferenceChanged } from '../cases/cases.service.js';
import * as repo from './casesadmin.repo.js';
import { readRules, type NumberedRule, type RowProblem } from './casesadmin.import.js';
import { requireConfigure } from './casesadmin.policy.js';

const MAX_REPORTED_ERRORS = 200;

/** Runs a write with its audit record, then drops the cached reference data (also on failure: harmless). */
async function configure<T>(
  deps: Deps,
  actor: Actor,
  requestId: string | null,
  fn: (trx: Tx, audit: Audit) => Promise<T>,
): Promise<T> {
  try {
    return await writeTx(deps, auditActor(actor), requestId, fn);
  } finally {
    caseReferenceChanged(deps);
    invalidateWorkingCalendar(deps.database.db);
  }
}

// ---------------------------------------------------------------------------------------------
// Categories

const presentCategory = (c: CaseCategoryTable) => ({
  code: c.code,
  nameZh: c.name_zh,
  nameEn: c.name_en,
  urgent: !!c.urgent,
  attributes: JSON.parse(c.attributes_json) as string[],
  keywords: JSON.parse(c.keywords_json) as string[],
  active: !!c.active,
  sort: c.sort,
  updatedAt: c.updated_at,
  version: c.version,
});

export async function listCategories(deps: Deps, actor: Actor) {
  requireConfigure(actor);
  return (await repo.categories(deps.database.db)).map(presentCategory);
}

export async function createCategory(
  deps: Deps,
  actor: Actor,
  input: {
    code: string;
    nameZh: string;
    nameEn: string;
    urgent: boolean;
    attributes: string[];
    keywords?: string[];
    active: boolean;
    sort?: number;
  },
  requestId: string,
) {
  requireConfigure(actor);
  const now = deps.clock.now().toISOString();
  try {
    return await configure(deps, actor, requestId, async (trx, audit) => {
      if (await repo.findCategory(trx, input.code))
        throw new AppError('casesadmin.category_exists', 409, { code: input.code });
      const row: CaseCategoryTable = {
        code: input.code,
        name_zh: input.nameZh,
        name_en: input.nameEn,
        urgent: input.urgent ? 1 : 0,
        attributes_json: JSON.stringify([...new Set(input.attributes)]),
        keywords_json: JSON.stringify([...new Set(input.keywords ?? [])]),
        active: input.active ? 1 : 0,
        sort: input.sort ?? (await repo.nextCategorySort(trx)),
        updated_at: now,
        version: 1,
      };
      await repo.insertCategory(trx, row);
      await audit({
        action: 'casesadmin.category.create',
        targetType: 'case_category',
        targetId: row.code,
        after: row,
      });
      return presentCategory(row);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('casesadmin.category_exists', 409, { code: input.code });
    throw err;
  }
}

export async function updateCategory(
  deps: Deps,
  actor: Actor,
  code: string,
  patch: {
    version: number;
    nameZh?: string;
    nameEn?: string;
    urgent?: boolean;
    active?: boolean;
    attributes?: string[];
    keywords?: string[];
    sort?: number;
  },
  requestId: string,
) {
  requireConfigure(actor);
  const now = deps.clock.now().toISOString();
  return configure(deps, actor, requestId, async (trx, audit) => {
    const before = await repo.findCategory(trx, code);
    if (!before) throw notFound('casesadmin.category_not_found', { code });
    const changes: Partial<CaseCategoryTable> = {
      ...(patch.nameZh !== undefined && { name_zh: patch.nameZh }),
      ...(patch.nameEn !== undefined && { name_en: patch.nameEn }),
      ...(patch.urgent !== undefined && { urgent: patch.urgent ? 1 : 0 }),
      ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
      ...(patch.attributes !== undefined && {
        attributes_json: JSON.stringify([...new Set(patch.attributes)]),
      }),
      ...(patch.keywords !== undefined && { keywords_json: JSON.stringify([...new Set(patch.keywords)]) }),
      ...(patch.sort !== undefined && { sort: patch.sort }),
      updated_at: now,
    };
    if (!(await repo.updateCategory(trx, code, patch.version, changes)))
      throw conflict('common.version_conflict', presentCategory(before));
    await audit({
      action: 'casesadmin.category.update',
      targetType: 'case_category',
      targetId: code,
      before,
      after: changes,
    });
    return presentCategory((await repo.findCategory(trx, code))!);
  });
}

// ---------------------------------------------------------------------------------------------
// Responsibility lists (责任清单)

const presentRule = (r: ResponsibilityRuleTable) => ({
  id: r.id,
  priority: r.priority,
  categoryCode: r.category_code,
  conditions: JSON.parse(r.conditions_json) as Record<string, string | boolean>,
  districtCode: r.district_code,
  orgType: r.org_type,
  orgKind: r.org_kind,
  coHandlers: JSON.parse(r.co_handlers_json) as { orgType: string; orgKind: string | null }[],
  source: r.source,
});

export async function listResponsibilityLists(deps: Deps, actor: Actor) {
  requireConfigure(actor);
  return (await repo.lists(deps.database.db)).map((l) => ({
    version: l.version,
    note: l.note,
    active: !!l.active,
    createdBy: l.created_by,
    createdAt: l.created_at,
    ruleCount: Number(l.rule_count),
  }));
}

export async function getResponsibilityList(deps: Deps, actor: Actor, version: number) {
  requireConfigure(actor);
  const db = deps.database.db;
  const list = await repo.findList(db, version);
  if (!list) throw notFound('casesadmin.list_not_found', { version });
  const rules = await repo.rulesOf(db, version);
  return {
    version: list.version,
    note: list.note,
    active: !!list.active,
    createdBy: list.created_by,
    createdAt: list.created_at,
    ruleCount: rules.length,
    rules: rules.map(presentRule),
  };
}

const RULE_ID = /^[A-Za-z0-9._-]{1,40}$/;
const ORG_KIND = /^[A-Za-z][A-Za-z0-9_]{0,49}$/;
const ORG_TYPES = new Set<string>(ORGANISATION_TYPES);

/** Categories a rule's category code selects: the exact code, or every code starting with the prefix*. */
function selected(code: string, categories: { code: string; attributes: string[] }[]) {
  return code.endsWith('*')
    ? categories.filter((c) => c.code.startsWith(code.slice(0, -1)))
    : categories.filter((c) => c.code === code);
}

async function categoryFacts(db: Executor) {
  return (await repo.categories(db)).map((c) => ({
    code: c.code,
    attributes: JSON.parse(c.attributes_json) as string[],
  }));
}

/**
 * Where the law names the lead of the row's category (拆违: 城管执法 or 规划资源, 《拆违规定》 Art 3 ¶3 and 《规定》
 * Art 84; 只售不租: 区房管, 《规定》 Art 88), the row must choose one of them — any district may choose either. A
 * prefix row (`repair.*`, `*`) is a catch-all behind the exact rows and is not held to one category's law.
 */
function leadProblems(
  rule: ResponsibilityRuleInput,
  locale: Locale,
  add: (column: RowProblem['column'], code: string, params?: RowProblem['params']) => void,
) {
  if (rule.categoryCode.endsWith('*')) return;
  const law = statutoryLeadViolation(rule.categoryCode, {
    orgType: rule.orgType,
    orgKind: rule.orgKind || null,
  });
  if (!law) return;
  add('orgType', 'lead_not_statutory', {
    code: rule.categoryCode,
    leads: law.leads.map((l) => (locale === 'en' ? l.en : l.zh)).join(locale === 'en' ? ' or ' : '或'),
    basis: formatCitation(law.source, locale),
  });
}

/** Checks every rule (category, conditions, district, organisation types, statutory leads, priority, ids). */
async function validateRules(db: Executor, rules: NumberedRule[], problems: RowProblem[], locale: Locale) {
  const categories = await categoryFacts(db);
  const districts = await repo.districtCodes(db, [
    ...new Set(rules.map((r) => r.rule.districtCode).filter((d): d is string => !!d)),
  ]);
  const firstRow = new Map<string, number>();
  for (const { row, rule } of rules) {
    const add = (column: RowProblem['column'], code: string, params?: RowProblem['params']) =>
      problems.push({ row, column, code, params });
    if (!RULE_ID.test(rule.id)) add('id', 'id_invalid');
    else if (firstRow.has(rule.id)) add('id', 'id_duplicate', { id: rule.id, first: firstRow.get(rule.id)! });
    else firstRow.set(rule.id, row);
    if (!Number.isSafeInteger(rule.priority) || rule.priority < 0 || rule.priority > 9999)
      add('priority', 'priority_invalid');
    const matched = selected(rule.categoryCode, categories);
    if (!rule.categoryCode || matched.length === 0)
      add('categoryCode', 'category_unknown', { code: rule.categoryCode });
    else {
      const attributes = new Set(matched.flatMap((c) => c.attributes));
      for (const key of Object.keys(rule.conditions))
        if (!attributes.has(key)) add('conditions', 'condition_unknown', { key, code: rule.categoryCode });
      leadProblems(rule, locale, add);
    }
    if (rule.districtCode && !districts.has(rule.districtCode))
      add('districtCode', 'district_unknown', { code: rule.districtCode });
    if (!ORG_TYPES.has(rule.orgType)) add('orgType', 'org_type_unknown', { type: rule.orgType });
    if (rule.orgKind && !ORG_KIND.test(rule.orgKind))
      add('orgKind', 'org_kind_invalid', { kind: rule.orgKind });
    if (rule.coHandlers.length > 5) add('coHandlers', 'cohandlers_too_many');
    for (const h of rule.coHandlers) {
      if (!ORG_TYPES.has(h.orgType)) add('coHandlers', 'org_type_unknown', { type: h.orgType });
      if (h.orgKind && !ORG_KIND.test(h.orgKind)) add('coHandlers', 'org_kind_invalid', { kind: h.orgKind });
    }
    if (!rule.source.trim()) add('source', 'source_required');
  }
}

function invalidRows(problems: RowProblem[], locale: Locale): AppError {
  const order = (c: string) => RULE_COLUMNS.findIndex((x) => x.key === c);
  const errors = [...problems]
    .sort((a, b) => a.row - b.row || order(a.column) - order(b.column))
    .map((p) => ({
      row: p.row,
      column: p.column,
      message: message(`casesadmin.row.${p.code}`, locale, p.params),
    }));
  return new AppError(
    'casesadmin.invalid_rows',
    400,
    { count: errors.length },
    {
      errors: errors.slice(0, MAX_REPORTED_ERRORS),
      count: errors.length,
      truncated: errors.length > MAX_REPORTED_ERRORS,
    },
  );
}

/** Saves a new version of the list (all rows valid, or nothing saved) and makes it the active one. */
async function saveList(
  deps: Deps,
  actor: Actor,
  note: string,
  rules: NumberedRule[],
  problems: RowProblem[],
  locale: Locale,
  requestId: string,
) {
  const db = deps.database.db;
  await validateRules(db, rules, problems, locale);
  if (problems.length) throw invalidRows(problems, locale);
  const now = deps.clock.now().toISOString();
  let version: number;
  try {
    version = await configure(deps, actor, requestId, async (trx, audit) => {
      const previous = await repo.activeListVersion(trx);
      const v = (await repo.maxListVersion(trx)) + 1;
      await repo.insertList(
        trx,
        { version: v, note, created_by: actor.userId, created_at: now },
        rules.map(({ rule }) => ({
          list_version: v,
          id: rule.id,
          priority: rule.priority,
          category_code: rule.categoryCode,
          conditions_json: JSON.stringify(rule.conditions),
          district_code: rule.districtCode || null,
          org_type: rule.orgType,
          org_kind: rule.orgKind || null,
          co_handlers_json: JSON.stringify(
            rule.coHandlers.map((h) => ({ orgType: h.orgType, orgKind: h.orgKind || null })),
          ),
          source: rule.source,
        })),
      );
      await repo.activateList(trx, v);
      await audit({
        action: 'casesadmin.responsibility_list.create',
        targetType: 'responsibility_list',
        targetId: String(v),
        before: { activeVersion: previous },
        after: { version: v, note, rules: rules.length, active: true },
      });
      return v;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('casesadmin.list_conflict', 409);
    throw err;
  }
  return getResponsibilityList(deps, actor, version);
}

export async function createResponsibilityList(
  deps: Deps,
  actor: Actor,
  body: { note: string; rules: ResponsibilityRuleInput[] },
  locale: Locale,
  requestId: string,
) {
  requireConfigure(actor);
  // Row numbers of a JSON list: the position in `rules`, from 1.
  const rules = body.rules.map((rule, i) => ({ row: i + 1, rule }));
  return saveList(deps, actor, body.note, rules, [], locale, requestId);
}

export async function importResponsibilityList(
  deps: Deps,
  actor: Actor,
  file: { name: string; data: Buffer },
  note: string | undefined,
  locale: Locale,
  requestId: string,
) {
  requireConfigure(actor);
  const { rules, problems } = await readRules(file.name, file.data);
  return saveList(deps, actor, note ?? `导入 ${file.name}`.slice(0, 200), rules, problems, locale, requestId);
}

export async function activateResponsibilityList(
  deps: Deps,
  actor: Actor,
  version: number,
  requestId: string,
) {
  requireConfigure(actor);
  await configure(deps, actor, requestId, async (trx, audit) => {
    if (!(await repo.findList(trx, version))) throw notFound('casesadmin.list_not_found', { version });
    const previous = await repo.activeListVersion(trx);
    await repo.activateList(trx, version);
    await audit({
      action: 'casesadmin.responsibility_list.activate',
      targetType: 'responsibility_list',
      targetId: String(version),
      before: { activeVersion: previous },
      after: { activeVersion: version },
    });
  });
  return getResponsibilityList(deps, actor, version);
}

// ---------------------------------------------------------------------------------------------
// SLA policies

const presentPolicy = (p: SlaPolicyTable) => ({
  id: p.id,
  stage: p.stage,
  categoryCode: p.category_code,
  channel: p.channel,
  conditions: JSON.parse(p.conditions_json) as Record<string, string | boolean>,
  duration: p.duration,
  warnBeforeMinutes: p.warn_before_minutes,
  escalateOnOverdue: !!p.escalate_on_overdue,
  sourceKind: p.source_kind,
  sourceRef: p.source_ref,
  updatedAt: p.updated_at,
  version: p.version,
});

function checkDuration(value: string): void {
  try {
    parseDuration(value);
  } catch {
    throw badRequest('casesadmin.duration_invalid', { value });
  }
}

export async function listSlaPolicies(deps: Deps, actor: Actor) {
  requireConfigure(actor);
  return (await repo.slaPolicies(deps.database.db)).map(presentPolicy);
}

export async function createSlaPolicy(
  deps: Deps,
  actor: Actor,
  input: {
    id?: string;
    stage: string;
    categoryCode: string | null;
    channel: string | null;
    conditions: Record<string, string | boolean>;
    duration: string;
    warnBeforeMinutes: number;
    escalateOnOverdue: boolean;
    sourceKind: string;
    sourceRef: string;
  },
  requestId: string,
) {
  requireConfigure(actor);
  checkDuration(input.duration);
  const categories = await categoryFacts(deps.database.db);
  const matched = input.categoryCode === null ? categories : selected(input.categoryCode, categories);
  if (matched.length === 0)
    throw badRequest('casesadmin.category_unknown', { code: input.categoryCode ?? '' });
  const attributes = new Set(matched.flatMap((c) => c.attributes));
  for (const key of Object.keys(input.conditions))
    if (!attributes.has(key)) throw badRequest('casesadmin.condition_unknown', { key });
  const id = input.id ?? `S-${newId()}`;
  const row: SlaPolicyTable = {
    id,
    stage: input.stage,
    category_code: input.categoryCode,
    channel: input.channel,
    conditions_json: JSON.stringify(input.conditions),
    duration: input.duration,
    warn_before_minutes: input.warnBeforeMinutes,
    escalate_on_overdue: input.escalateOnOverdue ? 1 : 0,
    source_kind: input.sourceKind,
    source_ref: input.sourceRef,
    updated_at: deps.clock.now().toISOString(),
    version: 1,
  };
  try {
    await configure(deps, actor, requestId, async (trx, audit) => {
      if (await repo.findSlaPolicy(trx, id)) throw new AppError('casesadmin.sla_exists', 409, { id });
      await repo.insertSlaPolicy(trx, row);
      await audit({
        action: 'casesadmin.sla_policy.create',
        targetType: 'sla_policy',
        targetId: id,
        after: row,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('casesadmin.sla_exists', 409, { id });
    throw err;
  }
  return presentPolicy(row);
}

export async function updateSlaPolicy(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: {
    version: number;
    duration?: string;
    warnBeforeMinutes?: number;
    escalateOnOverdue?: boolean;
    sourceKind?: string;
    sourceRef?: string;
  },
  requestId: string,
) {
  requireConfigure(actor);
  if (patch.duration !== undefined) checkDuration(patch.duration);
  const now = deps.clock.now().toISOString();
  return configure(deps, actor, requestId, async (trx, audit) => {
    const before = await repo.findSlaPolicy(trx, id);
    if (!before) throw notFound('casesadmin.sla_not_found', { id });
    const changes: Partial<SlaPolicyTable> = {
      ...(patch.duration !== undefined && { duration: patch.duration }),
      ...(patch.warnBeforeMinutes !== undefined && { warn_before_minutes: patch.warnBeforeMinutes }),
      ...(patch.escalateOnOverdue !== undefined && { escalate_on_overdue: patch.escalateOnOverdue ? 1 : 0 }),
      ...(patch.sourceKind !== undefined && { source_kind: patch.sourceKind }),
      ...(patch.sourceRef !== undefined && { source_ref: patch.sourceRef }),
      updated_at: now,
    };
    if (!(await repo.updateSlaPolicy(trx, id, patch.version, changes)))
      throw conflict('common.version_conflict', presentPolicy(before));
    await audit({
      action: 'casesadmin.sla_policy.update',
      targetType: 'sla_policy',
      targetId: id,
      before,
      after: changes,
    });
    return presentPolicy((await repo.findSlaPolicy(trx, id))!);
  });
}

// ---------------------------------------------------------------------------------------------
// Calendar (国务院办公厅节假日安排)

const DEFAULT_SOURCE = '国务院办公厅节假日安排';
const EMPTY_CALENDAR = { holidays: new Set<string>(), workdays: new Set<string>() };

/** A year's schedule may reach a week into the neighbouring years (元旦 across New Year). */
export function scheduleWindow(year: number): { first: string; last: string } {
  const y = (n: number) => String(n).padStart(4, '0');
  return { first: `${y(year - 1)}-12-25`, last: `${y(year + 1)}-01-07` };
}

export async function getCalendar(deps: Deps, actor: Actor, year: number | undefined, locale: Locale) {
  requireConfigure(actor);
  const db = deps.database.db;
  const [days, covered] = await Promise.all([repo.calendarDays(db, year), repo.coveredYears(db)]);
  const current = Number(shanghaiDate(deps.clock.now()).slice(0, 4));
  const warnings = [current, current + 1]
    .filter((y) => !covered.includes(y))
    .map((y) => message('casesadmin.calendar_year_missing', locale, { year: String(y) }));
  return {
    days: days.map((d) => ({ date: d.date, kind: d.kind, source: d.source, year: repo.yearOf(d) })),
    coveredYears: covered,
    warnings,
  };
}

/** Replaces one year's schedule: its holidays (days off) and 调休 working weekend days. */
export async function replaceCalendarYear(
  deps: Deps,
  actor: Actor,
  year: number,
  body: { holidays: string[]; workdays: string[]; source?: string },
  locale: Locale,
  requestId: string,
) {
  requireConfigure(actor);
  const holidays = [...new Set(body.holidays)].sort();
  const workdays = [...new Set(body.workdays)].sort();
  const { first, last } = scheduleWindow(year);
  const problems: { date: string; code: string; params?: Record<string, string | number> }[] = [];
  for (const date of [...holidays, ...workdays]) {
    if (!isValidDate(date)) problems.push({ date, code: 'date_invalid' });
    else if (date < first || date > last)
      problems.push({ date, code: 'outside_year', params: { year: String(year) } });
  }
  for (const date of holidays) if (workdays.includes(date)) problems.push({ date, code: 'both' });
  for (const date of workdays)
    if (isValidDate(date) && isWorkingDay(EMPTY_CALENDAR, date))
      problems.push({ date, code: 'workday_not_weekend' });
  const source = body.source ?? DEFAULT_SOURCE;
  await configure(deps, actor, requestId, async (trx, audit) => {
    const clash = (await repo.daysAt(trx, [...holidays, ...workdays])).filter((d) => repo.yearOf(d) !== year);
    for (const d of clash)
      problems.push({ date: d.date, code: 'taken', params: { other: String(repo.yearOf(d)) } });
    if (problems.length) {
      const errors = problems
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((p) => ({
          date: p.date,
          message: message(`casesadmin.calendar.${p.code}`, locale, { date: p.date, ...p.params }),
        }));
      throw new AppError(
        'casesadmin.calendar_invalid',
        400,
        { year: String(year), count: errors.length },
        { errors },
      );
    }
    const before = await repo.calendarDays(trx, year);
    await repo.replaceYear(trx, year, [
      ...holidays.map((date) => ({ date, kind: 'holiday' as const, source })),
      ...workdays.map((date) => ({ date, kind: 'workday' as const, source: `${source} (调休)` })),
    ]);
    await audit({
      action: 'casesadmin.calendar.replace',
      targetType: 'calendar_year',
      targetId: String(year),
      before: {
        holidays: before.filter((d) => d.kind === 'holiday').map((d) => d.date),
        workdays: before.filter((d) => d.kind === 'workday').map((d) => d.date),
      },
      after: { holidays, workdays, source },
    });
  });
  return getCalendar(deps, actor, year, locale);
}
