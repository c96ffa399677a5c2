// The demo case history: deterministic, every lifecycle path present, every case's events a valid walk of
// domain/case-lifecycle.ts ending in the stored row, each demo account's queue holding open work through the real
// queue route, and KPIs with something to say through the KPI route — on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  transition,
  type CaseAction,
  type CaseState,
  type CaseStatus,
  type Relation,
  type Satisfaction,
} from '../../domain/case-lifecycle.js';
import { addDays, endOfShanghaiDay, shanghaiDate } from '../../domain/calendar.js';
import { takesEnforcementNotice } from '../../domain/case-duties.js';
import { DB_KINDS, openTestDatabase, startTestApp, type TestApp } from '../test/harness.js';
import type { Executor } from '../platform/db/database.js';
import type { Deps } from '../platform/deps.js';
import { seedCaseHistory, type CaseHistoryResult } from './case-history.js';
import { seedSynthetic } from './synthetic.js';

const EVERY_RELATION = new Set<Relation>([
  'dispatcher',
  'leadHandler',
  'coHandler',
  'verifier',
  'supervisor',
  'reporter',
]);

// Denser than the demo (40 compounds at test scale): enough cases for every rare path.
const OPTIONS = { perCompoundYear: 36 };

async function rows(db: Executor) {
  return {
    cases: await db.selectFrom('cases').selectAll().orderBy('id').execute(),
    events: await db.selectFrom('case_events').selectAll().orderBy('id').execute(),
    cohandlers: await db
      .selectFrom('case_cohandlers')
      .selectAll()
      .orderBy('case_id')
      .orderBy('org_id')
      .execute(),
  };
}

