// KPIs of cases (发现率, 受理及时率, 按时办结率, 解决率, 满意率, 重复投诉率, 挂账) per street, department, company
// or compound. Definitions: domain/kpis.ts; counting: one SQL aggregate (kpis.repo.ts).
import { addMonths, startOfShanghaiDay } from '../../../domain/calendar.js';
import {
  countsAsRepeat,
  kpiRates,
  onTimeRate,
  repeatRate,
  resolutionRate,
  satisfactionRate,
  shanghaiPeriod,
} from '../../../domain/kpis.js';
import type { Actor } from '../../platform/http/context.js';
import { badRequest } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/http/messages.js';
import type { Deps } from '../../platform/deps.js';
import { writeSheet, type OutColumn, type SheetFile, type SheetFormat } from '../../platform/spreadsheet.js';
import * as repo from './kpis.repo.js';
import { kpiScope } from './kpis.policy.js';

export interface KpiQueryInput {
  groupBy: repo.KpiGroupBy;
  district?: string;
  street?: string;
  from: string;
  to: string;
}

/** Shanghai dates → the UTC interval; 400 when the period is not a real one. */
export function periodOf(from: string, to: string): { fromIso: string; toIso: string } {
  try {
    return shanghaiPeriod(from, to);
  } catch {
    throw badRequest('kpis.period_invalid', { from, to });
  }
}

/** The repeats per group key: flagged repeats whose attributes agree with the case repeated (countsAsRepeat). */
function repeatsByKey(pairs: readonly repo.RepeatPair[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of pairs) {
    const a = JSON.parse(p.attributes) as Record<string, unknown>;
    const b = JSON.parse(p.repeatedAttributes) as Record<string, unknown>;
    if (countsAsRepeat(a, b)) out.set(p.key, (out.get(p.key) ?? 0) + 1);
  }
  return out;
}

export async function caseKpis(deps: Deps, actor: Actor, q: KpiQueryInput) {
  const scope = kpiScope(actor, q);
  const period = periodOf(q.from, q.to);
  const filter = { ...period, scope, district: q.district, street: q.street };
  const db = deps.database.db;
  const [counted, pairs] = await Promise.all([
    repo.kpiCounts(db, q.groupBy, filter),
    repo.repeatPairs(db, q.groupBy, filter),
  ]);
  const repeats = repeatsByKey(pairs);
  const rows = counted.map((r) => ({ ...r, repeats: repeats.get(r.key) ?? 0 }));
  return {
    items: rows.map((r) => ({
      key: r.key,
      name: r.name,
      total: r.total,
      proactive: r.proactive,
      ...kpiRates(r),
      parked: r.parked,
    })),
  };
}

export interface KpiTrendInput {
  district?: string;
  street?: string;
  to: string; // YYYY-MM
  months: number;
}

/**
 * The monthly trend of the cases created in each of the `months` months up to `to`: intake, how many of them
 * are closed, and the rates of domain/kpis.ts — one aggregate over the whole span (kpiCountsByPeriod).
 */
export async function caseTrend(deps: Deps, actor: Actor, q: KpiTrendInput) {
  const scope = kpiScope(actor, q);
  const first = addMonths(`${q.to}-01`, -(q.months - 1));
  const starts = Array.from({ length: q.months + 1 }, (_, i) => addMonths(first, i));
  const bounds = starts.map((d) => startOfShanghaiDay(d).toISOString());
  const filter = { scope, district: q.district, street: q.street };
  const db = deps.database.db;
  const [counted, pairs] = await Promise.all([
    repo.kpiCountsByPeriod(db, bounds, filter),
    repo.repeatPairsByPeriod(db, bounds, filter),
  ]);
  const repeats = repeatsByKey(pairs);
  const counts = counted.map((c, i) => ({ ...c, repeats: repeats.get(String(i)) ?? 0 }));
  return {
    items: counts.map((c, i) => ({
      month: starts[i].slice(0, 7),
      total: c.total,
      closed: c.closed,
      closedOnTime: c.closedOnTime,
      onTimeRate: onTimeRate(c),
      resolutionRate: resolutionRate(c),
      satisfactionRate: satisfactionRate(c),
      repeatRate: repeatRate(c),
    })),
  };
}

type KpiItem = Awaited<ReturnType<typeof caseKpis>>['items'][number];

const GROUP_LABELS: Record<repo.KpiGroupBy, { zh: string; en: string }> = {
  street: { zh: '街镇', en: 'Street/town' },
  department: { zh: '职能部门', en: 'Department' },
  company: { zh: '物业服务企业', en: 'Property company' },
  compound: { zh: '小区', en: 'Compound' },
  category: { zh: '问题类别', en: 'Category' },
};

/** The columns of the KPI page, in its order (rates as fractions: percentages in the file). */
const EXPORT_COLUMNS: { zh: string; en: string; key: keyof KpiItem; type: OutColumn['type'] }[] = [
  { zh: '案件数', en: 'Cases', key: 'total', type: 'int' },
  { zh: '主动发现', en: 'Proactive', key: 'proactive', type: 'int' },
  { zh: '发现率', en: 'Discovery rate', key: 'discoveryRate', type: 'percent' },
  { zh: '受理及时率', en: 'Accepted on time', key: 'acceptedOnTimeRate', type: 'percent' },
  { zh: '按时办结率', en: 'Resolved on time', key: 'onTimeRate', type: 'percent' },
  { zh: '解决率', en: 'Resolution rate', key: 'resolutionRate', type: 'percent' },
  { zh: '满意率', en: 'Satisfaction', key: 'satisfactionRate', type: 'percent' },
  { zh: '重复投诉率', en: 'Repeat complaints', key: 'repeatRate', type: 'percent' },
  { zh: '挂账数', en: 'Parked', key: 'parked', type: 'int' },
  { zh: '到场及时率', en: 'On site on time', key: 'arrivalOnTimeRate', type: 'percent' },
];

/**
 * The case KPIs of caseKpis (same query, same access check) as a .csv or .xlsx download with the headers
 * of the KPI page in `locale`; a rate with nothing to measure is a blank cell.
 */
export async function exportCaseKpis(
  deps: Deps,
  actor: Actor,
  q: KpiQueryInput & { format: SheetFormat },
  locale: Locale,
): Promise<SheetFile> {
  const { items } = await caseKpis(deps, actor, q);
  const zh = locale === 'zh-CN';
  const label = (l: { zh: string; en: string }) => (zh ? l.zh : l.en);
  const columns: OutColumn[] = [
    { header: label(GROUP_LABELS[q.groupBy]), width: 30 },
    ...EXPORT_COLUMNS.map((c) => ({ header: label(c), type: c.type })),
  ];
  const rows = items.map((r) => [r.name, ...EXPORT_COLUMNS.map((c) => r[c.key] as number | null)]);
  const day = (d: string) => d.replace(/-/g, '');
  return writeSheet(q.format, `kpis-${q.groupBy}-${day(q.from)}-${day(q.to)}.${q.format}`, {
    sheetName: zh ? '考核指标' : 'KPIs',
    columns,
    rows,
  });
}
