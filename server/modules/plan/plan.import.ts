// Import of an action plan from .xlsx/.csv in the shape the seed describes — "逐一明确了主要内容、时间节点、牵头部门、
// 配合部门和实施部门": 序号, (目标,) 任务, 主要内容, 时间节点, 牵头部门, 配合部门, 实施部门. Read only through
// platform/spreadsheet.ts. All or nothing: every row is checked (domain/action-plan.ts validatePlanRow, then
// names against the registry — departments by exact name, implementing units as districts/streets within the
// plan's area — duplicates of 序号, milestones within the plan period); with any problem nothing is written
// and the answer lists every row error. The plan must be empty and its version current (a versioned update
// serialises two imports of one plan). Also the template (header + one example row).
import {
  PLAN_COLUMNS,
  MAX_PLAN_ROWS,
  validatePlanRow,
  type PlanColumnKey,
  type PlanRowInput,
  type ValidPlanRow,
} from '../../../domain/action-plan.js';
import type { Executor } from '../../platform/db/database.js';
import type { PlanPlanTable } from '../../platform/db/schema-plan.js';
import { updateVersioned } from '../../platform/db/writes.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { auditActor, requirePermission, type Actor } from '../../platform/http/context.js';
import { AppError, conflict } from '../../platform/http/errors.js';
import { message, type Locale } from '../../platform/http/messages.js';
import { newId } from '../../platform/ids.js';
import { readTable, SpreadsheetError, writeSheet, type Cell } from '../../platform/spreadsheet.js';
import { CITY, requirePlanManage } from './plan.policy.js';
import * as repo from './plan.repo.js';
import type { ImportedTask } from './plan.repo.js';
import { loadPlan } from './plan.service.js';

interface Problem {
  row: number;
  key: PlanColumnKey;
  code: string;
  params?: Record<string, string | number>;
}

const cellText = (c: Cell | undefined): string | null =>
  c === null || c === undefined
    ? null
    : c instanceof Date
      ? c.toISOString().slice(0, 10)
      : String(c).trim() || null;

function fileError(e: SpreadsheetError, locale: Locale): AppError {
  const p = e.problem;
  if (p.code === 'header_missing') {
    const labels = p.missing.map((k) => {
      const c = PLAN_COLUMNS.find((x) => x.key === k);
      return c ? (locale === 'zh-CN' ? c.zh : c.en) : k;
    });
    return new AppError('plan.header_unrecognised', 400, {
      missing: labels.join(locale === 'zh-CN' ? '、' : ', '),
    });
  }
  const { code, ...params } = p;
  return new AppError(`plan.file_${code}`, 400, params as Record<string, string | number>);
}

async function readRows(file: { name: string; data: Buffer }, locale: Locale) {
  const header = PLAN_COLUMNS.map((c) => ({ key: c.key, required: c.required, labels: [c.zh, c.en, c.key] }));
  try {
    return await readTable(file, header, { maxRows: MAX_PLAN_ROWS });
  } catch (e) {
    throw e instanceof SpreadsheetError ? fileError(e, locale) : e;
  }
}

/** One name to one id: unknown and ambiguous names are row problems. */
function resolver<T extends { name: string }>(all: readonly T[]) {
  return (name: string): T | 'unknown' | 'ambiguous' => {
    const hits = all.filter((x) => x.name === name);
    return hits.length === 0 ? 'unknown' : hits.length > 1 ? 'ambiguous' : hits[0];
  };
}

/** Checks every row against the registry and the plan; returns the rows to insert, or the problems. */
async function planRows(
  db: Executor,
  plan: PlanPlanTable,
  file: { name: string; data: Buffer },
  locale: Locale,
) {
  const rows = await readRows(file, locale);
  const problems: Problem[] = [];
  const valid: { row: number; v: ValidPlanRow }[] = [];
  for (const r of rows) {
    const input = Object.fromEntries(
      PLAN_COLUMNS.map((c) => [c.key, cellText(r.values.get(c.key))]),
    ) as unknown as PlanRowInput;
    const res = validatePlanRow(input);
    if ('problems' in res) problems.push(...res.problems.map((p) => ({ row: r.row, ...p })));
    else valid.push({ row: r.row, v: res.row });
  }
  const orgNames = [...new Set(valid.flatMap(({ v }) => [v.lead, ...v.cooperating]))];
  const unitNames = [...new Set(valid.flatMap(({ v }) => v.units))];
  const org = resolver(await repo.orgsByName(db, orgNames));
  const byCode = unitNames.filter((u) => /^\d{6}(\d{3})?$/.test(u));
  const named = await repo.divisionsByName(db, unitNames);
  const coded = await repo.divisionNames(db, byCode);
  const division = resolver(named);
  const seen = new Set<number>();
  const out: { v: ValidPlanRow; lead: string; cooperating: string[]; units: string[] }[] = [];
  for (const { row, v } of valid) {
    const before = problems.length;
    if (seen.has(v.seq)) problems.push({ row, key: 'seq', code: 'seq_duplicate' });
    seen.add(v.seq);
    const ids = (key: 'lead' | 'cooperating', names: string[]) =>
      names.flatMap((name) => {
        const o = org(name);
        if (typeof o === 'string') {
          problems.push({ row, key, code: `org_${o}`, params: { name } });
          return [];
        }
        return [o.id];
      });
    const [lead] = ids('lead', [v.lead]);
    const cooperating = ids('cooperating', v.cooperating);
    const units = v.units.flatMap((name) => {
      const d = coded.has(name) ? { code: name } : division(name);
      if (typeof d === 'string') {
        problems.push({ row, key: 'units', code: `unit_${d}`, params: { name } });
        return [];
      }
      if (plan.division_code !== CITY && !d.code.startsWith(plan.division_code)) {
        problems.push({ row, key: 'units', code: 'unit_outside', params: { name } });
        return [];
      }
      return [d.code];
    });
    for (const m of v.milestones)
      if (m.dueOn < plan.period_from || m.dueOn > plan.period_to)
        problems.push({ row, key: 'milestones', code: 'milestone_outside', params: { date: m.dueOn } });
    if (problems.length === before) out.push({ v, lead, cooperating, units: [...new Set(units)] });
  }
  return { rows: rows.length, problems, out };
}

