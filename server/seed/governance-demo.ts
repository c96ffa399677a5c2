// Demo governance history (demo mode only): so that the street's overview shows what a real district looks
// like — most compounds with an owners' committee (in term, near 换届, expired, or not meeting), some forming
// their first assembly, some with nothing yet. Deterministic (seeded), dated relative to today, and consistent
// with the rules the service enforces: committee size and term (《规定》 Art 20), members who own in the
// compound, names posted and 备案 in the statutory order, meetings with attendance and resolutions posted
// within 3 days (Art 26), and a deadline row for every step (done or pending). The demo committee's compound
// (demo-accounts.ts demoCommitteeCompound, where the demo owner lives) gets one decision open for voting,
// opened through the decisions service like any other (notice 15 days before, roll frozen at opening).
import {
  addDays,
  addMonths,
  shanghaiDate,
  statutoryDeadline,
  type BusinessCalendar,
} from '../../domain/calendar.js';
import { PERIODS, resolutionAdopted, termEndsOn } from '../../domain/governance.js';
import type { Deps } from '../platform/deps.js';
import { bulkInserter, type BulkInserter } from '../platform/db/bulk.js';
import type { GovTaskTable } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { readWorkingCalendar } from '../platform/working-calendar.js';
import { addTask } from '../modules/governance/governance.common.js';
import { actOnDecision, createDecision } from '../modules/governance/decisions/decisions.service.js';
import type { Actor } from '../platform/http/context.js';
import { demoCommitteeCompound } from './demo-accounts.js';
import { seedGovernanceDuties, seedMeetingNotices } from './governance-duties-demo.js';
import { prng } from './synthetic.js';

const RESOLUTIONS = [
  '同意启动电梯维修询价',
  '同意更换小区门禁系统',
  '通过停车收费调整方案（提交业主大会）',
  '同意开展外墙渗漏排查',
  '通过年度工作计划',
  '同意公示上半年公共收益收支情况',
  '同意增设非机动车充电设施（征求业主意见）',
  '同意续聘专项维修资金审价单位',
];

interface CompoundFacts {
  id: string;
  street_code: string;
  district_code: string;
}

export interface GovernanceDemoResult {
  committees: number;
  formations: number;
  meetings: number;
  openDecisions: number;
}

/** Seeds governance history for every compound but `exclude` (kept untouched for the demo journeys). */
export async function seedGovernanceDemo(
  deps: Deps,
  exclude: ReadonlySet<string>,
  seed = 1,
): Promise<GovernanceDemoResult> {
  const db = deps.database.db;
  const r = prng(seed * 7919);
  const now = deps.clock.now().toISOString();
  const today = shanghaiDate(deps.clock.now());
  const compounds = (
    await db.selectFrom('compounds').select(['id', 'street_code', 'district_code']).orderBy('id').execute()
  ).filter((c) => !exclude.has(c.id));
  const people = new Map<string, { id: string; name: string }[]>();
  for (const o of await db
    .selectFrom('unit_owners')
    .innerJoin('owners', 'owners.id', 'unit_owners.owner_id')
    .select(['unit_owners.compound_id', 'owners.id', 'owners.name'])
    .where('owners.kind', '=', 'person')
    .orderBy('unit_owners.compound_id')
    .orderBy('owners.id')
    .execute()) {
    const list = people.get(o.compound_id) ?? [];
    if (list.length < 12 && !list.some((p) => p.id === o.id)) list.push({ id: o.id, name: o.name });
    people.set(o.compound_id, list);
  }
  const result: GovernanceDemoResult = { committees: 0, formations: 0, meetings: 0, openDecisions: 0 };
  await db.transaction().execute(async (trx) => {
    const { calendar: cal } = await readWorkingCalendar(trx);
    const bulk = bulkInserter(deps.database, trx);
    const ctx: SeedContext = { bulk, cal, today, now, tasks: [] };
    for (const c of compounds) {
      const p = r.next();
      const persons = people.get(c.id) ?? [];
      if (p < 0.1 || persons.length < 9) continue; // no assembly yet
      if (p < 0.18) {
        await seedFormation(ctx, c, r);
        result.formations++;
      } else {
        result.meetings += await seedCommittee(ctx, c, persons, r);
        result.committees++;
      }
    }
    await bulk.flush();
    // Pending deadlines through addTask, so their reminders are scheduled like any other.
    for (const t of ctx.tasks) await addTask(trx, cal, now, t);
  });
  if (await seedOpenDecision(deps)) result.openDecisions++;
  await seedGovernanceDuties(deps, SEED_ACTOR);
  return result;
}

