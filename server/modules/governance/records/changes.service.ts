// Change filings (变更备案, 《规定》 Art 33/34): the committee records a change and submits it within 30 days;
// the street accepts or rejects it within 20. Each use case starts with its access check; every write is one
// audited transaction.
import type { BusinessCalendar } from '../../../../domain/calendar.js';
import { filingReceiptProblem } from '../../../../domain/governance-filings.js';
import type { ChangeKind } from '../../../../domain/governance.js';
import type { Executor } from '../../../platform/db/database.js';
import type { CommitteeChangeTable, CommitteeTable } from '../../../platform/db/schema.js';
import { updateVersioned } from '../../../platform/db/writes.js';
import { writeTx, type Deps } from '../../../platform/deps.js';
import { auditActor, type Actor } from '../../../platform/http/context.js';
import { AppError, conflict, notFound } from '../../../platform/http/errors.js';
import { workingCalendar } from '../../../platform/working-calendar.js';
import { getCommittee } from '../committees/committee.view.js';
import {
  problemError,
  requireNotBefore,
  requireNotFuture,
  todayOf,
  visibleCommittee,
  type CompoundRow,
} from '../governance.common.js';
import { requireManager, requireStreet } from '../governance.policy.js';
import { openCompletionTask, openReceiptTask } from '../governance.filing.js';
import * as shared from '../governance.repo.js';
import * as repo from './records.repo.js';
import { recordChange } from './records.writes.js';

export const requireCurrent = (k: CommitteeTable) => {
  if (k.status !== 'current') throw new AppError('governance.filing_state', 409, { status: k.status });
};

export async function addChange(
  deps: Deps,
  actor: Actor,
  committeeId: string,
  body: { kind: ChangeKind; summary: string; changedOn: string },
  requestId: string,
) {
  const { k, c } = await visibleCommittee(deps.database.db, actor, committeeId);
  requireManager(actor, c);
  requireCurrent(k);
  requireNotFuture(body.changedOn, todayOf(deps));
  requireNotBefore(body.changedOn, k.elected_on);
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const row = await recordChange(trx, (await workingCalendar(trx)).calendar, now, {
      committee: k,
      compound: c,
      kind: body.kind,
      summary: body.summary,
      changedOn: body.changedOn,
      source: null,
      createdBy: actor.userId,
    });
    await audit({ action: 'governance.change.record', targetType: 'committee', targetId: k.id, after: row });
  });
  return getCommittee(deps, actor, committeeId);
}

type ChangeAction =
  | { action: 'submit'; version: number; on: string }
  | { action: 'receive'; version: number; on: string }
  | { action: 'decide'; version: number; on: string; accepted: boolean; note?: string };

interface ChangeStep {
  trx: Executor;
  deps: Deps;
  cal: BusinessCalendar;
  c: CompoundRow;
  ch: CommitteeChangeTable;
  now: string;
}

const changeTasks = (s: ChangeStep) => ({
  trx: s.trx,
  cal: s.cal,
  clock: s.deps.clock,
  now: s.now,
  compound: s.c,
  subjectType: 'change' as const,
  subjectId: s.ch.id,
  prefix: 'change_filing' as const,
});

/** The committee submits (again, after a refusal): the street is to accept (受理) it. */
async function submitChange(s: ChangeStep, on: string): Promise<Partial<CommitteeChangeTable>> {
  const { trx, ch, now } = s;
  if (ch.status !== 'pending' && ch.status !== 'rejected') {
    throw new AppError('governance.filing_state', 409, { status: ch.status });
  }
  requireNotBefore(on, ch.changed_on);
  await shared.completeTask(trx, ch.id, 'change_filing', on, now);
  await openReceiptTask(changeTasks(s), on);
  return { status: 'submitted', submitted_on: on, received_on: null };
}

/** The street accepts (受理) a submitted change filing: Art 34's 20 days run from this day. */
async function receiveChange(s: ChangeStep, on: string): Promise<Partial<CommitteeChangeTable>> {
  if (s.ch.status !== 'submitted')
    throw new AppError('governance.filing_state', 409, { status: s.ch.status });
  const p = filingReceiptProblem({ submittedOn: s.ch.submitted_on, receivedOn: s.ch.received_on, on });
  if (p) throw p.code === 'date_before' ? problemError(p) : problemError(p, 409);
  await openCompletionTask(changeTasks(s), on);
  return { received_on: on };
}

/** The street decides a submitted filing it has accepted. */
async function decideChange(
  s: ChangeStep,
  body: Extract<ChangeAction, { action: 'decide' }>,
): Promise<Partial<CommitteeChangeTable>> {
  if (s.ch.status !== 'submitted')
    throw new AppError('governance.filing_state', 409, { status: s.ch.status });
  if (!s.ch.received_on) throw new AppError('governance.filing_not_received', 409);
  requireNotBefore(body.on, s.ch.received_on);
  await shared.completeTask(s.trx, s.ch.id, 'change_filing_decision', body.on, s.now);
  return { status: body.accepted ? 'accepted' : 'rejected', decided_on: body.on, note: body.note ?? null };
}

export async function actOnChange(
  deps: Deps,
  actor: Actor,
  committeeId: string,
  changeId: string,
  body: ChangeAction,
  requestId: string,
) {
  const { k, c } = await visibleCommittee(deps.database.db, actor, committeeId);
  if (body.action === 'decide' || body.action === 'receive') requireStreet(actor, c);
  else requireManager(actor, c);
  requireNotFuture(body.on, todayOf(deps));
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const ch = await repo.change(trx, changeId);
    if (!ch || ch.committee_id !== k.id) throw notFound('governance.change_not_found');
    if (ch.version !== body.version)
      throw conflict('common.version_conflict', { currentVersion: ch.version });
    const step: ChangeStep = { trx, deps, cal: (await workingCalendar(trx)).calendar, c, ch, now };
    const changes =
      body.action === 'submit'
        ? await submitChange(step, body.on)
        : body.action === 'receive'
          ? await receiveChange(step, body.on)
          : await decideChange(step, body);
    await updateVersioned(
      trx,
      'committee_changes',
      ch.id,
      ch.version,
      { ...changes, updated_at: now },
      { currentVersion: ch.version },
    );
    await audit({
      action: `governance.change.${body.action}`,
      targetType: 'committee',
      targetId: k.id,
      before: ch,
      after: { change: ch.id, ...changes },
    });
  });
  return getCommittee(deps, actor, committeeId);
}
