// Reference data of the cases module (taxonomy, responsibility list, SLA policies, calendar), cached in
// memory per database handle: the intake hot path must not read it per request. Edits through this instance
// invalidate its cache at once; other instances pick them up within CACHE_TTL_MS (REFERENCE_FRESHNESS_MS).
import type { BusinessCalendar } from '../../../domain/calendar.js';
import type { ResponsibilityRule } from '../../../domain/routing.js';
import type { SlaPolicy } from '../../../domain/sla.js';
import { REFERENCE_FRESHNESS_MS } from '../../platform/cache.js';
import type { Executor } from '../../platform/db/database.js';
import * as repo from './cases.repo.js';

const CACHE_TTL_MS = REFERENCE_FRESHNESS_MS;

export interface Category {
  code: string;
  nameZh: string;
  nameEn: string;
  urgent: boolean;
  attributes: string[];
  /** Words callers use for it (检索词): the intake form's category search matches them. */
  keywords: string[];
  active: boolean;
}

export interface CaseReference {
  categories: Map<string, Category>;
  rules: (ResponsibilityRule & { listVersion: number })[];
  policies: SlaPolicy[];
  calendar: BusinessCalendar;
  calendarYears: number[];
}

const cache = new WeakMap<Executor, { at: number; value: Promise<CaseReference> }>();

export function invalidateCaseReference(db: Executor): void {
  cache.delete(db);
}

export function caseReference(db: Executor, now = Date.now()): Promise<CaseReference> {
  const hit = cache.get(db);
  if (hit && now - hit.at < CACHE_TTL_MS) return hit.value;
  const value = load(db);
  cache.set(db, { at: now, value });
  value.catch(() => {
    if (cache.get(db)?.value === value) cache.delete(db);
  });
  return value;
}

async function load(db: Executor): Promise<CaseReference> {
  const [cats, rules, policies, days] = await Promise.all([
    repo.categories(db),
    repo.activeRules(db),
    repo.slaPolicies(db),
    repo.calendarDays(db),
  ]);
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const d of days) (d.kind === 'holiday' ? holidays : workdays).add(d.date);
  return {
    categories: new Map(
      cats.map((c) => [
        c.code,
        {
          code: c.code,
          nameZh: c.name_zh,
          nameEn: c.name_en,
          urgent: !!c.urgent,
          attributes: JSON.parse(c.attributes_json) as string[],
          keywords: JSON.parse(c.keywords_json) as string[],
          active: !!c.active,
        },
      ]),
    ),
    rules: rules.map((r) => ({
      listVersion: r.list_version,
      id: r.id,
      priority: r.priority,
      categoryCode: r.category_code,
      conditions: JSON.parse(r.conditions_json),
      districtCode: r.district_code,
      orgType: r.org_type,
      orgKind: r.org_kind,
      coHandlers: JSON.parse(r.co_handlers_json),
      source: r.source,
    })),
    policies: policies.map((p) => ({
      id: p.id,
      stage: p.stage as SlaPolicy['stage'],
      categoryCode: p.category_code,
      channel: p.channel,
      conditions: JSON.parse(p.conditions_json),
      duration: p.duration,
      warnBeforeMinutes: p.warn_before_minutes,
      escalateOnOverdue: !!p.escalate_on_overdue,
      sourceKind: p.source_kind as SlaPolicy['sourceKind'],
      sourceRef: p.source_ref,
    })),
    calendar: { holidays, workdays },
    calendarYears: [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort(),
  };
}
