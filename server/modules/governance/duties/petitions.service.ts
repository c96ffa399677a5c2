// Proposals for extraordinary meetings: 20 % or more of the owners ask for an assembly meeting (《规定》 Art 25
// ¶1: the committee must convene it), one third or more of the members ask for a committee meeting (Art 26 ¶1:
// "应当及时召开"). The share is checked on receipt against the owners (persons) or the serving members of that
// day; a petition that reaches it opens the committee's task (product-default period, marked), which the
// decision or the extraordinary meeting that answers it completes.
import { shanghaiDate } from '../../../../domain/calendar.js';
import {
  assemblyPetitionMet,
  committeeRequestMet,
  DUTY_PERIODS,
  petitionProblems,
} from '../../../../domain/governance-duties.js';
import type { Executor } from '../../../platform/db/database.js';
import type { GovPetitionTable } from '../../../platform/db/schema.js';
import { updateVersioned } from '../../../platform/db/writes.js';
import { writeTx, type Deps } from '../../../platform/deps.js';
import { auditActor, type Actor } from '../../../platform/http/context.js';
import { AppError, badRequest, conflict, notFound } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import { workingCalendar } from '../../../platform/working-calendar.js';
import * as committeesRepo from '../committees/committees.repo.js';
import {
  addTask,
  requireNotBefore,
  requireNotFuture,
  throwProblems,
  todayOf,
  visibleCommittee,
} from '../governance.common.js';
import { canManage, requireManager } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import * as repo from './duties.repo.js';

export type PetitionInput =
  | { kind: 'assembly'; receivedOn: string; subject: string; proposers: number }
  | { kind: 'committee'; receivedOn: string; subject: string; memberIds: string[] };

const RULES = {
  assembly: { task: 'extraordinary_assembly', period: DUTY_PERIODS.extraordinaryAssembly, threshold: '20%' },
  committee: {
    task: 'extraordinary_committee_meeting',
    period: DUTY_PERIODS.extraordinaryCommitteeMeeting,
    threshold: '1/3',
  },
} as const;

const legalRefOf = (kind: GovPetitionTable['kind']) =>
  kind === 'assembly' ? '《规定》 Art 25 ¶1' : '《规定》 Art 26 ¶1';

export async function listPetitions(deps: Deps, actor: Actor, committeeId: string) {
  const db = deps.database.db;
  const { k, c } = await visibleCommittee(db, actor, committeeId);
  const rows = await repo.petitionsOf(db, k.id);
  const tasks = await shared.tasksOfSubjects(
    db,
    rows.map((r) => r.id),
  );
  const names = new Map((await committeesRepo.members(db, k.id)).map((m) => [m.id, m.name]));
  return {
    items: rows.map((p) => ({
      id: p.id,
      kind: p.kind,
      receivedOn: p.received_on,
      subject: p.subject,
      proposers: p.proposers,
      base: p.base,
      share: p.base > 0 ? `${((100 * p.proposers) / p.base).toFixed(2)}%` : '—',
      threshold: RULES[p.kind].threshold,
      met: p.met === 1,
      proposerNames: (JSON.parse(p.proposer_member_ids_json) as string[]).map((id) => names.get(id) ?? id),
      status: p.status,
      dueOn: tasks.find((t) => t.subject_id === p.id)?.due_on ?? null,
      convenedOn: p.convened_on,
      legalRef: legalRefOf(p.kind),
      version: p.version,
    })),
    canRecord: k.status === 'current' && canManage(actor, c),
  };
}

/** The proposers and the base of a petition on its day: owners (persons) or the serving members. */
async function shareOf(trx: Executor, committeeId: string, compoundId: string, body: PetitionInput) {
  if (body.kind === 'assembly') {
    const owners = await repo.ownerPersons(trx, compoundId, body.receivedOn);
    throwProblems(petitionProblems(body.proposers, owners));
    return {
      proposers: body.proposers,
      base: owners,
      ids: [] as string[],
      met: assemblyPetitionMet(body.proposers, owners),
    };
  }
  const serving = (await committeesRepo.members(trx, committeeId)).filter(
    (m) => m.joined_on <= body.receivedOn && (!m.ended_on || m.ended_on > body.receivedOn),
  );
  const ids = [...new Set(body.memberIds)];
  if (ids.length !== body.memberIds.length || ids.some((x) => !serving.some((m) => m.id === x)))
    throw badRequest('governance.signer_not_member');
  return {
    proposers: ids.length,
    base: serving.length,
    ids,
    met: committeeRequestMet(ids.length, serving.length),
  };
}

