// Assembly formation (业主大会筹备), owners' committees (业主委员会) and the street's view of both: the task
// queue of statutory deadlines and the overview of every compound's governance state. Each use case starts
// with its access check; every write runs in one transaction with its audit record.
import { formatAreaM2 } from '../../../domain/area.js';
import { addDays, addMonths, statutoryDeadline } from '../../../domain/calendar.js';
import {
  FORMATION_STEPS,
  PERIODS,
  absenceRecords,
  checkWorkingGroup,
  committeeHealth,
  committeeSizeProblem,
  eligibility,
  formationStepDue,
  frozenMatters,
  governanceState,
  latestNoticeDay,
  meetingQuorate,
  positionProblems,
  resolutionAdopted,
  termEndsOn,
  termProblem,
  type Eligibility,
  type GovProblem,
  type GroupMemberFacts,
  type TriggerResult,
} from '../../../domain/governance.js';
import type { CommitteeAction, FormationAction } from '../../../contracts/governance.js';
import type { Actor } from '../../platform/http/context.js';
import { auditActor } from '../../platform/http/context.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { message, type Locale } from '../../platform/http/messages.js';
import { decodeCursor, encodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { workingCalendar } from '../../platform/working-calendar.js';
import { isUniqueViolation, type Executor, type Tx } from '../../platform/db/database.js';
import type { CommitteeTable, GovFormationTable } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import * as repo from './governance.repo.js';
import {
  canActAsStreet,
  canManage,
  canView,
  requireManager,
  requireStreet,
  viewGrants,
  type CompoundPlace,
} from './governance.policy.js';
import {
  addResolutionNotice,
  canRecordArrears,
  changeFromMember,
  filingGapsOf,
  presentChange,
  presentOwnerGroups,
  presentTrainings,
} from './records.service.js';
import { writeCalendar } from '../../platform/ical.js';
import {
  addTask,
  presentTask,
  RESPONSIBLE_LABELS,
  taskKindLabel,
  rescheduleTaskReminders,
  requireNotBefore,
  requireNotFuture,
  throwProblems,
  todayOf,
  triggerFrom,
  visibleCommittee,
  visibleCompound,
  type CompoundRow,
} from './governance.common.js';

// ---------------------------------------------------------------------------------------------------------
// Trigger (《规定》 Art 13) from registry data

const presentTrigger = (t: TriggerResult, firstDeliveryOn: string | null) => ({
  met: t.met,
  kind: t.kind,
  on: t.on,
  soldDeliveredArea: formatAreaM2(t.soldDeliveredArea),
  totalArea: formatAreaM2(t.totalArea),
  areaMet: t.areaMet,
  areaReachedOn: t.areaReachedOn,
  twoYearsOn: t.twoYearsOn,
  firstDeliveryOn,
});

// ---------------------------------------------------------------------------------------------------------
// Eligibility of a candidate (Art 20 ¶2)

async function eligibilityOf(db: Executor, compoundId: string, ownerId: string, employedByManager: boolean) {
  const owner = await repo.ownerInCompound(db, compoundId, ownerId);
  const [cases, arrears] = owner
    ? await Promise.all([
        repo.openDisqualifyingCases(db, compoundId, ownerId),
        repo.arrearsFacts(db, compoundId, ownerId),
      ])
    : [[], { recorded: false, open: false }];
  const e = eligibility({
    isOwner: !!owner && owner.kind !== 'developer',
    openCases: cases.map((c) => ({
      caseNo: c.case_no,
      category: c.category_code as 'illegal_construction' | 'group_renting',
    })),
    employedByManager,
    // Checked only where the compound keeps arrears records (the property company or street enters them).
    unpaidFees: arrears.recorded ? arrears.open : null,
  });
  return { owner, e };
}

function reasonText(e: Eligibility, locale: Locale): string {
  return e.reasons
    .map((r) =>
      message(`governance.eligibility.${r.code}`, locale, { caseNos: (r.caseNos ?? []).join('、') }),
    )
    .join(locale === 'en' ? '; ' : '；');
}

/** The committee inside the transaction: it must be the one in term, and `on` not before its election. */
async function currentCommitteeOn(trx: Executor, id: string, on: string) {
  const k = (await repo.committee(trx, id))!;
  if (k.status !== 'current') throw new AppError('governance.filing_state', 409, { status: k.status });
  requireNotBefore(on, k.elected_on);
  return k;
}

export async function checkEligibility(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  q: { owner: string; employedByManager?: 'true' | 'false' },
  locale: Locale,
) {
  const db = deps.database.db;
  await visibleCompound(db, actor, compoundId);
  const { owner, e } = await eligibilityOf(db, compoundId, q.owner, q.employedByManager === 'true');
  if (!owner) throw notFound('registry.owner_not_found');
  return {
    ownerId: owner.id,
    name: owner.name,
    eligible: e.eligible,
    reasons: e.reasons.map((r) => ({
      code: r.code,
      caseNos: r.caseNos ?? [],
      message: message(`governance.eligibility.${r.code}`, locale, { caseNos: (r.caseNos ?? []).join('、') }),
    })),
    unchecked: e.unchecked.map((code) => ({
      code,
      message: message(`governance.eligibility.unchecked.${code}`, locale),
    })),
  };
}

/** Owner representatives of a group: owners of the compound, checked against Art 20 ¶2 (Art 15 ¶2). */
async function groupFacts(
  db: Executor,
  compoundId: string,
  members: readonly { name: string; role: GroupMemberFacts['role']; ownerId?: string; leader: boolean }[],
): Promise<GroupMemberFacts[]> {
  const out: GroupMemberFacts[] = [];
  for (const m of members) {
    if (m.role !== 'owner') {
      out.push({ name: m.name, role: m.role, leader: m.leader });
      continue;
    }
    if (!m.ownerId) throw new AppError('governance.group_owner_unknown', 400, { name: m.name });
    const { owner, e } = await eligibilityOf(db, compoundId, m.ownerId, false);
    if (!owner) throw new AppError('governance.group_owner_unknown', 400, { name: m.name });
    out.push({
      name: m.name,
      role: 'owner',
      leader: m.leader,
      disqualifications: e.reasons.map((r) => r.code),
    });
  }
  return out;
}

async function insertGroup(
  trx: Tx,
  c: CompoundPlace,
  kind: 'preparatory' | 'reelection',
  subjectId: string,
  on: string,
  members: readonly { name: string; role: GroupMemberFacts['role']; ownerId?: string; leader: boolean }[],
  now: string,
) {
  const id = newId();
  await trx
    .insertInto('gov_groups')
    .values({ id, compound_id: c.id, kind, subject_id: subjectId, formed_on: on, created_at: now })
    .execute();
  await trx
    .insertInto('gov_group_members')
    .values(
      members.map((m, i) => ({
        group_id: id,
        seq: i + 1,
        name: m.name,
        role: m.role,
        owner_id: m.ownerId ?? null,
        leader: m.leader ? 1 : 0,
      })),
    )
    .execute();
  return id;
}

type GroupRow = NonNullable<Awaited<ReturnType<typeof repo.groupOf>>>;
const presentGroup = (g: GroupRow | null) =>
  g && {
    id: g.id,
    kind: g.kind,
    formedOn: g.formed_on,
    members: g.members.map((m) => ({
      name: m.name,
      role: m.role,
      ownerId: m.owner_id,
      leader: m.leader === 1,
    })),
  };

// ---------------------------------------------------------------------------------------------------------
// Formation (Arts 13–16)

type FormationRow = GovFormationTable;

function formationActions(f: FormationRow, actor: Actor | null, c: CompoundPlace, unanswered: number) {
  if (f.status !== 'in_progress' || !canActAsStreet(actor, c)) return [];
  const out: string[] = [];
  if (!f.report_on) out.push('record_report');
  else if (!f.group_formed_on) out.push('form_group');
  else {
    if (!f.member_list_posted_on) out.push('post_member_list');
    if (!f.first_meeting_on) {
      if (!f.meeting_notice_posted_on) out.push('schedule_meeting');
      if (f.meeting_planned_on && !f.meeting_notice_posted_on) out.push('post_meeting_notice');
      out.push('record_objection');
      if (unanswered > 0) out.push('answer_objection');
      if (f.meeting_notice_posted_on && unanswered === 0) out.push('hold_first_meeting');
    }
  }
  out.push('cancel');
  return out as (
    | 'record_report'
    | 'form_group'
    | 'post_member_list'
    | 'schedule_meeting'
    | 'post_meeting_notice'
    | 'record_objection'
    | 'answer_objection'
    | 'hold_first_meeting'
    | 'cancel'
  )[];
}

async function presentFormation(
  db: Executor,
  actor: Actor | null,
  c: CompoundRow,
  f: FormationRow,
  today: string,
) {
  const [group, objections, tasks] = await Promise.all([
    repo.groupOf(db, f.id, 'preparatory'),
    repo.objections(db, f.id),
    repo.tasksOfSubjects(db, [f.id]),
  ]);
  const unanswered = objections.filter((o) => !o.answered_on).length;
  return {
    id: f.id,
    compoundId: f.compound_id,
    status: f.status,
    triggerKind: f.trigger_kind,
    triggerOn: f.trigger_on,
    reportKind: f.report_kind,
    reportOn: f.report_on,
    groupFormedOn: f.group_formed_on,
    memberListPostedOn: f.member_list_posted_on,
    meetingPlannedOn: f.meeting_planned_on,
    meetingNoticePostedOn: f.meeting_notice_posted_on,
    firstMeetingOn: f.first_meeting_on,
    note: f.note,
    group: presentGroup(group),
    objections: objections.map((o) => ({
      id: o.id,
      receivedOn: o.received_on,
      fromName: o.from_name,
      content: o.content,
      answer: o.answer,
      answeredOn: o.answered_on,
      version: o.version,
    })),
    steps: tasks.map((t) => presentTask(t, today)),
    allowedActions: formationActions(f, actor, c, unanswered),
    version: f.version,
  };
}

export async function startFormation(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  body: { triggerKind: 'detected' | 'owners_request'; requestedOn?: string; note?: string },
  requestId: string,
) {
  const db = deps.database.db;
  const c = await visibleCompound(db, actor, compoundId);
  requireStreet(actor, c);
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();
  const id = newId();
  try {
    await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
      await repo.lockCompound(trx, deps.database.dialect, c.id);
      if (await repo.currentCommittee(trx, c.id)) throw new AppError('governance.committee_exists', 409);
      const cal = (await workingCalendar(trx)).calendar;
      let triggerKind: GovFormationTable['trigger_kind'];
      let triggerOn: string;
      let reportOn: string | null = null;
      if (body.triggerKind === 'owners_request') {
        // Art 14 ¶2: the owners' written request stands in for the developer's report.
        triggerKind = 'owners_request';
        triggerOn = body.requestedOn ?? today;
        requireNotFuture(triggerOn, today);
        reportOn = triggerOn;
      } else {
        const { result } = triggerFrom(await repo.triggerFacts(trx, [c.id]), c.first_delivery_on, today);
        if (!result.met) throw badRequest('governance.trigger_not_met');
        triggerKind = result.kind!;
        triggerOn = result.on!;
      }
      const row: GovFormationTable = {
        id,
        compound_id: c.id,
        status: 'in_progress',
        trigger_kind: triggerKind,
        trigger_on: triggerOn,
        report_kind: reportOn ? 'owners_request' : null,
        report_on: reportOn,
        group_formed_on: null,
        member_list_posted_on: null,
        meeting_planned_on: null,
        meeting_notice_posted_on: null,
        first_meeting_on: null,
        note: body.note ?? null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      await trx.insertInto('gov_formations').values(row).execute();
      // The daily trigger scan may already have put the developer_report task on the compound: it moves here.
      if (!(await repo.moveDeveloperReportToFormation(trx, c.id, id, now))) {
        await addTask(trx, cal, now, {
          compound: c,
          subjectType: 'formation',
          subjectId: id,
          kind: 'developer_report',
          responsible: 'developer',
          from: triggerOn,
          amount: PERIODS.developerReport.amount,
          legalRef: PERIODS.developerReport.ref,
        });
      }
      if (reportOn) {
        await repo.completeTask(trx, id, 'developer_report', reportOn, now);
        await addTask(trx, cal, now, {
          compound: c,
          subjectType: 'formation',
          subjectId: id,
          kind: 'preparatory_group',
          responsible: 'street',
          from: reportOn,
          amount: PERIODS.preparatoryGroup.amount,
          legalRef: PERIODS.preparatoryGroup.ref,
        });
      }
      await audit({
        action: 'governance.formation.start',
        targetType: 'formation',
        targetId: id,
        after: row,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('governance.formation_exists', 409);
    throw err;
  }
  return getCompoundGovernance(deps, actor, compoundId);
}

export async function actOnFormation(
  deps: Deps,
  actor: Actor,
  formationId: string,
  body: FormationAction,
  requestId: string,
) {
  const db = deps.database.db;
  const f0 = await repo.formation(db, formationId);
  if (!f0) throw notFound('governance.formation_not_found');
  const c = await repo.compound(db, f0.compound_id);
  if (!c || !canView(actor, c)) throw notFound('governance.formation_not_found');
  requireStreet(actor, c);
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();

  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const f = (await repo.formation(trx, formationId))!;
    if (f.version !== body.version) throw conflict('common.version_conflict', { currentVersion: f.version });
    if (f.status !== 'in_progress') throw new AppError('governance.formation_closed', 409);
    const cal = (await workingCalendar(trx)).calendar;
    const step = (name: string) => new AppError('governance.step_order', 409, { step: name });
    const task = (
      kind: string,
      from: string,
      period: { amount: number; ref: string },
      responsible: 'street' | 'group',
    ) =>
      addTask(trx, cal, now, {
        compound: c,
        subjectType: 'formation',
        subjectId: f.id,
        kind,
        responsible,
        from,
        amount: period.amount,
        legalRef: period.ref,
      });
    const changes: Partial<GovFormationTable> = {};
    const after: Record<string, unknown> = { action: body.action };

    switch (body.action) {
      case 'record_report': {
        if (f.report_on)
          throw new AppError('governance.decision_invalid_status', 409, {
            status: 'reported',
            action: body.action,
          });
        requireNotFuture(body.on, today);
        requireNotBefore(body.on, f.trigger_on);
        Object.assign(changes, { report_on: body.on, report_kind: body.reportKind });
        await repo.completeTask(trx, f.id, 'developer_report', body.on, now);
        await task('preparatory_group', body.on, PERIODS.preparatoryGroup, 'street');
        break;
      }
      case 'form_group': {
        if (!f.report_on) throw step('record_report');
        if (f.group_formed_on)
          throw new AppError('governance.decision_invalid_status', 409, {
            status: 'group_formed',
            action: body.action,
          });
        requireNotFuture(body.on, today);
        requireNotBefore(body.on, f.report_on);
        throwProblems(checkWorkingGroup('preparatory', await groupFacts(trx, c.id, body.members)));
        await insertGroup(trx, c, 'preparatory', f.id, body.on, body.members, now);
        changes.group_formed_on = body.on;
        await repo.completeTask(trx, f.id, 'preparatory_group', body.on, now);
        await task('member_list_notice', body.on, PERIODS.memberListNotice, 'group');
        const meetingDue = formationStepDue(cal, 'first_meeting', body.on);
        await task('first_meeting', body.on, PERIODS.firstMeeting, 'group');
        await addTask(trx, cal, now, {
          compound: c,
          subjectType: 'formation',
          subjectId: f.id,
          kind: 'pre_meeting_notice',
          responsible: 'group',
          dueOn: latestNoticeDay(meetingDue.lastDay, PERIODS.preMeetingNotice.amount),
          legalRef: PERIODS.preMeetingNotice.ref,
        });
        after.members = body.members.length;
        break;
      }
      case 'post_member_list': {
        if (!f.group_formed_on) throw step('form_group');
        requireNotFuture(body.on, today);
        requireNotBefore(body.on, f.group_formed_on);
        changes.member_list_posted_on = body.on;
        await repo.completeTask(trx, f.id, 'member_list_notice', body.on, now);
        break;
      }
      case 'schedule_meeting': {
        if (!f.group_formed_on) throw step('form_group');
        if (f.meeting_notice_posted_on)
          throw new AppError('governance.decision_invalid_status', 409, {
            status: 'noticed',
            action: body.action,
          });
        requireNotBefore(body.meetingOn, f.group_formed_on);
        changes.meeting_planned_on = body.meetingOn;
        const latest = latestNoticeDay(body.meetingOn, PERIODS.preMeetingNotice.amount);
        await repo.updateTaskDue(
          trx,
          f.id,
          'pre_meeting_notice',
          { due_on: latest, nominal_due_on: latest },
          now,
        );
        await rescheduleTaskReminders(trx, deps.clock, f.id, 'pre_meeting_notice');
        break;
      }
      case 'post_meeting_notice': {
        if (!f.meeting_planned_on) throw step('schedule_meeting');
        requireNotFuture(body.on, today);
        requireNotBefore(body.on, f.group_formed_on);
        const latest = latestNoticeDay(f.meeting_planned_on, PERIODS.preMeetingNotice.amount);
        if (body.on > latest) throw new AppError('governance.meeting_notice_late', 400, { latest });
        changes.meeting_notice_posted_on = body.on;
        await repo.completeTask(trx, f.id, 'pre_meeting_notice', body.on, now);
        break;
      }
      case 'record_objection': {
        if (!f.group_formed_on) throw step('form_group');
        requireNotFuture(body.receivedOn, today);
        const oid = newId();
        await trx
          .insertInto('gov_objections')
          .values({
            id: oid,
            formation_id: f.id,
            received_on: body.receivedOn,
            from_name: body.fromName,
            content: body.content,
            answer: null,
            answered_on: null,
            created_at: now,
            updated_at: now,
            version: 1,
          })
          .execute();
        after.objection = oid;
        break;
      }
      case 'answer_objection': {
        requireNotFuture(body.on, today);
        const r = await trx
          .updateTable('gov_objections')
          .set((eb) => ({
            answer: body.answer,
            answered_on: body.on,
            updated_at: now,
            version: eb('version', '+', 1),
          }))
          .where('id', '=', body.objectionId)
          .where('formation_id', '=', f.id)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw notFound('governance.objection_not_found');
        after.objection = body.objectionId;
        break;
      }
      case 'hold_first_meeting': {
        if (!f.meeting_notice_posted_on) throw step('post_meeting_notice');
        requireNotFuture(body.on, today);
        requireNotBefore(body.on, addDays(f.meeting_notice_posted_on, PERIODS.preMeetingNotice.amount));
        const open = (await repo.objections(trx, f.id)).filter((o) => !o.answered_on).length;
        if (open > 0) throw new AppError('governance.objections_unanswered', 409, { count: open });
        changes.first_meeting_on = body.on;
        await repo.completeTask(trx, f.id, 'first_meeting', body.on, now);
        break;
      }
      case 'cancel': {
        Object.assign(changes, { status: 'cancelled', note: body.note });
        await repo.closeTasksOf(trx, f.id, today, now);
        break;
      }
    }
    await trx
      .updateTable('gov_formations')
      .set({ ...changes, updated_at: now, version: f.version + 1 })
      .where('id', '=', f.id)
      .where('version', '=', f.version)
      .execute();
    await audit({
      action: `governance.formation.${body.action}`,
      targetType: 'formation',
      targetId: f.id,
      before: f,
      after: { ...after, ...changes },
    });
  });
  return getCompoundGovernance(deps, actor, f0.compound_id);
}

// ---------------------------------------------------------------------------------------------------------
// Committees (Arts 20–32)

type CommitteeRow = CommitteeTable;

async function committeeFacts(db: Executor, k: CommitteeRow, today: string) {
  const [members, meetings] = await Promise.all([repo.members(db, k.id), repo.meetings(db, k.id)]);
  const att = await repo.attendance(
    db,
    meetings.map((m) => m.id),
  );
  const attendanceOf = new Map<string, { expected: string[]; present: string[] }>();
  for (const a of att) {
    let x = attendanceOf.get(a.meeting_id);
    if (!x) attendanceOf.set(a.meeting_id, (x = { expected: [], present: [] }));
    x.expected.push(a.member_id);
    if (a.present === 1) x.present.push(a.member_id);
  }
  const active = members.filter((m) => !m.ended_on || m.ended_on > today);
  const health = committeeHealth({
    seats: k.seats,
    activeMembers: active.length,
    electedOn: k.elected_on,
    termEndsOn: k.term_ends_on,
    lastMeetingOn: meetings[0]?.held_on ?? null,
    succeeded: k.status !== 'current',
    today,
  });
  const absence = absenceRecords(
    meetings.map((m) => ({
      heldOn: m.held_on,
      ...(attendanceOf.get(m.id) ?? { expected: [], present: [] }),
    })),
    members.map((m) => m.id),
    today,
  );
  return { members, active, meetings, attendanceOf, health, absence };
}

async function presentCommittee(deps: Deps, actor: Actor | null, c: CompoundRow, k: CommitteeRow) {
  const db = deps.database.db;
  const today = todayOf(deps);
  const facts = await committeeFacts(db, k, today);
  const changes = await repo.changesOf(db, k.id);
  const [tasks, group] = await Promise.all([
    repo.tasksOfSubjects(db, [k.id, ...facts.meetings.map((m) => m.id), ...changes.map((x) => x.id)]),
    repo.groupOf(db, k.id, 'reelection'),
  ]);
  const taskOf = (subjectId: string, kind: string) =>
    tasks.find((t) => t.subject_id === subjectId && t.kind === kind);
  const street = canActAsStreet(actor, c);
  const manager = canManage(actor, c);
  const current = k.status === 'current';
  const actions: (
    | 'post_names'
    | 'submit_filing'
    | 'decide_filing'
    | 'report_reelection'
    | 'form_reelection_group'
    | 'hand_over_records'
    | 'return_records'
  )[] = [];
  const namesPending = tasks.some((x) => x.kind === 'election_notice' && !x.done_on);
  if (current && manager && namesPending) actions.push('post_names');
  if (current && manager && (k.filing_status === 'none' || k.filing_status === 'rejected'))
    actions.push('submit_filing');
  if (current && street && k.filing_status === 'submitted') actions.push('decide_filing');
  if (current && manager && !k.reelection_reported_on) actions.push('report_reelection');
  if (
    current &&
    street &&
    !group &&
    (!!k.reelection_reported_on || facts.health.reelectionReminder || facts.health.earlyReelection.length > 0)
  ) {
    actions.push('form_reelection_group');
  }
  const pending = (kind: string) => tasks.some((x) => x.subject_id === k.id && x.kind === kind && !x.done_on);
  if (current && manager && pending('records_handover')) actions.push('hand_over_records');
  if (current && street && pending('records_return')) actions.push('return_records');
  const absenceOf = new Map(facts.absence.map((a) => [a.memberId, a]));
  // Art 31 (一) and Art 20 ¶2 while serving: a member who no longer owns in the compound, or who now has an
  // open 违法搭建/群租 case or arrears, is flagged for the committee and the street to act on.
  const flagsOf = new Map<string, Eligibility['reasons'][number]['code'][]>();
  if (current) {
    for (const m of facts.active) {
      const { e } = await eligibilityOf(db, k.compound_id, m.owner_id, false);
      flagsOf.set(
        m.id,
        e.reasons.map((r) => r.code),
      );
    }
  }
  return {
    id: k.id,
    compoundId: k.compound_id,
    compoundName: c.name,
    termNo: k.term_no,
    seats: k.seats,
    electedOn: k.elected_on,
    termYears: k.term_years,
    termEndsOn: k.term_ends_on,
    status: k.status,
    filingStatus: k.filing_status,
    filingSubmittedOn: k.filing_submitted_on,
    filingDecidedOn: k.filing_decided_on,
    filingNote: k.filing_note,
    reelectionReportedOn: k.reelection_reported_on,
    members: facts.members.map((m) => {
      const a = absenceOf.get(m.id)!;
      return {
        id: m.id,
        ownerId: m.owner_id,
        name: m.name,
        position: m.position,
        undertakingSigned: m.undertaking_signed === 1,
        employedByManager: m.employed_by_manager === 1,
        trainedOn: m.trained_on,
        joinedOn: m.joined_on,
        byElection: m.by_election === 1,
        endedOn: m.ended_on,
        endReason: m.end_reason as never,
        absence: { meetings: a.meetings, absences: a.absences, flagged: a.flagged && !m.ended_on },
        flags: flagsOf.get(m.id) ?? [],
        version: m.version,
      };
    }),
    meetings: facts.meetings.map((m) => {
      const att = facts.attendanceOf.get(m.id) ?? { expected: [], present: [] };
      const resolutions = JSON.parse(m.resolutions_json) as { title: string; signedBy: string[] }[];
      return {
        id: m.id,
        heldOn: m.held_on,
        kind: m.kind,
        minutes: m.minutes,
        expectedCount: m.expected_count,
        presentCount: m.present_count,
        quorate: m.quorate === 1,
        resolutions: resolutions.map((r) => ({
          title: r.title,
          signatures: r.signedBy.length,
          adopted: resolutionAdopted(r.signedBy.length, m.expected_count),
        })),
        absentMemberIds: att.expected.filter((x) => !att.present.includes(x)),
        publishDueOn: taskOf(m.id, 'resolution_notice')?.due_on ?? null,
        publishedOn: m.published_on,
        rcInformedOn: m.rc_informed_on,
      };
    }),
    reelectionGroup: presentGroup(group),
    health: facts.health,
    state: governanceState({ formationInProgress: false, committee: current ? facts.health : null }),
    frozenMatters: frozenMatters(k.status === 'current' && !!group),
    filingGaps: filingGapsOf(facts.active, !namesPending),
    changes: changes.map((x) => presentChange(x, taskOf(x.id, 'change_filing')?.due_on)),
    trainings: await presentTrainings(db, k.id, new Map(facts.members.map((m) => [m.id, m.name]))),
    tasks: tasks.map((t) => presentTask(t, today)),
    allowedActions: actions,
    canManage: manager && current,
    version: k.version,
  };
}

export async function getCommittee(deps: Deps, actor: Actor, id: string) {
  const { k, c } = await visibleCommittee(deps.database.db, actor, id);
  return presentCommittee(deps, actor, c, k);
}

interface MemberInput {
  ownerId: string;
  position: 'chair' | 'vice_chair' | 'member';
  undertakingSigned: boolean;
  employedByManager: boolean;
  trainedOn?: string;
}

/** Checks a member (Art 20 ¶2–3) and returns the owner's name; 400 with the reasons otherwise. */
async function admitMember(db: Executor, c: CompoundRow, m: MemberInput, locale: Locale): Promise<string> {
  const { owner, e } = await eligibilityOf(db, c.id, m.ownerId, m.employedByManager);
  if (!owner) throw new AppError('governance.owner_not_in_compound', 400, { id: m.ownerId });
  if (!e.eligible) {
    throw new AppError(
      'governance.member_ineligible',
      400,
      { name: owner.name, reasons: reasonText(e, locale) },
      e.reasons,
    );
  }
  if (!m.undertakingSigned) throw new AppError('governance.undertaking_missing', 400, { name: owner.name });
  return owner.name;
}

async function insertMember(
  trx: Tx,
  committeeId: string,
  m: MemberInput,
  name: string,
  on: string,
  byElection: boolean,
  now: string,
) {
  const id = newId();
  await trx
    .insertInto('committee_members')
    .values({
      id,
      committee_id: committeeId,
      owner_id: m.ownerId,
      name,
      position: m.position,
      undertaking_signed: m.undertakingSigned ? 1 : 0,
      employed_by_manager: m.employedByManager ? 1 : 0,
      trained_on: m.trainedOn ?? null,
      joined_on: on,
      by_election: byElection ? 1 : 0,
      ended_on: null,
      end_reason: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

/** Records an election (首次 or 换届): the street office, after the 业主大会 elected the committee. */
export async function recordCommittee(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  body: {
    electedOn: string;
    termYears: number;
    seats: number;
    formationId?: string;
    electionDecisionId?: string;
    members: MemberInput[];
  },
  locale: Locale,
  requestId: string,
) {
  const db = deps.database.db;
  const c = await visibleCompound(db, actor, compoundId);
  requireStreet(actor, c);
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();
  requireNotFuture(body.electedOn, today);
  const problems: GovProblem[] = [];
  const size = committeeSizeProblem(body.seats, c.building_area);
  if (size) problems.push(size);
  const term = termProblem(body.termYears);
  if (term) problems.push(term);
  problems.push(...positionProblems(body.members.map((m) => ({ key: m.ownerId, position: m.position }))));
  throwProblems(problems);
  if (body.members.length > body.seats) {
    throw badRequest('governance.members_exceed_seats', { members: body.members.length, seats: body.seats });
  }
  if (2 * body.members.length <= body.seats) {
    throw badRequest('governance.members_below_half', { members: body.members.length, seats: body.seats });
  }
  const id = newId();
  try {
    await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
      const cal = (await workingCalendar(trx)).calendar;
      const names: string[] = [];
      for (const m of body.members) names.push(await admitMember(trx, c, m, locale));

      // A successor (换届 / 提前换届) needs the re-election group, or an expired / failing committee.
      const old = await repo.currentCommittee(trx, c.id);
      if (old) {
        const facts = await committeeFacts(trx, old, today);
        const group = await repo.groupOf(trx, old.id, 'reelection');
        if (!group && !facts.health.expired && facts.health.earlyReelection.length === 0) {
          throw new AppError('governance.committee_exists', 409);
        }
        requireNotBefore(body.electedOn, old.elected_on);
      }
      // The first committee after a formation is elected at (or after) the first meeting.
      const formation = await repo.activeFormation(trx, c.id);
      const forming = formation && formation.status === 'in_progress' ? formation : null;
      if (forming) {
        if (!forming.first_meeting_on)
          throw new AppError('governance.step_order', 409, { step: 'hold_first_meeting' });
        requireNotBefore(body.electedOn, forming.first_meeting_on);
      }
      const termNo = (await repo.lastTermNo(trx, c.id)) + 1;
      const row: CommitteeRow = {
        id,
        compound_id: c.id,
        term_no: termNo,
        seats: body.seats,
        elected_on: body.electedOn,
        term_years: body.termYears,
        term_ends_on: termEndsOn(body.electedOn, body.termYears),
        status: 'current',
        formation_id: forming?.id ?? body.formationId ?? null,
        election_decision_id: body.electionDecisionId ?? null,
        filing_status: 'none',
        filing_submitted_on: null,
        filing_decided_on: null,
        filing_note: null,
        reelection_reported_on: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      if (old) {
        await trx
          .updateTable('committees')
          .set({ status: 'succeeded', updated_at: now, version: old.version + 1 })
          .where('id', '=', old.id)
          .execute();
        await repo.completeTask(trx, old.id, 'reelection_election', body.electedOn, now);
        await repo.closeCommitteeTasks(trx, old.id, body.electedOn, now);
        await trx
          .updateTable('committee_members')
          .set({ ended_on: body.electedOn, end_reason: 'term_end', updated_at: now })
          .where('committee_id', '=', old.id)
          .where('ended_on', 'is', null)
          .execute();
      }
      await trx.insertInto('committees').values(row).execute();
      for (let i = 0; i < body.members.length; i++) {
        await insertMember(trx, id, body.members[i], names[i], body.electedOn, false, now);
      }
      if (forming) {
        await trx
          .updateTable('gov_formations')
          .set({ status: 'completed', updated_at: now, version: forming.version + 1 })
          .where('id', '=', forming.id)
          .execute();
        await repo.closeTasksOf(trx, forming.id, body.electedOn, now);
      }
      const base = { compound: c, subjectType: 'committee' as const, subjectId: id };
      await addTask(trx, cal, now, {
        ...base,
        kind: 'election_notice',
        responsible: 'group',
        from: body.electedOn,
        amount: PERIODS.electionNotice.amount,
        legalRef: PERIODS.electionNotice.ref,
      });
      await addTask(trx, cal, now, {
        ...base,
        kind: 'committee_filing',
        responsible: 'committee',
        from: body.electedOn,
        amount: PERIODS.committeeFiling.amount,
        legalRef: PERIODS.committeeFiling.ref,
      });
      await addTask(trx, cal, now, {
        ...base,
        kind: 'reelection_report',
        responsible: 'committee',
        dueOn: addMonths(row.term_ends_on, -PERIODS.reelectionReport.amount),
        legalRef: PERIODS.reelectionReport.ref,
      });
      await audit({
        action: 'governance.committee.record',
        targetType: 'committee',
        targetId: id,
        after: {
          ...row,
          members: body.members.map((m, i) => ({ ...m, name: names[i] })),
          succeeds: old?.id ?? null,
        },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('governance.committee_exists', 409);
    throw err;
  }
  return getCommittee(deps, actor, id);
}

export async function actOnCommittee(
  deps: Deps,
  actor: Actor,
  id: string,
  body: CommitteeAction,
  requestId: string,
) {
  const db = deps.database.db;
  const { c } = await visibleCommittee(db, actor, id);
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();
  if (
    body.action === 'decide_filing' ||
    body.action === 'form_reelection_group' ||
    body.action === 'return_records'
  )
    requireStreet(actor, c);
  else requireManager(actor, c);
  if ('on' in body) requireNotFuture(body.on, today);

  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const k = (await repo.committee(trx, id))!;
    if (k.version !== body.version) throw conflict('common.version_conflict', { currentVersion: k.version });
    if (k.status !== 'current') throw new AppError('governance.filing_state', 409, { status: k.status });
    const cal = (await workingCalendar(trx)).calendar;
    const changes: Partial<CommitteeRow> = {};
    const base = { compound: c, subjectType: 'committee' as const, subjectId: id };
    switch (body.action) {
      case 'post_names': {
        requireNotBefore(body.on, k.elected_on);
        if (!(await repo.completeTask(trx, id, 'election_notice', body.on, now))) {
          throw new AppError('governance.filing_state', 409, { status: 'posted' });
        }
        break;
      }
      case 'submit_filing': {
        if (k.filing_status !== 'none' && k.filing_status !== 'rejected') {
          throw new AppError('governance.filing_state', 409, { status: k.filing_status });
        }
        requireNotBefore(body.on, k.elected_on);
        Object.assign(changes, { filing_status: 'submitted', filing_submitted_on: body.on });
        await repo.completeTask(trx, id, 'committee_filing', body.on, now);
        const due = statutoryDeadline(cal, body.on, PERIODS.filingDecision.amount);
        if (k.filing_status === 'rejected') {
          await repo.reopenTask(
            trx,
            id,
            'filing_decision',
            { due_on: due.lastDay, nominal_due_on: due.nominalLastDay },
            now,
          );
          await rescheduleTaskReminders(trx, deps.clock, id, 'filing_decision');
        } else {
          await addTask(trx, cal, now, {
            ...base,
            kind: 'filing_decision',
            responsible: 'street',
            from: body.on,
            amount: PERIODS.filingDecision.amount,
            legalRef: PERIODS.filingDecision.ref,
          });
        }
        break;
      }
      case 'decide_filing': {
        if (k.filing_status !== 'submitted')
          throw new AppError('governance.filing_state', 409, { status: k.filing_status });
        requireNotBefore(body.on, k.filing_submitted_on);
        Object.assign(changes, {
          filing_status: body.accepted ? 'accepted' : 'rejected',
          filing_decided_on: body.on,
          filing_note: body.note ?? null,
        });
        await repo.completeTask(trx, id, 'filing_decision', body.on, now);
        // Art 29 ¶2: after a 换届 filing the 房管机构 returns the kept records to the new committee in 10 days.
        if (body.accepted && k.term_no > 1) {
          await addTask(trx, cal, now, {
            ...base,
            kind: 'records_return',
            responsible: 'street',
            from: body.on,
            amount: PERIODS.recordsReturn.amount,
            legalRef: PERIODS.recordsReturn.ref,
          });
        }
        break;
      }
      case 'report_reelection': {
        if (k.reelection_reported_on)
          throw new AppError('governance.filing_state', 409, { status: 'reported' });
        changes.reelection_reported_on = body.on;
        await repo.completeTask(trx, id, 'reelection_report', body.on, now);
        await addTask(trx, cal, now, {
          ...base,
          kind: 'reelection_group',
          responsible: 'street',
          from: body.on,
          amount: PERIODS.reelectionGroup.amount,
          legalRef: PERIODS.reelectionGroup.ref,
        });
        break;
      }
      case 'form_reelection_group': {
        if (await repo.groupOf(trx, id, 'reelection'))
          throw new AppError('governance.filing_state', 409, { status: 'group_formed' });
        const facts = await committeeFacts(trx, k, today);
        const due =
          !!k.reelection_reported_on ||
          facts.health.reelectionReminder ||
          facts.health.earlyReelection.length > 0;
        if (!due) throw new AppError('governance.reelection_state', 409);
        throwProblems(checkWorkingGroup('reelection', await groupFacts(trx, c.id, body.members)));
        await insertGroup(trx, c, 'reelection', id, body.on, body.members, now);
        await repo.completeTask(trx, id, 'reelection_group', body.on, now);
        // Art 28: elect the new committee before the term ends; an early re-election has no statutory day.
        const electBy =
          k.term_ends_on >= body.on
            ? k.term_ends_on
            : statutoryDeadline(cal, body.on, PERIODS.firstMeeting.amount).lastDay;
        await addTask(trx, cal, now, {
          ...base,
          kind: 'reelection_election',
          responsible: 'group',
          dueOn: electBy,
          legalRef: '《规定》 Art 28 ¶1, Art 32 ¶3',
        });
        // Art 29 ¶1: the old committee hands its records, seals and property to the 房管机构 within 10 days.
        await addTask(trx, cal, now, {
          ...base,
          kind: 'records_handover',
          responsible: 'committee',
          from: body.on,
          amount: PERIODS.recordsHandover.amount,
          legalRef: PERIODS.recordsHandover.ref,
        });
        break;
      }
      case 'hand_over_records': {
        if (!(await repo.completeTask(trx, id, 'records_handover', body.on, now)))
          throw new AppError('governance.filing_state', 409, { status: 'handed_over' });
        break;
      }
      case 'return_records': {
        if (!(await repo.completeTask(trx, id, 'records_return', body.on, now)))
          throw new AppError('governance.filing_state', 409, { status: 'returned' });
        break;
      }
    }
    await trx
      .updateTable('committees')
      .set({ ...changes, updated_at: now, version: k.version + 1 })
      .where('id', '=', id)
      .where('version', '=', k.version)
      .execute();
    await audit({
      action: `governance.committee.${body.action}`,
      targetType: 'committee',
      targetId: id,
      before: k,
      after: { ...body, ...changes },
    });
  });
  return getCommittee(deps, actor, id);
}

export async function recordMeeting(
  deps: Deps,
  actor: Actor,
  id: string,
  body: {
    heldOn: string;
    kind: 'regular' | 'extraordinary';
    minutes: string;
    attendance: { memberId: string; present: boolean }[];
    resolutions: { title: string; signedBy: string[] }[];
  },
  requestId: string,
) {
  const db = deps.database.db;
  const { c } = await visibleCommittee(db, actor, id);
  requireManager(actor, c);
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();
  requireNotFuture(body.heldOn, today);
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await currentCommitteeOn(trx, id, body.heldOn);
    // Every member serving on that day, exactly once (no proxies: Art 26 ¶2).
    const serving = (await repo.members(trx, id)).filter(
      (m) => m.joined_on <= body.heldOn && (!m.ended_on || m.ended_on > body.heldOn),
    );
    const listed = body.attendance.map((a) => a.memberId);
    const servingIds = new Set(serving.map((m) => m.id));
    if (
      new Set(listed).size !== listed.length ||
      listed.length !== serving.length ||
      listed.some((x) => !servingIds.has(x))
    ) {
      throw badRequest('governance.attendance_mismatch');
    }
    for (const r of body.resolutions) {
      if (r.signedBy.some((x) => !servingIds.has(x)) || new Set(r.signedBy).size !== r.signedBy.length) {
        throw badRequest('governance.signer_not_member');
      }
    }
    const present = body.attendance.filter((a) => a.present).length;
    const mid = newId();
    await trx
      .insertInto('committee_meetings')
      .values({
        id: mid,
        committee_id: id,
        held_on: body.heldOn,
        kind: body.kind,
        minutes: body.minutes,
        expected_count: serving.length,
        present_count: present,
        quorate: meetingQuorate(present, serving.length) ? 1 : 0,
        resolutions_json: JSON.stringify(body.resolutions),
        created_by: actor.userId,
        created_at: now,
      })
      .execute();
    await trx
      .insertInto('committee_attendance')
      .values(
        body.attendance.map((a) => ({ meeting_id: mid, member_id: a.memberId, present: a.present ? 1 : 0 })),
      )
      .execute();
    await addResolutionNotice(trx, (await workingCalendar(trx)).calendar, now, c, {
      id: mid,
      heldOn: body.heldOn,
      expected: serving.length,
      resolutions: body.resolutions,
    });
    await audit({
      action: 'governance.committee.meeting',
      targetType: 'committee',
      targetId: id,
      after: {
        meeting: mid,
        heldOn: body.heldOn,
        present,
        expected: serving.length,
        resolutions: body.resolutions.length,
      },
    });
  });
  return getCommittee(deps, actor, id);
}

export async function byElect(
  deps: Deps,
  actor: Actor,
  id: string,
  body: MemberInput & { on: string },
  locale: Locale,
  requestId: string,
) {
  const db = deps.database.db;
  const { c } = await visibleCommittee(db, actor, id);
  requireStreet(actor, c);
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();
  requireNotFuture(body.on, today);
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const k = await currentCommitteeOn(trx, id, body.on);
    const facts = await committeeFacts(trx, k, body.on);
    // Art 32 ¶1: fewer than the seats but more than half.
    if (!facts.health.byElectionAllowed) {
      throw new AppError('governance.by_election_not_allowed', 409, {
        members: facts.active.length,
        seats: k.seats,
      });
    }
    if (facts.active.some((m) => m.owner_id === body.ownerId))
      throw badRequest('governance.committee_member_duplicate');
    if (body.position === 'chair' && facts.active.some((m) => m.position === 'chair')) {
      throwProblems([{ code: 'committee_chair_count', params: { count: 2 } }]);
    }
    const name = await admitMember(trx, c, body, locale);
    const mid = await insertMember(trx, id, body, name, body.on, true, now);
    await trx
      .updateTable('committees')
      .set({ updated_at: now, version: k.version + 1 })
      .where('id', '=', id)
      .execute();
    await changeFromMember(trx, now, k, c, { id: mid, name }, body.on, '补选为委员', actor.userId);
    await audit({
      action: 'governance.committee.by_election',
      targetType: 'committee',
      targetId: id,
      after: { member: mid, ...body, name },
    });
  });
  return getCommittee(deps, actor, id);
}

/** Art 31 grounds, as the change filing names them. */
const END_REASON_ZH: Record<string, string> = {
  not_owner: '不再是业主',
  resigned: '书面辞职',
  unable: '因健康等原因不能履职',
  refused_to_convene: '拒不履行召集会议职责',
  absence: '一年内缺席会议过半',
  breach: '违反承诺',
  term_end: '任期届满',
};

export async function endMembership(
  deps: Deps,
  actor: Actor,
  id: string,
  memberId: string,
  body: { version: number; on: string; reason: string },
  requestId: string,
) {
  const db = deps.database.db;
  const { c } = await visibleCommittee(db, actor, id);
  requireManager(actor, c);
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();
  requireNotFuture(body.on, today);
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const m = await trx
      .selectFrom('committee_members')
      .selectAll()
      .where('id', '=', memberId)
      .where('committee_id', '=', id)
      .executeTakeFirst();
    if (!m) throw notFound('governance.member_not_found');
    if (m.ended_on) throw new AppError('governance.member_ended', 409);
    if (m.version !== body.version) throw conflict('common.version_conflict', { currentVersion: m.version });
    requireNotBefore(body.on, m.joined_on);
    await trx
      .updateTable('committee_members')
      .set({ ended_on: body.on, end_reason: body.reason, updated_at: now, version: m.version + 1 })
      .where('id', '=', memberId)
      .where('version', '=', m.version)
      .execute();
    const k = (await repo.committee(trx, id))!;
    if (k.status === 'current') {
      await changeFromMember(
        trx,
        now,
        k,
        c,
        m,
        body.on,
        `委员资格终止（${END_REASON_ZH[body.reason] ?? body.reason}）`,
        actor.userId,
      );
    }
    await audit({
      action: 'governance.committee.member_end',
      targetType: 'committee',
      targetId: id,
      before: m,
      after: { member: memberId, endedOn: body.on, reason: body.reason },
    });
  });
  return getCommittee(deps, actor, id);
}

