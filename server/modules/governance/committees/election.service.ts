// Recording an election (首次 or 换届, 《规定》 Arts 20–23, 28): the street office, after the 业主大会 elected the
// committee. Members are checked (Art 20 ¶2–3); a successor ends the old committee's term; the first
// committee completes its formation. One audited transaction.
import { addMonths } from '../../../../domain/calendar.js';
import {
  committeeSizeProblem,
  PERIODS,
  positionProblems,
  termEndsOn,
  termProblem,
  type GovProblem,
} from '../../../../domain/governance.js';
import type { BusinessCalendar } from '../../../../domain/calendar.js';
import type { Executor } from '../../../platform/db/database.js';
import { uniqueOr } from '../../../platform/db/writes.js';
import { writeTx, type Deps } from '../../../platform/deps.js';
import { auditActor, type Actor } from '../../../platform/http/context.js';
import { AppError, badRequest } from '../../../platform/http/errors.js';
import type { Locale } from '../../../platform/http/messages.js';
import { newId } from '../../../platform/ids.js';
import { workingCalendar } from '../../../platform/working-calendar.js';
import * as formationRepo from '../formation/formation.repo.js';
import {
  addTask,
  requireNotBefore,
  requireNotFuture,
  throwProblems,
  todayOf,
  visibleCompound,
  type CompoundRow,
} from '../governance.common.js';
import { eligibilityOf, reasonText } from '../governance.eligibility.js';
import { requireStreet } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import { committeeFacts, getCommittee, type CommitteeRow } from './committee.view.js';
import * as repo from './committees.repo.js';

export interface MemberInput {
  ownerId: string;
  position: 'chair' | 'vice_chair' | 'member';
  undertakingSigned: boolean;
  employedByManager: boolean;
  trainedOn?: string;
}

/** Checks a member (Art 20 ¶2–3) and returns the owner's name; 400 with the reasons otherwise. */
export async function admitMember(
  db: Executor,
  c: CompoundRow,
  m: MemberInput,
  locale: Locale,
): Promise<string> {
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

export async function insertMember(
  db: Executor,
  committeeId: string,
  m: MemberInput,
  name: string,
  on: string,
  byElection: boolean,
  now: string,
) {
  const id = newId();
  await repo.insertMember(db, {
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
  });
  return id;
}

export interface ElectionInput {
  electedOn: string;
  termYears: number;
  seats: number;
  formationId?: string;
  electionDecisionId?: string;
  members: MemberInput[];
}

/** Size (Art 20 ¶1), term (¶4), positions, and more than half of the seats filled. */
function checkElection(c: CompoundRow, body: ElectionInput): void {
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
}

/**
 * What the election follows: the committee in term (a successor — 换届 / 提前换届 — needs the re-election
 * group, or an expired / failing committee) and the formation under way (the first committee is elected at or
 * after the first meeting).
 */
async function predecessors(trx: Executor, c: CompoundRow, electedOn: string, today: string) {
  const old = await shared.currentCommittee(trx, c.id);
  if (old) {
    const facts = await committeeFacts(trx, old, today);
    const group = await shared.groupOf(trx, old.id, 'reelection');
    if (!group && !facts.health.expired && facts.health.earlyReelection.length === 0) {
      throw new AppError('governance.committee_exists', 409);
    }
    requireNotBefore(electedOn, old.elected_on);
  }
  const formation = await formationRepo.activeFormation(trx, c.id);
  const forming = formation && formation.status === 'in_progress' ? formation : null;
  if (forming) {
    if (!forming.first_meeting_on)
      throw new AppError('governance.step_order', 409, { step: 'hold_first_meeting' });
    requireNotBefore(electedOn, forming.first_meeting_on);
  }
  return { old, forming };
}

/** The deadlines an election starts: names posted (Art 21), filing (Art 23), 换届 report (Art 28). */
async function addElectionTasks(
  trx: Executor,
  cal: BusinessCalendar,
  now: string,
  c: CompoundRow,
  row: CommitteeRow,
): Promise<void> {
  const base = { compound: c, subjectType: 'committee' as const, subjectId: row.id };
  await addTask(trx, cal, now, {
    ...base,
    kind: 'election_notice',
    responsible: 'group',
    from: row.elected_on,
    amount: PERIODS.electionNotice.amount,
    legalRef: PERIODS.electionNotice.ref,
  });
  await addTask(trx, cal, now, {
    ...base,
    kind: 'committee_filing',
    responsible: 'committee',
    from: row.elected_on,
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
}

function committeeRow(
  id: string,
  c: CompoundRow,
  body: ElectionInput,
  termNo: number,
  formationId: string | null,
  createdBy: string,
  now: string,
): CommitteeRow {
  return {
    id,
    compound_id: c.id,
    term_no: termNo,
    seats: body.seats,
    elected_on: body.electedOn,
    term_years: body.termYears,
    term_ends_on: termEndsOn(body.electedOn, body.termYears),
    status: 'current',
    formation_id: formationId ?? body.formationId ?? null,
    election_decision_id: body.electionDecisionId ?? null,
    filing_status: 'none',
    filing_submitted_on: null,
    filing_decided_on: null,
    filing_note: null,
    reelection_reported_on: null,
    filing_received_on: null,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
    version: 1,
  };
}

/** Records an election (首次 or 换届): the street office, after the 业主大会 elected the committee. */
export async function recordCommittee(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  body: ElectionInput,
  locale: Locale,
  requestId: string,
) {
  const db = deps.database.db;
  const c = await visibleCompound(db, actor, compoundId);
  requireStreet(actor, c);
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();
  requireNotFuture(body.electedOn, today);
  checkElection(c, body);
  const id = newId();
  const write = () =>
    writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
      const cal = (await workingCalendar(trx)).calendar;
      const names: string[] = [];
      for (const m of body.members) names.push(await admitMember(trx, c, m, locale));
      const { old, forming } = await predecessors(trx, c, body.electedOn, today);
      const termNo = (await repo.lastTermNo(trx, c.id)) + 1;
      const row = committeeRow(id, c, body, termNo, forming?.id ?? null, actor.userId, now);
      if (old) {
        await repo.succeedCommittee(trx, old, now);
        await shared.completeTask(trx, old.id, 'reelection_election', body.electedOn, now);
        await shared.closeCommitteeTasks(trx, old.id, body.electedOn, now);
        await repo.endServingMembers(trx, old.id, body.electedOn, now);
      }
      await repo.insertCommittee(trx, row);
      for (let i = 0; i < body.members.length; i++) {
        await insertMember(trx, id, body.members[i], names[i], body.electedOn, false, now);
      }
      if (forming) {
        await formationRepo.completeFormation(trx, forming, now);
        await shared.closeTasksOf(trx, forming.id, body.electedOn, now);
      }
      await addElectionTasks(trx, cal, now, c, row);
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
  await uniqueOr(write, 'governance.committee_exists');
  return getCommittee(deps, actor, id);
}