/** The seed acting as the administrator, so the decision is created and opened by the service's own rules. */
export const SEED_ACTOR: Actor = {
  userId: 'seed',
  username: 'seed',
  displayName: '演示数据',
  grants: [{ role: 'admin', scopeType: 'city', scopeId: 'all' }],
  csrfToken: '',
  via: 'session',
};

/** A decision open for voting in the demo committee's compound: noticed 20 days ago, closing in 12 days. */
async function seedOpenDecision(deps: Deps): Promise<boolean> {
  const compound = await demoCommitteeCompound(deps);
  if (!compound) return false;
  const now = deps.clock.now().getTime();
  const day = 86_400_000;
  const d = await createDecision(
    deps,
    SEED_ACTOR,
    {
      compoundId: compound.id,
      scope: 'compound',
      buildingIds: [],
      matter: 'use_fund',
      method: 'written',
      title: '使用专项维修资金更换小区门禁系统',
      description:
        '小区门禁已使用十年，故障频繁。拟使用专项维修资金约 38 万元更换全部单元门禁，书面征求意见。',
      opensAt: new Date(now - 2 * day).toISOString(),
      closesAt: new Date(now + 12 * day).toISOString(),
      noticeDays: 15,
    },
    'zh-CN',
    'seed',
  );
  // 《规定》 Art 25 ¶2: the 房管办 and the 居委会 were told in writing when the owners were (20 days ago).
  await seedMeetingNotices(deps, SEED_ACTOR, d.id, addDays(shanghaiDate(deps.clock.now()), -20));
  await actOnDecision(
    deps,
    SEED_ACTOR,
    d.id,
    { action: 'open', version: d.version, noticePostedOn: addDays(shanghaiDate(deps.clock.now()), -20) },
    'zh-CN',
    'seed',
  );
  return true;
}

interface SeedContext {
  bulk: BulkInserter;
  cal: BusinessCalendar;
  today: string;
  now: string;
  /** Pending deadlines, added after the bulk rows they refer to. */
  tasks: Parameters<typeof addTask>[3][];
}

type Rng = ReturnType<typeof prng>;

/** A deadline row: done (written in bulk) or pending (queued for addTask). */
async function task(
  ctx: SeedContext,
  c: CompoundFacts,
  subject: { type: GovTaskTable['subject_type']; id: string },
  kind: string,
  responsible: GovTaskTable['responsible'],
  due: { from: string; amount: number; unit?: 'd' | 'm' } | { dueOn: string },
  legalRef: string,
  doneOn: string | null,
) {
  const spec = {
    compound: { id: c.id, street_code: c.street_code, district_code: c.district_code },
    subjectType: subject.type,
    subjectId: subject.id,
    kind,
    responsible,
    legalRef,
    ...('dueOn' in due ? { dueOn: due.dueOn } : { from: due.from, amount: due.amount, unit: due.unit }),
  };
  if (!doneOn) {
    ctx.tasks.push(spec);
    return;
  }
  const d =
    'dueOn' in due
      ? { lastDay: due.dueOn, nominalLastDay: due.dueOn }
      : statutoryDeadline(ctx.cal, due.from, due.amount, due.unit ?? 'd');
  await ctx.bulk.add('gov_tasks', {
    id: newId(),
    compound_id: c.id,
    district_code: c.district_code,
    street_code: c.street_code,
    subject_type: subject.type,
    subject_id: subject.id,
    kind,
    responsible,
    due_on: d.lastDay,
    nominal_due_on: d.nominalLastDay,
    done_on: doneOn,
    legal_ref: legalRef,
    created_at: ctx.now,
    updated_at: ctx.now,
    version: 1,
  });
}