// ---------------------------------------------------------------------------------------------------------
// One compound's governance, the task queue, the overview

export async function getCompoundGovernance(deps: Deps, actor: Actor, compoundId: string) {
  const db = deps.database.db;
  const c = await visibleCompound(db, actor, compoundId);
  const today = todayOf(deps);
  const [facts, formationRow, committeeRow, past, buildings, ownerGroups] = await Promise.all([
    repo.triggerFacts(db, [c.id]),
    repo.activeFormation(db, c.id),
    repo.currentCommittee(db, c.id),
    repo.pastCommittees(db, c.id),
    repo.buildingsOf(db, c.id),
    presentOwnerGroups(db, c.id),
  ]);
  const { result, firstDeliveryOn } = triggerFrom(facts, c.first_delivery_on, today);
  // Show the formation while it runs, or the finished one when there is no committee to show instead.
  const showFormation =
    formationRow && (formationRow.status === 'in_progress' || !committeeRow) ? formationRow : null;
  const formation = showFormation ? await presentFormation(db, actor, c, showFormation, today) : null;
  const committee = committeeRow ? await presentCommittee(deps, actor, c, committeeRow) : null;
  const state = governanceState({
    formationInProgress: formationRow?.status === 'in_progress',
    committee: committee ? committee.health : null,
  });
  return {
    compoundId: c.id,
    compoundName: c.name,
    streetCode: c.street_code,
    buildingArea: formatAreaM2(c.building_area),
    state,
    trigger: presentTrigger(result, firstDeliveryOn),
    formation,
    committee,
    pastCommittees: past.map((p) => ({
      id: p.id,
      termNo: p.term_no,
      electedOn: p.elected_on,
      termEndsOn: p.term_ends_on,
    })),
    formationSteps: [...FORMATION_STEPS],
    canStartFormation: canActAsStreet(actor, c) && !committeeRow && formationRow?.status !== 'in_progress',
    canRecordCommittee: canActAsStreet(actor, c),
    buildings: buildings.map((b) => ({ id: b.id, name: b.name })),
    ownerGroups,
    canManageOwnerGroups: canManage(actor, c),
    canRecordArrears: await canRecordArrears(db, actor, c, today),
  };
}

