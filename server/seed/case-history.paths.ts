// The path one case takes through the lifecycle in the demo history, step by step with its timing: dispatched
// (sometimes accepted first, recalled, re-dispatched or returned and dispatched again), signed for, on site,
// extended (approved or refused), suspended and resumed, parked (some taken off the register), pressed (督办),
// reported back, verified (sometimes failed), closed, revisited, reopened when the reporter was dissatisfied —
// or declined, or merged into the case it repeats. A case may stall at a step (the work still to do in the
// queues); steps after the end of the history have not happened yet.
import {
  addDays,
  fromShanghaiWallClock,
  isWorkingDay,
  shanghaiDate,
  shanghaiWallClock,
} from '../../domain/calendar.js';
import type { BusinessCalendar } from '../../domain/calendar.js';
import type { CaseAction, Relation, Satisfaction } from '../../domain/case-lifecycle.js';
import { AppError } from '../platform/http/errors.js';
import type { ActionBody, CaseHistory, HistoryActor, SimCase } from './case-history.engine.js';
import { NOTES, RETURN_REASONS_USED, weighted } from './case-history.data.js';
import type { Rng } from './synthetic.js';

/** The people of the case's street and of its handling organisations. */
export interface Cast {
  dispatcher: HistoryActor;
  verifier: HistoryActor;
  supervisor: HistoryActor;
  handler(orgId: string | null): HistoryActor;
  /** Another lead when the first one returns it or is replaced: the street office, else its housing office. */
  otherLead(leadOrgId: string | null): string | null;
}

export type Stall = 'none' | 'dispatch' | 'sign' | 'work' | 'extension' | 'verify' | 'close';

export interface PathOptions {
  stall: Stall;
  /** The case it repeats, when intake found one (重复投诉): usually merged into it. */
  duplicateOfNo: string | null;
  /** More extension requests (the focus queues show some waiting for approval). */
  extensionShare: number;
  /** How often a repeat is merged into the case it repeats (else handled on its own). */
  mergeShare: number;
}

const MIN = 60_000;

/** The next moment office staff act: within 08:30–17:30 of a working day (urgent work goes on at any time). */
function officeTime(cal: BusinessCalendar, t: Date, r: Rng): Date {
  const hm = shanghaiWallClock(t).slice(11, 16);
  let day = shanghaiDate(t);
  if (isWorkingDay(cal, day) && hm >= '08:30' && hm < '17:30') return t;
  if (hm >= '17:30') day = addDays(day, 1);
  while (!isWorkingDay(cal, day)) day = addDays(day, 1);
  return new Date(fromShanghaiWallClock(`${day}T08:30`).getTime() + r.int(0, 150) * MIN);
}

class Walk {
  t: Date;
  constructor(
    readonly h: CaseHistory,
    readonly sim: SimCase,
    readonly r: Rng,
    readonly cal: BusinessCalendar,
    readonly cast: Cast,
  ) {
    this.t = new Date(sim.row.created_at);
  }

  get urgent() {
    return this.sim.row.urgency !== 'normal';
  }

  /** Waits between `min` and `max` minutes (office hours for normal cases), then takes the step. */
  async step(
    action: CaseAction,
    relation: Relation,
    who: HistoryActor,
    min: number,
    max: number,
    body: ActionBody = {},
  ): Promise<boolean> {
    const t = new Date(this.t.getTime() + this.r.int(min, max) * MIN);
    this.t = this.urgent ? t : officeTime(this.cal, t, this.r);
    return this.h.act(this.sim, action, relation, who, this.t, body);
  }

  note(list: readonly string[]) {
    return { note: this.r.pick(list) };
  }

  get lead() {
    return this.cast.handler(this.sim.row.lead_org_id);
  }

  /** Minutes until a deadline column, at least 10. */
  until(at: string | null, fallbackMinutes: number): number {
    return at ? Math.max(10, Math.round((new Date(at).getTime() - this.t.getTime()) / MIN)) : fallbackMinutes;
  }
}

/** Walks the case along its path until it ends, stalls, or reaches the end of the history. */
export async function walkCase(
  h: CaseHistory,
  sim: SimCase,
  r: Rng,
  cal: BusinessCalendar,
  cast: Cast,
  o: PathOptions,
): Promise<void> {
  const w = new Walk(h, sim, r, cal, cast);
  const d = cast.dispatcher;
  const fast = w.urgent ? [5, 40] : [30, 600];
  if (sim.row.channel !== 'gridInspection' && r.chance(0.025) && !w.urgent)
    return void (await w.step('decline', 'dispatcher', d, 30, 300, w.note(NOTES.decline)));
  if (o.duplicateOfNo && r.chance(o.mergeShare)) {
    const merged = await w
      .step('merge', 'dispatcher', d, 20, 240, { mergeIntoCaseNo: o.duplicateOfNo, ...w.note(NOTES.merge) })
      .catch((err: unknown) => {
        // The case it repeats was finished meanwhile (cases.merge_target_invalid): handled on its own.
        if (err instanceof AppError) return false;
        throw err;
      });
    if (merged || h.until <= w.t) return;
  }
  if (o.stall === 'dispatch') return;
  if (r.chance(0.25) && !(await w.step('accept', 'dispatcher', d, fast[0], fast[1]))) return;
  if (!(await w.step('dispatch', 'dispatcher', d, fast[0], fast[1]))) return;
  if (!(await beforeSigning(w, o))) return;
  await work(w, o);
}

