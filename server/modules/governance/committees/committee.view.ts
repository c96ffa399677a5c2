// One owners' committee as its page shows it: members with their absence and eligibility flags, meetings,
// health (term, seats, meetings), the filing file's gaps, change filings, trainings, deadlines and the
// actions the caller may take.
import {
  absenceRecords,
  committeeHealth,
  frozenMatters,
  governanceState,
  resolutionAdopted,
} from '../../../../domain/governance.js';
import type { Eligibility } from '../../../../domain/governance-eligibility.js';
import {
  lastWorkOn,
  reelectionGroupBasis,
  type EarlyReelectionStage,
} from '../../../../domain/governance-reelection.js';
import type { Executor } from '../../../platform/db/database.js';
import type { CommitteeTable } from '../../../platform/db/schema.js';
import type { Deps } from '../../../platform/deps.js';
import type { Actor } from '../../../platform/http/context.js';
import { presentTask, todayOf, visibleCommittee, type CompoundRow } from '../governance.common.js';
import { eligibilityOf, presentGroup } from '../governance.eligibility.js';
import { canActAsStreet, canManage } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import { filingGapsOf, presentChange, presentTrainings } from '../records/records.present.js';
import * as dutiesRepo from '../duties/duties.repo.js';
import * as recordsRepo from '../records/records.repo.js';
import * as repo from './committees.repo.js';
import { earlyStageOf } from './early-reelection.js';
import { workOfCommittees } from './work.js';

export type CommitteeRow = CommitteeTable;
export type CommitteeFacts = Awaited<ReturnType<typeof committeeFacts>>;
type TaskRow = Awaited<ReturnType<typeof shared.tasksOfSubjects>>[number];
type GroupRow = Awaited<ReturnType<typeof shared.groupOf>>;

/** Members, meetings with attendance, health and absences of a committee on `today`. */
export async function committeeFacts(db: Executor, k: CommitteeRow, today: string) {
  const [members, meetings, workOf] = await Promise.all([
    repo.members(db, k.id),
    repo.meetings(db, k.id),
    workOfCommittees(db, [k.id]),
  ]);
  const work = workOf.get(k.id)!;
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
    lastWorkOn: lastWorkOn(k.elected_on, work),
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
  return { members, active, meetings, attendanceOf, health, absence, work };
}

type CommitteeActionName =
  | 'post_names'
  | 'submit_filing'
  | 'decide_filing'
  | 'receive_filing'
  | 'report_reelection'
  | 'form_reelection_group'
  | 'hand_over_records'
  | 'return_records';

function committeeActions(
  k: CommitteeRow,
  facts: CommitteeFacts,
  tasks: readonly TaskRow[],
  group: GroupRow,
  who: { street: boolean; manager: boolean },
  earlyStage: EarlyReelectionStage,
): CommitteeActionName[] {
  if (k.status !== 'current') return [];
  const { street, manager } = who;
  const actions: CommitteeActionName[] = [];
  const namesPending = tasks.some((x) => x.kind === 'election_notice' && !x.done_on);
  if (manager && namesPending) actions.push('post_names');
  if (manager && (k.filing_status === 'none' || k.filing_status === 'rejected'))
    actions.push('submit_filing');
  if (street && k.filing_status === 'submitted')
    actions.push(k.filing_received_on ? 'decide_filing' : 'receive_filing');
  if (manager && !k.reelection_reported_on) actions.push('report_reelection');
  // Art 28, or Art 32 ¶3 once the assembly has decided on an early re-election (a ground alone is not enough).
  const basis = reelectionGroupBasis({
    reported: !!k.reelection_reported_on,
    reelectionReminder: facts.health.reelectionReminder,
    earlyStage,
  });
  if (street && !group && basis) actions.push('form_reelection_group');
  const pending = (kind: string) => tasks.some((x) => x.subject_id === k.id && x.kind === kind && !x.done_on);
  if (manager && pending('records_handover')) actions.push('hand_over_records');
  if (street && pending('records_return')) actions.push('return_records');
  return actions;
}

/**
 * Art 31 (一) and Art 20 ¶2 while serving: a member who no longer owns in the compound, or who now has an open
 * 违法搭建/群租 case or arrears, is flagged for the committee and the street to act on.
 */
async function memberFlags(db: Executor, k: CommitteeRow, facts: CommitteeFacts) {
  const flagsOf = new Map<string, Eligibility['reasons'][number]['code'][]>();
  if (k.status !== 'current') return flagsOf;
  for (const m of facts.active) {
    const { e } = await eligibilityOf(db, k.compound_id, m.owner_id, false);
    flagsOf.set(
      m.id,
      e.reasons.map((r) => r.code),
    );
  }
  return flagsOf;
}

function presentMembers(facts: CommitteeFacts, flagsOf: Awaited<ReturnType<typeof memberFlags>>) {
  const absenceOf = new Map(facts.absence.map((a) => [a.memberId, a]));
  return facts.members.map((m) => {
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
  });
}

function presentMeetings(facts: CommitteeFacts, publishDueOn: (meetingId: string) => string | null) {
  return facts.meetings.map((m) => {
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
      publishDueOn: publishDueOn(m.id),
      publishedOn: m.published_on,
      rcInformedOn: m.rc_informed_on,
    };
  });
}

export async function presentCommittee(deps: Deps, actor: Actor | null, c: CompoundRow, k: CommitteeRow) {
  const db = deps.database.db;
  const today = todayOf(deps);
  const facts = await committeeFacts(db, k, today);
  const changes = await recordsRepo.changesOf(db, k.id);
  const [tasks, group] = await Promise.all([
    shared.tasksOfSubjects(db, [
      k.id,
      ...facts.meetings.map((m) => m.id),
      ...changes.map((x) => x.id),
      ...facts.members.map((m) => m.id), // Art 30 handovers of members who left
      ...(await dutiesRepo.petitionsOf(db, k.id)).map((p) => p.id), // Arts 25 ¶1, 26 ¶1 meetings to convene
    ]),
    shared.groupOf(db, k.id, 'reelection'),
  ]);
  const taskOf = (subjectId: string, kind: string) =>
    tasks.find((t) => t.subject_id === subjectId && t.kind === kind);
  const manager = canManage(actor, c);
  const current = k.status === 'current';
  const namesPending = tasks.some((x) => x.kind === 'election_notice' && !x.done_on);
  const early = await earlyStageOf(db, k, facts.health, !!group);
  const who = { street: canActAsStreet(actor, c), manager };
  const actions = committeeActions(k, facts, tasks, group, who, early.stage);
  const flagsOf = await memberFlags(db, k, facts);
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
    filingReceivedOn: k.filing_received_on,
    filingNote: k.filing_note,
    reelectionReportedOn: k.reelection_reported_on,
    members: presentMembers(facts, flagsOf),
    meetings: presentMeetings(facts, (id) => taskOf(id, 'resolution_notice')?.due_on ?? null),
    reelectionGroup: presentGroup(group),
    health: facts.health,
    work: facts.work,
    earlyReelection: {
      stage: early.stage,
      decisionId: early.decision?.id ?? null,
      decisionTitle: early.decision?.title ?? null,
    },
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