export async function listTasks(
  deps: Deps,
  actor: Actor,
  f: {
    street?: string;
    compound?: string;
    state: 'pending' | 'overdue' | 'done' | 'all';
    cursor?: string;
    limit: number;
  },
) {
  const grants = viewGrants(actor);
  const today = todayOf(deps);
  const after = decodeCursor(f.cursor, 2) as [string, string] | null;
  const rows = await repo.listTasks(deps.database.db, grants, { ...f, today, after });
  const page = pageFrom(rows, f.limit, (r) => [r.due_on, r.id]);
  return { items: page.items.map((t) => presentTask(t, today)), nextCursor: page.nextCursor };
}

/** The pending deadlines as an iCalendar file (法定期限 in the officer's own calendar), in the caller's locale. */
export async function tasksCalendar(
  deps: Deps,
  actor: Actor,
  f: { street?: string; compound?: string },
  locale: Locale,
) {
  const grants = viewGrants(actor);
  const today = todayOf(deps);
  const rows = await repo.listTasks(deps.database.db, grants, {
    ...f,
    state: 'pending',
    today,
    after: null,
    limit: CALENDAR_LIMIT,
  });
  const en = locale === 'en';
  const events = rows.slice(0, CALENDAR_LIMIT).map((t) => {
    const kind = taskKindLabel(t.kind);
    const who = RESPONSIBLE_LABELS[t.responsible];
    return {
      uid: `${t.id}@gongzhi`,
      date: t.due_on,
      summary: en
        ? `${t.compound_name}: ${kind.en} (${who.en})`
        : `${t.compound_name}：${kind.zh}（${who.zh}）`,
      description: en
        ? `Last day ${t.due_on} (statutory ${t.nominal_due_on}); ${t.legal_ref}`
        : `末日 ${t.due_on}（法定 ${t.nominal_due_on}）；依据 ${t.legal_ref}`,
    };
  });
  return {
    fileName: `gongzhi-deadlines-${today}.ics`,
    body: writeCalendar(
      en ? 'Gongzhi: statutory deadlines' : '共治：业主自治法定期限',
      events,
      deps.clock.now(),
    ),
  };
}