/** 撤回, 改派 or 退单 now and then, then 签收. */
async function beforeSigning(w: Walk, o: PathOptions): Promise<boolean> {
  const { r, cast } = w;
  const d = cast.dispatcher;
  const other = cast.otherLead(w.sim.row.lead_org_id);
  const p = r.next();
  if (p < 0.04) {
    if (!(await w.step('recall', 'dispatcher', d, 30, 180, w.note(NOTES.recall)))) return false;
    if (!(await w.step('dispatch', 'dispatcher', d, 20, 240))) return false;
  } else if (p < 0.08 && other) {
    const body = { leadOrgId: other, ...w.note(NOTES.redispatch) };
    if (!(await w.step('redispatch', 'dispatcher', d, 30, 240, body))) return false;
  } else if (p < 0.15 && other) {
    const signFirst = r.chance(0.5);
    if (signFirst && !(await w.step('signFor', 'leadHandler', w.lead, 10, 300))) return false;
    const back = { returnReason: r.pick(RETURN_REASONS_USED), ...w.note(NOTES.returnCase) };
    if (!(await w.step('returnCase', 'leadHandler', w.lead, 60, 1200, back))) return false;
    if (!(await w.step('dispatch', 'dispatcher', d, 30, 480, { leadOrgId: other }))) return false;
  }
  if (o.stall === 'sign') return false;
  const [min, max] = w.urgent ? [5, 55] : [10, 420];
  return w.step('signFor', 'leadHandler', w.lead, min, max);
}

/** On site, the work (with extension, suspension, 挂账, 督办, comments), then the report and what follows. */
async function work(w: Walk, o: PathOptions, reopened = false): Promise<void> {
  const { r, sim, cast } = w;
  const d = cast.dispatcher;
  if (sim.row.arrive_due_at) {
    const window = w.until(sim.row.arrive_due_at, 120);
    const late = r.chance(0.12);
    const at = late ? [window + 10, window * 2 + 30] : [Math.min(10, window), Math.max(10, window - 5)];
    if (!(await w.step('arriveOnSite', 'leadHandler', w.lead, at[0], at[1]))) return;
  }
  if (!reopened && !(await lawDuties(w))) return;
  if (!reopened && !(await interruptions(w, o))) return;
  if (o.stall === 'work' && !reopened) return;
  const window = w.until(sim.row.resolve_due_at, 3 * 24 * 60);
  const late = r.chance(0.07);
  // On time means closed in time: the report leaves room for verification and closing.
  const frac = late ? 1.05 + r.next() * 0.9 : 0.1 + r.next() * 0.45;
  const resolved = r.chance(0.94);
  const report = { resolved, ...w.note(resolved ? NOTES.reportBack : NOTES.reportUnresolved) };
  const t = Math.round(window * frac);
  if (!(await w.step('reportBack', 'leadHandler', w.lead, t, t + 30, report))) return;
  if (o.stall === 'verify' && !reopened) return;
  const verifier = r.chance(0.6) ? cast.verifier : d;
  const relation: Relation = verifier === cast.verifier ? 'verifier' : 'dispatcher';
  if (r.chance(0.07)) {
    if (!(await w.step('verifyFail', relation, verifier, 60, 1440, w.note(NOTES.verifyFail)))) return;
    if (
      !(await w.step('reportBack', 'leadHandler', w.lead, 600, 4320, {
        resolved: true,
        ...w.note(NOTES.reportBack),
      }))
    )
      return;
  }
  const [verifyIn, closeIn] = w.urgent ? [240, 120] : [720, 240];
  if (!(await w.step('verifyPass', relation, verifier, 30, verifyIn))) return;
  if (o.stall === 'close' && !reopened) return;
  if (!(await w.step('close', 'dispatcher', d, 15, closeIn))) return;
  if (r.chance(0.08)) return; // not reached on revisit
  const unhappy = !resolved || late;
  const satisfaction = weighted<Satisfaction>(r, [
    ['satisfied', unhappy ? 40 : 74],
    ['basicallySatisfied', unhappy ? 25 : 18],
    ['dissatisfied', unhappy ? 35 : 8],
  ]);
  if (!(await w.step('revisit', 'dispatcher', d, 600, 4320, { satisfaction }))) return;
  if (satisfaction !== 'dissatisfied' || reopened || r.chance(0.45)) return;
  const who = r.chance(0.7) ? d : cast.supervisor;
  if (!(await w.step('reopen', who === d ? 'dispatcher' : 'supervisor', who, 240, 2880))) return;
  if (!(await w.step('signFor', 'leadHandler', w.lead, 10, 300))) return;
  await work(w, o, true);
}