export async function recordPetition(
  deps: Deps,
  actor: Actor,
  committeeId: string,
  body: PetitionInput,
  requestId: string,
) {
  const db = deps.database.db;
  const { k, c } = await visibleCommittee(db, actor, committeeId);
  requireManager(actor, c);
  if (k.status !== 'current') throw new AppError('governance.filing_state', 409, { status: k.status });
  requireNotFuture(body.receivedOn, todayOf(deps));
  requireNotBefore(body.receivedOn, k.elected_on);
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const s = await shareOf(trx, k.id, c.id, body);
    const row: GovPetitionTable = {
      id: newId(),
      compound_id: c.id,
      committee_id: k.id,
      kind: body.kind,
      received_on: body.receivedOn,
      subject: body.subject,
      proposers: s.proposers,
      base: s.base,
      proposer_member_ids_json: JSON.stringify(s.ids),
      met: s.met ? 1 : 0,
      status: s.met ? 'awaiting' : 'insufficient',
      convened_on: null,
      convened_ref_id: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await repo.insertPetition(trx, row);
    const rule = RULES[body.kind];
    if (s.met) {
      await addTask(trx, (await workingCalendar(trx)).calendar, now, {
        compound: c,
        subjectType: 'petition',
        subjectId: row.id,
        kind: rule.task,
        responsible: 'committee',
        from: body.receivedOn,
        amount: rule.period.amount,
        legalRef: rule.period.ref,
      });
    }
    await audit({
      action: `governance.petition.${body.kind}`,
      targetType: 'committee',
      targetId: k.id,
      after: row,
    });
  });
  return listPetitions(deps, actor, committeeId);
}

/** The day the decision opened or the extraordinary meeting was held, when it answers the petition. */
async function answerOn(trx: Executor, p: GovPetitionTable, refId: string): Promise<string> {
  if (p.kind === 'assembly') {
    const d = await repo.decisionOfCompound(trx, refId, p.compound_id);
    if (!d || d.status === 'draft' || d.status === 'cancelled')
      throw badRequest('governance.petition_answer_invalid');
    const on = shanghaiDate(new Date(d.opens_at));
    requireNotBefore(on, p.received_on);
    return on;
  }
  const m = await repo.meetingOfCommittee(trx, refId, p.committee_id);
  if (!m || m.kind !== 'extraordinary') throw badRequest('governance.petition_answer_invalid');
  requireNotBefore(m.held_on, p.received_on);
  return m.held_on;
}

export async function convenePetition(
  deps: Deps,
  actor: Actor,
  committeeId: string,
  petitionId: string,
  body: { version: number; refId: string },
  requestId: string,
) {
  const db = deps.database.db;
  const { k, c } = await visibleCommittee(db, actor, committeeId);
  requireManager(actor, c);
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const p = await repo.petition(trx, petitionId);
    if (!p || p.committee_id !== k.id) throw notFound('governance.petition_not_found');
    if (p.version !== body.version) throw conflict('common.version_conflict', { currentVersion: p.version });
    if (p.status !== 'awaiting') throw new AppError('governance.petition_state', 409);
    const on = await answerOn(trx, p, body.refId);
    const changes = {
      status: 'convened' as const,
      convened_on: on,
      convened_ref_id: body.refId,
      updated_at: now,
    };
    await updateVersioned(trx, 'gov_petitions', p.id, p.version, changes, { currentVersion: p.version });
    await shared.completeTask(trx, p.id, RULES[p.kind].task, on, now);
    await audit({
      action: 'governance.petition.convened',
      targetType: 'committee',
      targetId: k.id,
      before: p,
      after: { petition: p.id, ...changes },
    });
  });
  return listPetitions(deps, actor, committeeId);
}