/** A first assembly being formed: the developer reported recently; the street's 筹备组 is due. */
async function seedFormation(ctx: SeedContext, c: CompoundFacts, r: Rng) {
  const id = newId();
  const reportOn = addDays(ctx.today, -r.int(10, 75));
  const triggerOn = addDays(reportOn, -r.int(5, 28));
  await ctx.bulk.add('gov_formations', {
    id,
    compound_id: c.id,
    status: 'in_progress',
    trigger_kind: r.pick(['area', 'two_years'] as const),
    trigger_on: triggerOn,
    report_kind: 'developer',
    report_on: reportOn,
    group_formed_on: null,
    member_list_posted_on: null,
    meeting_planned_on: null,
    meeting_notice_posted_on: null,
    first_meeting_on: null,
    note: null,
    created_by: null,
    created_at: ctx.now,
    updated_at: ctx.now,
    version: 1,
  });
  const subject = { type: 'formation' as const, id };
  const p = PERIODS;
  await task(
    ctx,
    c,
    subject,
    'developer_report',
    'developer',
    { from: triggerOn, amount: p.developerReport.amount },
    p.developerReport.ref,
    reportOn,
  );
  await task(
    ctx,
    c,
    subject,
    'preparatory_group',
    'street',
    { from: reportOn, amount: p.preparatoryGroup.amount },
    p.preparatoryGroup.ref,
    null,
  );
}