function invalidRows(problems: Problem[], locale: Locale): AppError {
  const position = (k: string) => PLAN_COLUMNS.findIndex((c) => c.key === k);
  const errors = [...problems]
    .sort((a, b) => a.row - b.row || position(a.key) - position(b.key))
    .map((p) => {
      const c = PLAN_COLUMNS.find((x) => x.key === p.key)!;
      return {
        row: p.row,
        column: locale === 'zh-CN' ? c.zh : c.en,
        field: p.key,
        message: message(`plan.row.${p.code}`, locale, p.params ?? {}),
      };
    });
  return new AppError(
    'plan.invalid_rows',
    400,
    { count: errors.length },
    { errors: errors.slice(0, 200), count: errors.length, truncated: errors.length > 200 },
  );
}

function toInserts(planId: string, out: Awaited<ReturnType<typeof planRows>>['out'], now: string) {
  const goalIds = new Map<string, string>();
  for (const { v } of out) if (v.goal && !goalIds.has(v.goal)) goalIds.set(v.goal, newId());
  const goals = [...goalIds].map(([title, id], i) => ({ id, plan_id: planId, seq: i + 1, title }));
  const tasks: ImportedTask[] = out.map(({ v, lead, cooperating, units }) => {
    const id = newId();
    return {
      task: {
        id,
        plan_id: planId,
        goal_id: v.goal ? goalIds.get(v.goal)! : null,
        seq: v.seq,
        title: v.title,
        content: v.content,
        lead_org_id: lead,
        supervision_count: 0,
        last_supervised_on: null,
        created_at: now,
        updated_at: now,
        version: 1,
      },
      cooperating: cooperating.filter((o) => o !== lead),
      units,
      milestones: v.milestones.map((m, i) => ({
        id: newId(),
        task_id: id,
        seq: i + 1,
        title: m.title,
        due_on: m.dueOn,
        done_on: null,
        report_id: null,
        warned_state: null,
      })),
    };
  });
  return { goals, tasks };
}

export async function importPlan(
  deps: Deps,
  actor: Actor,
  planId: string,
  file: { name: string; data: Buffer },
  opts: { version: number; dryRun: boolean; locale: Locale; requestId: string },
) {
  const plan = await loadPlan(deps, actor, planId);
  requirePlanManage(actor, plan);
  const check = async (db: Executor) => {
    if ((await repo.taskCounts(db, [plan.id])).get(plan.id)) throw conflict('plan.not_empty');
    const r = await planRows(db, plan, file, opts.locale);
    if (r.problems.length) throw invalidRows(r.problems, opts.locale);
    return r;
  };
  const summary = (r: Awaited<ReturnType<typeof check>>, dryRun: boolean) => ({
    rows: r.rows,
    tasks: r.out.length,
    milestones: r.out.reduce((n, x) => n + x.v.milestones.length, 0),
    dryRun,
  });
  if (opts.dryRun) return summary(await check(deps.database.db), true);
  const now = deps.clock.now().toISOString();
  return writeTx(deps, auditActor(actor), opts.requestId, async (trx, audit) => {
    // The versioned update first: a second import of the same plan waits, then gets 409.
    await updateVersioned(trx, 'plan_plans', plan.id, opts.version, { updated_at: now });
    const r = await check(trx);
    const { goals, tasks } = toInserts(plan.id, r.out, now);
    await repo.insertImported(trx, goals, tasks);
    const result = summary(r, false);
    await audit({
      action: 'plan.import',
      targetType: 'plan',
      targetId: plan.id,
      after: { ...result, fileName: file.name },
    });
    return result;
  });
}

/** The import template (for an office that runs a plan): the Chinese header row and one example row, all text. */
export async function planTemplate(actor: Actor, format: 'xlsx' | 'csv') {
  requirePermission(actor, 'plan.manage');
  const example: Record<PlanColumnKey, string> = {
    seq: '1',
    goal: '完善住宅小区综合管理体制',
    title: '健全三级联席会议制度',
    content: '建立市、区、街镇三级住宅小区综合管理联席会议，明确成员单位和议事规则',
    milestones: '2026年6月底 出台议事规则；2026-12-31 三级会议全面运行',
    lead: '上海市房屋管理局',
    cooperating: '浦东新区城市管理行政执法局、浦东新区公安分局',
    units: '浦东新区；花木街道',
  };
  const file = await writeSheet(format, `行动计划导入模板.${format}`, {
    sheetName: '行动计划',
    columns: PLAN_COLUMNS.map((c) => ({ header: c.zh })),
    rows: [PLAN_COLUMNS.map((c) => example[c.key])],
  });
  return { ...file, asciiName: `action-plan-template.${format}` };
}