/** What may happen while the lead works on it; false when the walk ends here. */
/**
 * The duties the law names, where the case carries them: the 限期拆除 notice with its ten days (拆违规定第九条), the
 * property company's 劝阻、制止 failing and its report within 24 hours (《规定》第五十九条 — most on time, some late),
 * and the feedback to the reporter within a month (拆违规定第五条). Each only when the lifecycle offers it.
 */
async function lawDuties(w: Walk): Promise<boolean> {
  const { r, h, sim } = w;
  if (h.allows(sim, 'noticeDemolition', 'leadHandler') && r.chance(0.5)) {
    const on = shanghaiDate(w.t); // posted on site the day the squad decided; recorded afterwards
    const body = { noticePublishedOn: on, noticeEndsOn: addDays(on, r.pick([10, 15, 30])) };
    if (!(await w.step('noticeDemolition', 'leadHandler', w.lead, 60, 2880, body))) return false;
  }
  if (h.allows(sim, 'dissuasionFailed', 'leadHandler') && r.chance(0.6)) {
    if (!(await w.step('dissuasionFailed', 'leadHandler', w.lead, 30, 600, w.note(NOTES.dissuasionFailed))))
      return false;
    const late = r.chance(0.15);
    if (h.allows(sim, 'reportViolation', 'leadHandler') && r.chance(0.9)) {
      const [min, max] = late ? [25 * 60, 60 * 60] : [60, 20 * 60];
      if (!(await w.step('reportViolation', 'leadHandler', w.lead, min, max, w.note(NOTES.reportViolation))))
        return false;
    }
  }
  if (h.allows(sim, 'feedBackReporter', 'leadHandler') && r.chance(0.8)) {
    if (!(await w.step('feedBackReporter', 'leadHandler', w.lead, 120, 4320, w.note(NOTES.feedBackReporter))))
      return false;
  }
  return true;
}

async function interruptions(w: Walk, o: PathOptions): Promise<boolean> {
  const { r, sim, cast } = w;
  const d = cast.dispatcher;
  const window = w.until(sim.row.resolve_due_at, 3 * 24 * 60);
  if (r.chance(0.08) && !(await w.step('comment', 'leadHandler', w.lead, 30, 600, w.note(NOTES.comment))))
    return false;
  if (window >= 24 * 60 && (o.stall === 'extension' || r.chance(o.extensionShare))) {
    const extension = r.pick(['3wd', '5wd', '10wd', '7d']);
    const ask = { extension, ...w.note(NOTES.requestExtension) };
    const at = Math.round(window * (0.4 + r.next() * 0.4));
    if (!(await w.step('requestExtension', 'leadHandler', w.lead, at, at + 60, ask))) return false;
    if (o.stall === 'extension') return false;
    const approve = r.chance(0.7);
    const decision: ActionBody = approve
      ? r.chance(0.3)
        ? { extension: '3wd', note: '批准延期三个工作日' }
        : {}
      : w.note(NOTES.refuseExtension);
    const action = approve ? 'approveExtension' : 'refuseExtension';
    if (!(await w.step(action, 'dispatcher', d, 60, 1440, decision))) return false;
  }
  const p = r.next();
  if (p < 0.05) {
    if (!(await w.step('suspend', 'dispatcher', d, 240, 2880, w.note(NOTES.suspend)))) return false;
    if (!(await w.step('resume', 'dispatcher', d, 2 * 1440, 15 * 1440))) return false;
  } else if (p < 0.07) {
    const s = cast.supervisor;
    if (!(await w.step('parkLongTerm', 'supervisor', s, 1440, 10 * 1440, w.note(NOTES.parkLongTerm))))
      return false;
    if (r.chance(0.5)) return false; // still on the long-term register
    if (!(await w.step('unpark', 'supervisor', s, 20 * 1440, 90 * 1440, w.note(NOTES.unpark)))) return false;
  }
  if (r.chance(0.07)) {
    const [who, relation] = r.chance(0.5)
      ? [cast.supervisor, 'supervisor' as const]
      : [d, 'dispatcher' as const];
    const at = Math.round(window * (0.5 + r.next() * 0.4));
    if (!(await w.step('supervise', relation, who, at, at + 120, w.note(NOTES.supervise)))) return false;
  }
  return true;
}