describe.each(DB_KINDS)('demo case history (%s)', (kind) => {
  let t: TestApp;
  let result: CaseHistoryResult;
  let data: Awaited<ReturnType<typeof rows>>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    result = await seedCaseHistory(t.deps, OPTIONS);
    data = await rows(t.deps.database.db);
  }, 120_000);
  afterAll(() => t.close());

  it('is the same for the same seed and day', async () => {
    const other = await openTestDatabase(kind);
    try {
      await seedSynthetic(other.database, 'test', 1);
      const deps: Deps = { ...t.deps, database: other.database };
      expect(await seedCaseHistory(deps, OPTIONS)).toEqual(result);
      expect(await rows(other.database.db)).toEqual(data);
    } finally {
      await other.drop();
    }
  }, 120_000);

  it('ends at the start of today and spans the year before', () => {
    const today = shanghaiDate(t.deps.clock.now());
    const startOfToday = endOfShanghaiDay(addDays(today, -1)).toISOString();
    expect(result.cases).toBe(data.cases.length);
    expect(data.events.every((e) => e.at < startOfToday)).toBe(true);
    const first = data.cases.map((c) => c.created_at).sort()[0];
    expect(first >= endOfShanghaiDay(addDays(today, -366)).toISOString()).toBe(true);
    expect(first < endOfShanghaiDay(addDays(today, -358)).toISOString()).toBe(true);
    const channels = new Set(data.cases.map((c) => c.channel));
    for (const ch of [
      'hotline12345',
      'hotline962121',
      'residentWeb',
      'open311',
      'gridInspection',
      'propertyCompany',
      'departmentReferral',
    ])
      expect(channels, ch).toContain(ch);
    // Seasons: burst pipes in winter, power cuts in summer.
    const month = (c: { created_at: string }) => Number(shanghaiDate(new Date(c.created_at)).slice(5, 7));
    const count = (code: string, months: number[]) =>
      data.cases.filter((c) => c.category_code === code && months.includes(month(c))).length;
    expect(count('repair.urgent.water_burst', [12, 1, 2])).toBeGreaterThan(
      count('repair.urgent.water_burst', [6, 7, 8]),
    );
    expect(count('repair.urgent.power_outage', [7, 8])).toBeGreaterThan(
      count('repair.urgent.power_outage', [1, 2]),
    );
  });

  it('has every path of the lifecycle', () => {
    const actions = new Set(data.events.map((e) => e.action));
    const paths: string[] = [
      'receive',
      'accept',
      'decline',
      'dispatch',
      'redispatch',
      'recall',
      'signFor',
      'returnCase',
      'arriveOnSite',
      'reportBack',
      'requestExtension',
      'approveExtension',
      'refuseExtension',
      'verifyPass',
      'verifyFail',
      'close',
      'revisit',
      'reopen',
      'suspend',
      'resume',
      'supervise',
      'autoSupervise',
      'parkLongTerm',
      'unpark',
      'merge',
      'comment',
    ];
    for (const a of paths) expect(actions, a).toContain(a);
    const statuses = new Set(data.cases.map((c) => c.status));
    for (const s of [
      'revisited',
      'closed',
      'declined',
      'merged',
      'parked',
      'signed',
      'dispatched',
      'received',
      'reported',
    ])
      expect(statuses, s).toContain(s);
    expect(data.cases.some((c) => c.ontime === 1) && data.cases.some((c) => c.ontime === 0)).toBe(true);
    const satisfaction = new Set(data.cases.map((c) => c.satisfaction));
    for (const s of ['satisfied', 'basicallySatisfied', 'dissatisfied']) expect(satisfaction, s).toContain(s);
    expect(data.cases.some((c) => c.reopen_count > 0 && c.status === 'revisited')).toBe(true);
    expect(data.cases.some((c) => c.duplicate_of_id && c.merged_into_id === c.duplicate_of_id)).toBe(true);
    expect(data.cases.some((c) => c.extension_pending === 1)).toBe(true);
    expect(data.cases.some((c) => c.due_state === 'overdue' && c.status === 'signed')).toBe(true);
    // The duties the law names appear in the history (拆违规定第五条、第九条). (《规定》第五十九条's report needs a
    // property company leading a violation case; the demo routing sends those to the departments.)
    for (const a of ['feedBackReporter', 'noticeDemolition']) expect(actions, a).toContain(a);
  });

  it('walks every case through transitions the lifecycle allows, ending in the stored row', () => {
    const byCase = new Map<string, typeof data.events>();
    for (const e of data.events) {
      const list = byCase.get(e.case_id);
      if (list) list.push(e);
      else byCase.set(e.case_id, [e]);
    }
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => ok || problems.push(what);
    for (const c of data.cases) {
      const events = byCase.get(c.id)!.sort((a, b) => a.seq - b.seq);
      check(
        events.every((e, i) => e.seq === i + 1),
        `${c.case_no}: seq not 1..n`,
      );
      check(events[0].action === 'receive' && events[0].from_status === null, `${c.case_no}: first event`);
      let state: CaseState = {
        status: 'received',
        statusBeforeSuspension: null,
        extensionPending: false,
        arrivedOnSite: false,
        satisfaction: null,
        // The duties the law names, as the stored row says the case carries them (stateOf).
        feedbackPending: false,
        violationReport: c.violation_duty ? 'dissuading' : 'none',
        enforcementNotice: takesEnforcementNotice(c.category_code),
      };
      const duties = { feedback: !!c.feedback_due_at };
      for (const e of events.slice(1)) {
        const where = `${c.case_no} #${e.seq} ${e.action} in ${state.status}`;
        check(e.at >= events[e.seq - 2].at, `${where}: before the previous event`);
        if (e.action === 'autoSupervise' || (e.action === 'comment' && e.data_json.includes('"merged"'))) {
          check(e.from_status === state.status && e.to_status === state.status, `${where}: status changed`);
          continue;
        }
        const r = transition(state, e.action as CaseAction, EVERY_RELATION);
        check(r.ok && r.to === e.to_status, `${where}: ${JSON.stringify(r)} ≠ ${e.to_status}`);
        check(e.from_status === state.status, `${where}: from ${e.from_status}`);
        state = next(state, e.action as CaseAction, e.to_status as CaseStatus, e.data_json, duties);
      }
      check(c.status === state.status, `${c.case_no}: row ${c.status}, events ${state.status}`);
      check(c.event_count === events.length, `${c.case_no}: event_count`);
      check(!!c.extension_pending === state.extensionPending, `${c.case_no}: extension_pending`);
      check((c.satisfaction ?? null) === state.satisfaction, `${c.case_no}: satisfaction`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('numbers cases as intake does: district, Shanghai date, the city-wide sequence', () => {
    for (const c of data.cases.slice(0, 50))
      expect(c.case_no).toBe(
        `${c.district_code}${shanghaiDate(new Date(c.created_at)).replace(/-/g, '')}${c.case_no.slice(14)}`,
      );
    const seqs = data.cases.map((c) => Number(c.case_no.slice(14))).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('leaves open work in each demo account’s queue: due today, overdue, extensions to decide', async () => {
    const today = endOfShanghaiDay(shanghaiDate(t.deps.clock.now())).toISOString();
    const tabs = ['toDispatch', 'toSign', 'inProgress', 'toVerify', 'dueSoon', 'overdue'];
    const pendingExtension = new Set(data.cases.filter((c) => c.extension_pending).map((c) => c.id));
    for (const who of ['chengguan', 'zhongdui', 'wuye', 'huamu', 'zhangjiang', 'pudong']) {
      const s = await t.login(who);
      const seen = new Map<string, { dueState: string; nextDueAt: string | null }>();
      for (const queue of tabs) {
        const res = await s.request({ method: 'GET', url: `/api/v1/cases?queue=${queue}&limit=500` });
        expect(res.statusCode, `${who} ${queue}`).toBe(200);
        for (const item of res.json().items) seen.set(item.id, item);
      }
      const items = [...seen.values()];
      expect(items.length, who).toBeGreaterThanOrEqual(10);
      expect(items.filter((i) => i.dueState === 'overdue').length, `${who} overdue`).toBeGreaterThan(0);
      expect(
        items.filter((i) => i.nextDueAt && i.nextDueAt <= today).length,
        `${who} due today`,
      ).toBeGreaterThan(0);
      expect(
        [...seen.keys()].filter((id) => pendingExtension.has(id)).length,
        `${who} extensions`,
      ).toBeGreaterThan(0);
    }
  }, 60_000);

  it('gives the KPIs something to say', async () => {
    const pudong = await t.login('pudong');
    const today = shanghaiDate(t.deps.clock.now());
    const res = await pudong.request({
      method: 'GET',
      url: `/api/v1/kpis/cases?groupBy=street&district=310115&from=${addDays(today, -365)}&to=${addDays(today, -1)}`,
    });
    expect(res.statusCode).toBe(200);
    const items: {
      total: number;
      onTimeRate: number | null;
      satisfactionRate: number | null;
      discoveryRate: number | null;
      repeatRate: number | null;
    }[] = res.json().items ?? res.json();
    expect(items.length).toBeGreaterThan(5);
    const total = items.reduce((s, i) => s + i.total, 0);
    expect(total).toBe(data.cases.length);
    const busy = items.filter((x) => x.total >= 30);
    expect(busy.length).toBeGreaterThan(3);
    for (const i of busy) {
      expect(i.onTimeRate!).toBeGreaterThan(0.5);
      expect(i.satisfactionRate!).toBeGreaterThan(0.6);
      expect(i.discoveryRate!).toBeGreaterThan(0);
    }
    // Rankings (红黑榜) have something to rank: the streets differ, and none is perfect on every count.
    const onTime = busy.map((i) => i.onTimeRate!);
    expect(Math.min(...onTime)).toBeLessThan(Math.max(...onTime));
    expect(Math.min(...onTime)).toBeLessThan(1);
    expect(Math.min(...busy.map((i) => i.satisfactionRate!))).toBeLessThan(1);
    expect(items.some((i) => (i.repeatRate ?? 0) > 0)).toBe(true);
  });
});

/** The state after an event, as cases.view stateOf would read it from the row the handler wrote. */
function next(
  s: CaseState,
  action: CaseAction,
  to: CaseStatus,
  dataJson: string,
  duties: { feedback: boolean },
): CaseState {
  const data = JSON.parse(dataJson) as { satisfaction?: Satisfaction };
  const n: CaseState = { ...s, status: to };
  // 拆违规定第五条: the feedback month runs from the dispatch to the department until the reporter is told.
  if ((action === 'dispatch' || action === 'redispatch') && duties.feedback) n.feedbackPending = true;
  if (action === 'feedBackReporter') n.feedbackPending = false;
  // 《规定》第五十九条: 劝阻、制止 failed → the report is due → reported.
  if (action === 'dissuasionFailed') n.violationReport = 'reportDue';
  if (action === 'reportViolation') n.violationReport = 'reported';
  if (action === 'suspend') n.statusBeforeSuspension = s.status;
  if (action === 'parkLongTerm') n.statusBeforeSuspension ??= s.status;
  if (action === 'resume' || action === 'unpark') n.statusBeforeSuspension = null;
  if (action === 'requestExtension') n.extensionPending = true;
  if (['approveExtension', 'refuseExtension', 'reportBack'].includes(action)) n.extensionPending = false;
  if (action === 'arriveOnSite') n.arrivedOnSite = true;
  if (action === 'revisit') n.satisfaction = data.satisfaction ?? null;
  if (action === 'reopen') {
    n.satisfaction = null;
    n.arrivedOnSite = false;
  }
  return n;
}