/** At most this many pending deadlines go into one calendar file. */
const CALENDAR_LIMIT = 5000;

export async function overview(
  deps: Deps,
  actor: Actor,
  f: { street?: string; state?: string; cursor?: string; limit: number },
) {
  const grants = viewGrants(actor);
  const db = deps.database.db;
  const today = todayOf(deps);
  let after = decodeCursor(f.cursor, 2) as [string, string] | null;
  const items: Awaited<ReturnType<typeof overviewBatch>> = [];
  let exhausted = false;
  // With a state filter the page is filled from as many batches as it takes (states are computed).
  for (let round = 0; round < 50 && items.length <= f.limit; round++) {
    const rows = await repo.overviewCompounds(db, grants, { street: f.street, after, limit: f.limit });
    const batch = rows.slice(0, f.limit);
    for (const d of await overviewBatch(db, batch, today)) if (!f.state || d.state === f.state) items.push(d);
    if (batch.length) after = [batch[batch.length - 1].name, batch[batch.length - 1].id];
    if (rows.length <= f.limit) {
      exhausted = true;
      break;
    }
  }
  const page = items.slice(0, f.limit);
  let nextCursor: string | null = null;
  if (items.length > f.limit) {
    const last = page[page.length - 1];
    nextCursor = encodeCursor([last.compoundName, last.compoundId]);
  } else if (!exhausted && after) nextCursor = encodeCursor(after);
  const counts: Record<string, number> = {};
  for (const i of page) counts[i.state] = (counts[i.state] ?? 0) + 1;
  return { items: page, nextCursor, counts };
}