/** A committee with its filing, members, meetings of the last year and deadlines; returns the meetings. */
async function seedCommittee(
  ctx: SeedContext,
  c: CompoundFacts,
  persons: { id: string; name: string }[],
  r: Rng,
): Promise<number> {
  const id = newId();
  const { today } = ctx;
  const termYears = r.pick([5, 5, 3]);
  // Elected between a month and a term plus ~5 months ago: about one in ten terms has run out without a
  // successor (expired), some are near 换届.
  const electedOn = addDays(today, -r.int(30, termYears * 365 + 150));
  const ends = termEndsOn(electedOn, termYears);
  const seats = r.pick([5, 5, 7, 7, 9]);
  const until = (d: string) => (d <= today ? d : null);
  const namesOn = until(addDays(electedOn, r.int(1, 3)));
  const submittedOn = until(addDays(electedOn, r.int(10, 28)));
  const decidedOn = submittedOn ? until(addDays(submittedOn, r.int(3, 18))) : null;
  // 受理 (Art 34) two days after submission, or on the decision day when that came sooner.
  const receivedOn = submittedOn
    ? decidedOn && decidedOn < addDays(submittedOn, 2)
      ? decidedOn
      : until(addDays(submittedOn, 2))
    : null;
  const reportDue = addMonths(ends, -PERIODS.reelectionReport.amount);
  const reportedOn = today >= reportDue && r.chance(0.5) ? until(addDays(reportDue, -r.int(0, 20))) : null;
  await ctx.bulk.add('committees', {
    id,
    compound_id: c.id,
    term_no: 1,
    seats,
    elected_on: electedOn,
    term_years: termYears,
    term_ends_on: ends,
    status: 'current',
    formation_id: null,
    election_decision_id: null,
    filing_status: decidedOn ? 'accepted' : submittedOn ? 'submitted' : 'none',
    filing_submitted_on: submittedOn,
    filing_decided_on: decidedOn,
    filing_note: null,
    reelection_reported_on: reportedOn,
    filing_received_on: receivedOn,
    created_by: null,
    created_at: ctx.now,
    updated_at: ctx.now,
    version: 1,
  });
  const memberIds: string[] = [];
  for (let i = 0; i < seats; i++) {
    const mid = newId();
    memberIds.push(mid);
    await ctx.bulk.add('committee_members', {
      id: mid,
      committee_id: id,
      owner_id: persons[i].id,
      name: persons[i].name,
      position: i === 0 ? 'chair' : i === 1 ? 'vice_chair' : 'member',
      undertaking_signed: 1,
      employed_by_manager: 0,
      trained_on: until(addDays(electedOn, r.int(5, 25))),
      joined_on: electedOn,
      by_election: 0,
      ended_on: null,
      end_reason: null,
      created_at: ctx.now,
      updated_at: ctx.now,
      version: 1,
    });
  }
  const subject = { type: 'committee' as const, id };
  const p = PERIODS;
  await task(
    ctx,
    c,
    subject,
    'election_notice',
    'group',
    { from: electedOn, amount: p.electionNotice.amount },
    p.electionNotice.ref,
    namesOn,
  );
  await task(
    ctx,
    c,
    subject,
    'committee_filing',
    'committee',
    { from: electedOn, amount: p.committeeFiling.amount },
    p.committeeFiling.ref,
    submittedOn,
  );
  if (receivedOn) {
    await task(
      ctx,
      c,
      subject,
      'filing_decision',
      'street',
      { from: receivedOn, amount: p.filingDecision.amount },
      p.filingDecision.ref,
      decidedOn,
    );
  }
  await task(
    ctx,
    c,
    subject,
    'reelection_report',
    'committee',
    { dueOn: reportDue },
    p.reelectionReport.ref,
    reportedOn,
  );
  if (reportedOn) {
    await task(
      ctx,
      c,
      subject,
      'reelection_group',
      'street',
      { from: reportedOn, amount: p.reelectionGroup.amount },
      p.reelectionGroup.ref,
      null,
    );
  }

  // Meetings of the last year, about every two months; one committee in seven stopped meeting months ago.
  const stopped = r.chance(0.14);
  const last = stopped ? addDays(today, -r.int(200, 330)) : today;
  let held = addDays(electedOn > addDays(today, -365) ? electedOn : addDays(today, -365), r.int(10, 40));
  let meetings = 0;
  while (held <= last && held < ends) {
    const mid = newId();
    const present = memberIds.filter(() => r.chance(0.88));
    const resolutions = Array.from({ length: r.int(0, 2) }, () => ({
      title: r.pick(RESOLUTIONS),
      signedBy: present,
    }));
    const adopted = resolutions.some((x) => resolutionAdopted(x.signedBy.length, seats));
    const postedOn = adopted ? until(addDays(held, r.int(1, 3))) : null;
    await ctx.bulk.add('committee_meetings', {
      id: mid,
      committee_id: id,
      held_on: held,
      kind: 'regular',
      minutes: '例会：通报物业服务情况，讨论业主意见。',
      expected_count: seats,
      present_count: present.length,
      quorate: 2 * present.length > seats ? 1 : 0,
      resolutions_json: JSON.stringify(resolutions),
      created_by: null,
      created_at: ctx.now,
      published_on: postedOn,
      rc_informed_on: postedOn,
    });
    for (const m of memberIds) {
      await ctx.bulk.add('committee_attendance', {
        meeting_id: mid,
        member_id: m,
        present: present.includes(m) ? 1 : 0,
      });
    }
    if (adopted) {
      await task(
        ctx,
        c,
        { type: 'meeting', id: mid },
        'resolution_notice',
        'committee',
        { from: held, amount: p.resolutionNotice.amount },
        p.resolutionNotice.ref,
        postedOn,
      );
    }
    meetings++;
    held = addDays(held, r.int(45, 68));
  }
  return meetings;
}
