// Sessions and outcomes of a dispute: each action is allowed by the transition table (domain/mediation.ts),
// checked against the dispute's version (409 when someone acted first) and written with its audit record.
import type { z } from 'zod';
import {
  agreementProblems,
  confirmationProblems,
  confirmationWindowEnd,
  DISPUTE_ACTION_LABELS,
  DISPUTE_STATUS_LABELS,
  disputeTransition,
  type DisputeAction,
} from '../../../domain/mediation.js';
import type { DisputeActionBody, SessionBody } from '../../../contracts/mediation.js';
import type { Tx } from '../../platform/db/database.js';
import type { MediationDisputeTable } from '../../platform/db/schema-mediation.js';
import { updateVersioned } from '../../platform/db/writes.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { auditActor, type Actor } from '../../platform/http/context.js';
import { AppError, badRequest, conflict } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import * as cases from '../cases/cases.service.js';
import { requireMediationManage } from './mediation.policy.js';
import * as repo from './mediation.repo.js';
import { checkMediator, getDispute, loadDispute, todayOf } from './mediation.service.js';

type Body = z.infer<typeof DisputeActionBody>;
type Changes = Partial<MediationDisputeTable>;

function allowed(d: MediationDisputeTable, action: DisputeAction) {
  const t = disputeTransition({ status: d.status, sessions: d.session_count }, action);
  if (!t.ok)
    throw new AppError('mediation.action_not_allowed', 409, {
      status: DISPUTE_STATUS_LABELS[d.status].zh,
      action: DISPUTE_ACTION_LABELS[action].zh,
    });
  return t.to;
}

function checkDay(deps: Deps, d: MediationDisputeTable, date: string) {
  if (date > todayOf(deps)) throw badRequest('mediation.date_in_future', { date });
  if (date < d.received_on)
    throw badRequest('mediation.date_before_received', { date, received: d.received_on });
}

async function save(
  deps: Deps,
  actor: Actor,
  d: MediationDisputeTable,
  version: number,
  requestId: string,
  action: DisputeAction,
  changes: Changes,
  extra?: (trx: Tx, now: string) => Promise<Changes | void>,
) {
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const more = (await extra?.(trx, now)) ?? {};
    await updateVersioned(trx, 'mediation_disputes', d.id, version, { ...changes, ...more, updated_at: now });
    await audit({
      action: `mediation.dispute.${action}`,
      targetType: 'mediation_dispute',
      targetId: d.id,
      before: { status: d.status, version },
      after: { ...changes, ...more },
    });
  });
  return getDispute(deps, actor, d.id);
}

export async function recordSession(
  deps: Deps,
  actor: Actor,
  id: string,
  body: z.infer<typeof SessionBody>,
  requestId: string,
) {
  const d = await loadDispute(deps, id);
  requireMediationManage(actor, d);
  const to = allowed(d, 'recordSession');
  checkDay(deps, d, body.heldOn);
  return save(
    deps,
    actor,
    d,
    body.version,
    requestId,
    'recordSession',
    { status: to, session_count: d.session_count + 1 },
    async (trx, now) => {
      await repo.insertSession(trx, {
        id: newId(),
        dispute_id: d.id,
        held_on: body.heldOn,
        place: body.place || null,
        notes: body.notes,
        created_by: actor.userId,
        created_by_name: actor.displayName,
        created_at: now,
      });
    },
  );
}

export async function act(deps: Deps, actor: Actor, id: string, body: Body, requestId: string) {
  const d = await loadDispute(deps, id);
  requireMediationManage(actor, d);
  // Checked before anything is written: going back to a case records the case first (its own transaction).
  if (body.version !== d.version) throw conflict('common.version_conflict');
  const status = allowed(d, body.action);
  const go = (changes: Changes, extra?: (trx: Tx, now: string) => Promise<Changes | void>) =>
    save(deps, actor, d, body.version, requestId, body.action, { status, ...changes }, extra);
  switch (body.action) {
    case 'assign':
      await checkMediator(deps, d.street_code, body.mediatorUserId);
      return go({ mediator_user_id: body.mediatorUserId });
    case 'agree': {
      checkDay(deps, d, body.agreedOn);
      const parties = await repo.partiesOf(deps.database.db, [d.id]);
      const problems = agreementProblems(body, body.agreedOn, parties);
      if (problems.length)
        throw badRequest('mediation.agreement_incomplete', { missing: problems.join(', ') });
      const { facts, terms, performanceMethod, performanceDeadline } = body;
      return go({
        agreed_on: body.agreedOn,
        agreement_json: JSON.stringify({ facts, terms, performanceMethod, performanceDeadline }),
      });
    }
    case 'sign':
      checkDay(deps, d, body.signedOn);
      if (d.agreed_on && body.signedOn < d.agreed_on)
        throw badRequest('mediation.date_before_received', { date: body.signedOn, received: d.agreed_on });
      return go({ effective_on: body.signedOn });
    case 'fail':
      checkDay(deps, d, body.on);
      return go({
        closed_on: body.on,
        close_note: body.note,
        referral_json: JSON.stringify({ route: body.route, body: body.body, on: body.on, note: body.note }),
      });
    case 'withdraw':
      checkDay(deps, d, body.on);
      return go({ closed_on: body.on, close_note: body.note });
    case 'confirm': {
      const effective = d.effective_on!;
      const problems = confirmationProblems(effective, body.appliedOn, body.ruledOn);
      if (body.ruledOn > todayOf(deps)) throw badRequest('mediation.date_in_future', { date: body.ruledOn });
      if (problems.length)
        throw badRequest('mediation.confirmation_invalid', {
          problem: problems.join(', '),
          windowEnd: confirmationWindowEnd(effective),
        });
      const { court, appliedOn, ruledOn, rulingNo } = body;
      return go({
        confirmation_json: JSON.stringify({ court, appliedOn, ruledOn, rulingNo }),
        closed_on: ruledOn,
      });
    }
    case 'toCase':
      return toCase(deps, actor, d, body, go);
  }
}

/** Back to a case: a case is recorded through the cases module's intake (部门转办 to the street) with the
 *  dispute's compound and subject; the dispute keeps the case it went to. */
async function toCase(
  deps: Deps,
  actor: Actor,
  d: MediationDisputeTable,
  body: Extract<Body, { action: 'toCase' }>,
  go: (changes: Changes) => ReturnType<typeof getDispute>,
) {
  const parties = await repo.partiesOf(deps.database.db, [d.id]);
  const applicant = parties.find((p) => p.side === 'applicant') ?? parties[0];
  const created = await cases.intakeCase(
    deps,
    { kind: 'user', actor },
    {
      channel: 'departmentReferral',
      categoryCode: body.categoryCode,
      attributes: {},
      title: d.subject.slice(0, 100),
      description: `${d.facts}\n（矛盾纠纷调解转案件：${body.note}）`.slice(0, 4000),
      compoundId: d.compound_id,
      reporter: { name: applicant?.name, phone: applicant?.phone ?? undefined },
      mediaUrls: [],
    },
    null,
  );
  return go({ returned_case_id: created.id, closed_on: todayOf(deps), close_note: body.note });
}