async function overviewBatch(
  db: Executor,
  rows: Awaited<ReturnType<typeof repo.overviewCompounds>>,
  today: string,
) {
  const ids = rows.map((r) => r.id);
  const [facts, formations, committees, tasks] = await Promise.all([
    repo.triggerFacts(db, ids),
    repo.formationsOf(db, ids),
    repo.currentCommitteesOf(db, ids),
    repo.taskCounts(db, ids, today),
  ]);
  const factsOf = new Map<string, typeof facts>();
  for (const x of facts) {
    let list = factsOf.get(x.compound_id);
    if (!list) factsOf.set(x.compound_id, (list = []));
    list.push(x);
  }
  const forming = new Set(formations.map((x) => x.compound_id));
  const committeeOf = new Map(committees.map((k) => [k.compound_id, k]));
  const tasksOf = new Map(tasks.map((t) => [t.compound_id, t]));
  return rows.map((r) => {
    const { result } = triggerFrom(factsOf.get(r.id) ?? [], r.first_delivery_on, today);
    const k = committeeOf.get(r.id);
    const health = k
      ? committeeHealth({
          seats: k.seats,
          activeMembers: Number(k.active_members ?? 0),
          electedOn: k.elected_on,
          termEndsOn: k.term_ends_on,
          lastMeetingOn: k.last_meeting_on ?? null,
          succeeded: false,
          today,
        })
      : null;
    const t = tasksOf.get(r.id);
    return {
      compoundId: r.id,
      compoundName: r.name,
      streetCode: r.street_code,
      streetName: r.street_name,
      state: governanceState({ formationInProgress: forming.has(r.id), committee: health }),
      triggerMet: result.met,
      triggerOn: result.on,
      committeeId: k?.id ?? null,
      termEndsOn: k?.term_ends_on ?? null,
      members: k ? Number(k.active_members ?? 0) : null,
      seats: k?.seats ?? null,
      lastMeetingOn: k?.last_meeting_on ?? null,
      pendingTasks: Number(t?.pending ?? 0),
      overdueTasks: Number(t?.overdue ?? 0),
      nextDueOn: t?.next_due_on ?? null,
    };
  });
}
