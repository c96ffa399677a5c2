// Assembly formation (业主大会筹备, 《规定》 Arts 13–16): the street starts one when the trigger is met (or on the
// owners' written request) and records its steps (formation.actions.ts). Each use case starts with its access
// check; every write runs in one transaction with its audit record.
import { PERIODS } from '../../../../domain/governance.js';
import type { FormationAction } from '../../../../contracts/governance.js';
import type { Executor } from '../../../platform/db/database.js';
import type { GovFormationTable } from '../../../platform/db/schema.js';
import { updateVersioned, uniqueOr } from '../../../platform/db/writes.js';
import { writeTx, type Deps } from '../../../platform/deps.js';
import { auditActor, type Actor } from '../../../platform/http/context.js';
import { AppError, badRequest, conflict, notFound } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import { workingCalendar } from '../../../platform/working-calendar.js';
import {
  addTask,
  requireNotFuture,
  todayOf,
  triggerFrom,
  visibleCompound,
  type CompoundRow,
} from '../governance.common.js';
import { canView, requireStreet } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import { getCompoundGovernance } from '../overview/compound.view.js';
import { FORMATION_HANDLERS, type FormationStep } from './formation.actions.js';
import * as repo from './formation.repo.js';

interface StartBody {
  triggerKind: 'detected' | 'owners_request';
  requestedOn?: string;
  note?: string;
}

/** What starts the formation: the owners' written request (Art 14 ¶2, it stands in for the developer's report) or the trigger met (Art 13). */
async function startingPoint(trx: Executor, c: CompoundRow, body: StartBody, today: string) {
  if (body.triggerKind === 'owners_request') {
    const on = body.requestedOn ?? today;
    requireNotFuture(on, today);
    return { triggerKind: 'owners_request' as const, triggerOn: on, reportOn: on as string | null };
  }
  const { result } = triggerFrom(await shared.triggerFacts(trx, [c.id]), c.first_delivery_on, today);
  if (!result.met) throw badRequest('governance.trigger_not_met');
  return { triggerKind: result.kind!, triggerOn: result.on!, reportOn: null as string | null };
}

function formationRow(
  id: string,
  c: CompoundRow,
  start: Awaited<ReturnType<typeof startingPoint>>,
  note: string | null,
  createdBy: string,
  now: string,
): GovFormationTable {
  return {
    id,
    compound_id: c.id,
    status: 'in_progress',
    trigger_kind: start.triggerKind,
    trigger_on: start.triggerOn,
    report_kind: start.reportOn ? 'owners_request' : null,
    report_on: start.reportOn,
    group_formed_on: null,
    member_list_posted_on: null,
    meeting_planned_on: null,
    meeting_notice_posted_on: null,
    first_meeting_on: null,
    note,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
    version: 1,
  };
}

export async function startFormation(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  body: StartBody,
  requestId: string,
) {
  const db = deps.database.db;
  const c = await visibleCompound(db, actor, compoundId);
  requireStreet(actor, c);
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();
  const id = newId();
  const write = () =>
    writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
      await shared.lockCompound(trx, c.id);
      if (await shared.currentCommittee(trx, c.id)) throw new AppError('governance.committee_exists', 409);
      const cal = (await workingCalendar(trx)).calendar;
      const start = await startingPoint(trx, c, body, today);
      const row = formationRow(id, c, start, body.note ?? null, actor.userId, now);
      await repo.insertFormation(trx, row);
      const base = { compound: c, subjectType: 'formation' as const, subjectId: id };
      // The daily trigger scan may already have put the developer_report task on the compound: it moves here.
      if (!(await shared.moveDeveloperReportToFormation(trx, c.id, id, now))) {
        await addTask(trx, cal, now, {
          ...base,
          kind: 'developer_report',
          responsible: 'developer',
          from: start.triggerOn,
          amount: PERIODS.developerReport.amount,
          legalRef: PERIODS.developerReport.ref,
        });
      }
      if (start.reportOn) {
        await shared.completeTask(trx, id, 'developer_report', start.reportOn, now);
        await addTask(trx, cal, now, {
          ...base,
          kind: 'preparatory_group',
          responsible: 'street',
          from: start.reportOn,
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
  await uniqueOr(write, 'governance.formation_exists');
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
  const c = await shared.compound(db, f0.compound_id);
  if (!c || !canView(actor, c)) throw notFound('governance.formation_not_found');
  requireStreet(actor, c);
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();

  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const f = (await repo.formation(trx, formationId))!;
    if (f.version !== body.version) throw conflict('common.version_conflict', { currentVersion: f.version });
    if (f.status !== 'in_progress') throw new AppError('governance.formation_closed', 409);
    const cal = (await workingCalendar(trx)).calendar;
    const step: FormationStep = { trx, clock: deps.clock, cal, c, f, today, now };
    const handler = FORMATION_HANDLERS[body.action] as (
      s: FormationStep,
      b: FormationAction,
    ) => ReturnType<(typeof FORMATION_HANDLERS)['cancel']>;
    const { changes, after } = await handler(step, body);
    await updateVersioned(trx, 'gov_formations', f.id, f.version, { ...changes, updated_at: now });
    await audit({
      action: `governance.formation.${body.action}`,
      targetType: 'formation',
      targetId: f.id,
      before: f,
      after: { action: body.action, ...after, ...changes },
    });
  });
  return getCompoundGovernance(deps, actor, f0.compound_id);
}
