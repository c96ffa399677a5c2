// The action plan (三年行动计划): "已将任务分解细化为65项，逐一明确了主要内容、时间节点、牵头部门、配合部门和实施部门".
// Pure rules: a milestone's due state on the Shanghai calendar (done / on track / due soon / overdue), progress
// roll-ups (per task = share of milestones done; per lead department, per district, overall), and the parsing
// and validation of one imported row (序号, 任务, 主要内容, 时间节点, 牵头部门, 配合部门, 实施部门). No I/O.
import { daysBetween, isValidDate, monthDays } from './calendar.js';

export const MILESTONE_STATES = ['done', 'on_track', 'due_soon', 'overdue'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];

/** A milestone is "due soon" from this many calendar days before its date (the date itself included). */
export const DUE_SOON_DAYS = 30;

/** The state words people read (the public page, exports). */
export const MILESTONE_STATE_WORDS: Record<MilestoneState, { zh: string; en: string }> = {
  done: { zh: '已完成', en: 'Done' },
  on_track: { zh: '进行中', en: 'In progress' },
  due_soon: { zh: '即将到期', en: 'Due soon' },
  overdue: { zh: '已逾期', en: 'Overdue' },
};

/**
 * A milestone is due by the end (24:00 Shanghai) of its date: overdue from the next day while not done; due
 * soon when its date is at most DUE_SOON_DAYS calendar days away; on track otherwise. `today` is a Shanghai
 * date (calendar.shanghaiDate).
 */
export function milestoneState(today: string, dueOn: string, doneOn: string | null): MilestoneState {
  if (doneOn) return 'done';
  if (today > dueOn) return 'overdue';
  return daysBetween(today, dueOn) <= DUE_SOON_DAYS ? 'due_soon' : 'on_track';
}

export interface Progress {
  done: number;
  total: number;
  /** Whole percent of milestones done, rounded down (0 when there are none). */
  percent: number;
  overdue: number;
  dueSoon: number;
}

export interface MilestoneFact {
  dueOn: string;
  doneOn: string | null;
}

/** Progress of a set of milestones: the share done and how many are overdue or due soon. */
export function progressOf(today: string, milestones: readonly MilestoneFact[]): Progress {
  let done = 0;
  let overdue = 0;
  let dueSoon = 0;
  for (const m of milestones) {
    const s = milestoneState(today, m.dueOn, m.doneOn);
    if (s === 'done') done++;
    else if (s === 'overdue') overdue++;
    else if (s === 'due_soon') dueSoon++;
  }
  const total = milestones.length;
  return { done, total, percent: total ? Math.floor((done * 100) / total) : 0, overdue, dueSoon };
}

/** A task's state in one word: overdue if any milestone is, then due soon, done when all are, else on track. */
export function taskState(p: Progress): MilestoneState {
  if (p.overdue > 0) return 'overdue';
  if (p.total > 0 && p.done === p.total) return 'done';
  if (p.dueSoon > 0) return 'due_soon';
  return 'on_track';
}

export interface TaskFacts {
  leadOrgId: string;
  /** The implementing units' division codes (a district or a street). */
  units: readonly string[];
  milestones: readonly MilestoneFact[];
}

export interface RollUp {
  overall: Progress & { tasks: number };
  byLead: (Progress & { orgId: string; tasks: number })[];
  byDistrict: (Progress & { districtCode: string; tasks: number })[];
}

/**
 * Roll-up of a plan: overall, per lead department (牵头部门) and per district — a task counts in every district
 * whose area one of its implementing units lies in (a street counts in its district). Sorted by key.
 */
export function rollUp(today: string, tasks: readonly TaskFacts[]): RollUp {
  const group = <K extends string>(keyOf: (t: TaskFacts) => string[]) => {
    const m = new Map<string, TaskFacts[]>();
    for (const t of tasks) for (const k of new Set(keyOf(t))) m.set(k, [...(m.get(k) ?? []), t]);
    return [...m.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, ts]) => ({
        k: k as K,
        ts,
        p: progressOf(
          today,
          ts.flatMap((t) => t.milestones),
        ),
      }));
  };
  return {
    overall: {
      ...progressOf(
        today,
        tasks.flatMap((t) => t.milestones),
      ),
      tasks: tasks.length,
    },
    byLead: group((t) => [t.leadOrgId]).map(({ k, ts, p }) => ({ orgId: k, tasks: ts.length, ...p })),
    byDistrict: group((t) => t.units.filter((u) => /^\d{6}/.test(u)).map((u) => u.slice(0, 6))).map(
      ({ k, ts, p }) => ({ districtCode: k, tasks: ts.length, ...p }),
    ),
  };
}

// ---------------------------------------------------------------------------------------------------------
// An imported row

