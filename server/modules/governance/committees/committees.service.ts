// Owners' committees (业主委员会, 《规定》 Arts 20–32): reading one, a candidate's eligibility, and the
// committee's actions (committees.actions.ts). Elections: election.service.ts; meetings and membership:
// members.service.ts. Each use case starts with its access check; every write is one audited transaction.
import type { CommitteeAction } from '../../../../contracts/governance.js';
import { updateVersioned } from '../../../platform/db/writes.js';
import { writeTx, type Deps } from '../../../platform/deps.js';
import { auditActor, type Actor } from '../../../platform/http/context.js';
import { AppError, conflict, notFound } from '../../../platform/http/errors.js';
import { message, type Locale } from '../../../platform/http/messages.js';
import { workingCalendar } from '../../../platform/working-calendar.js';
import { requireNotFuture, todayOf, visibleCommittee, visibleCompound } from '../governance.common.js';
import { eligibilityOf, groundsInWords, reasonMessage } from '../governance.eligibility.js';
import { requireManager, requireStreet } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import { COMMITTEE_HANDLERS, STREET_ACTIONS, type CommitteeStep } from './committees.actions.js';
import { getCommittee } from './committee.view.js';

export { getCommittee } from './committee.view.js';

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
      message: reasonMessage(r, locale),
    })),
    grounds: groundsInWords(e, locale),
    unchecked: e.unchecked.map((code) => ({
      code,
      message: message(`governance.eligibility.unchecked.${code}`, locale),
    })),
  };
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
  if (STREET_ACTIONS.has(body.action)) requireStreet(actor, c);
  else requireManager(actor, c);
  if ('on' in body) requireNotFuture(body.on, today);

  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const k = (await shared.committee(trx, id))!;
    if (k.version !== body.version) throw conflict('common.version_conflict', { currentVersion: k.version });
    if (k.status !== 'current') throw new AppError('governance.filing_state', 409, { status: k.status });
    const step: CommitteeStep = {
      trx,
      clock: deps.clock,
      cal: (await workingCalendar(trx)).calendar,
      c,
      k,
      today,
      now,
    };
    const handler = COMMITTEE_HANDLERS[body.action] as (
      s: CommitteeStep,
      b: CommitteeAction,
    ) => ReturnType<(typeof COMMITTEE_HANDLERS)['post_names']>;
    const changes = await handler(step, body);
    await updateVersioned(trx, 'committees', id, k.version, { ...changes, updated_at: now });
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