/** The columns of an imported plan, in the shape the seed describes; 目标 (the goal a task serves) optional. */
export const PLAN_COLUMNS = [
  { key: 'seq', zh: '序号', en: 'No.', required: true },
  { key: 'goal', zh: '目标', en: 'Goal', required: false },
  { key: 'title', zh: '任务', en: 'Task', required: true },
  { key: 'content', zh: '主要内容', en: 'Main content', required: true },
  { key: 'milestones', zh: '时间节点', en: 'Milestones', required: true },
  { key: 'lead', zh: '牵头部门', en: 'Lead department', required: true },
  { key: 'cooperating', zh: '配合部门', en: 'Cooperating departments', required: false },
  { key: 'units', zh: '实施部门', en: 'Implementing units', required: false },
] as const;
export type PlanColumnKey = (typeof PLAN_COLUMNS)[number]['key'];

export const MAX_PLAN_ROWS = 500;
export const MAX_MILESTONES = 12;

export interface ParsedMilestone {
  dueOn: string;
  title: string;
}

/** Splits a list cell (、，,；;／/ or line breaks) into trimmed, distinct names. */
export function splitNames(text: string | null): string[] {
  if (!text) return [];
  return [
    ...new Set(
      text
        .split(/[、，,；;／/\n]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

const MILESTONE_RE =
  /^(\d{4})\s*[-年./]\s*(\d{1,2})\s*(?:[-月./]\s*(\d{1,2})\s*日?)?\s*月?\s*(?:底前|底|前)?\s*[:：，,]?\s*(.*)$/;

/**
 * 时间节点: one milestone per line or per "；": a date ("2026-06-30", "2026年6月30日", or a month "2026年6月底",
 * meaning its last day) followed by what is due ("出台实施办法"). Null when an entry has no valid date.
 */
export function parseMilestones(text: string): ParsedMilestone[] | null {
  const entries = text
    .split(/[；;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const out: ParsedMilestone[] = [];
  for (const e of entries) {
    const m = MILESTONE_RE.exec(e);
    if (!m) return null;
    const month = `${m[1]}-${m[2].padStart(2, '0')}`;
    if (!isValidDate(`${month}-01`)) return null;
    const dueOn = m[3] ? `${month}-${m[3].padStart(2, '0')}` : monthDays(month).last;
    if (!isValidDate(dueOn)) return null;
    out.push({ dueOn, title: m[4].trim() || '完成' });
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

export interface PlanRowInput {
  seq: string | null;
  goal: string | null;
  title: string | null;
  content: string | null;
  milestones: string | null;
  lead: string | null;
  cooperating: string | null;
  units: string | null;
}

export interface PlanRowProblem {
  key: PlanColumnKey;
  code:
    | 'required'
    | 'seq_invalid'
    | 'milestones_invalid'
    | 'too_many_milestones'
    | 'too_long'
    | 'lead_also_cooperating';
}

export interface ValidPlanRow {
  seq: number;
  goal: string | null;
  title: string;
  content: string;
  milestones: ParsedMilestone[];
  lead: string;
  cooperating: string[];
  units: string[];
}

/**
 * One row checked on its own (names are resolved against the registry by the server): required cells,
 * 序号 a positive whole number, 时间节点 parseable (at most MAX_MILESTONES), lengths, the lead not also
 * among the cooperating departments. Returns the problems, or the row when there are none.
 */
export function validatePlanRow(r: PlanRowInput): { row: ValidPlanRow } | { problems: PlanRowProblem[] } {
  const problems: PlanRowProblem[] = [];
  for (const key of ['seq', 'title', 'content', 'milestones', 'lead'] as const)
    if (!r[key]?.trim()) problems.push({ key, code: 'required' });
  const seq = Number(r.seq);
  if (r.seq?.trim() && !(Number.isSafeInteger(seq) && seq > 0 && seq <= 9999))
    problems.push({ key: 'seq', code: 'seq_invalid' });
  if ((r.title?.length ?? 0) > 200) problems.push({ key: 'title', code: 'too_long' });
  if ((r.content?.length ?? 0) > 4000) problems.push({ key: 'content', code: 'too_long' });
  if ((r.goal?.length ?? 0) > 200) problems.push({ key: 'goal', code: 'too_long' });
  const milestones = r.milestones?.trim() ? parseMilestones(r.milestones) : [];
  if (r.milestones?.trim() && !milestones) problems.push({ key: 'milestones', code: 'milestones_invalid' });
  else if (milestones && milestones.length > MAX_MILESTONES)
    problems.push({ key: 'milestones', code: 'too_many_milestones' });
  const lead = r.lead?.trim() ?? '';
  const cooperating = splitNames(r.cooperating);
  if (lead && cooperating.includes(lead))
    problems.push({ key: 'cooperating', code: 'lead_also_cooperating' });
  if (problems.length) return { problems };
  return {
    row: {
      seq,
      goal: r.goal?.trim() || null,
      title: r.title!.trim(),
      content: r.content!.trim(),
      milestones: milestones!,
      lead,
      cooperating,
      units: splitNames(r.units),
    },
  };
}

/** A progress report's evidence (佐证材料): at least this many characters saying what was done and what shows it. */
export const REPORT_EVIDENCE_MIN = 10;
