// A member who leaves the committee hands over what they keep of the committee's records, seals and property
// (Art 29 ¶1's list) to the committee within 10 days (《规定》 Art 30). Ending a membership opens the task
// (members.service endMembership); the committee records the handover.
import { DUTY_PERIODS } from '../../../../domain/governance-duties.js';
import type { Executor } from '../../../platform/db/database.js';
import { writeTx, type Deps } from '../../../platform/deps.js';
import { auditActor, type Actor } from '../../../platform/http/context.js';
import { AppError, notFound } from '../../../platform/http/errors.js';
import { workingCalendar } from '../../../platform/working-calendar.js';
import { getCommittee } from '../committees/committee.view.js';
import * as committeesRepo from '../committees/committees.repo.js';
import {
  addTask,
  requireNotBefore,
  requireNotFuture,
  todayOf,
  visibleCommittee,
} from '../governance.common.js';
import type { CompoundPlace } from '../governance.policy.js';
import { requireManager } from '../governance.policy.js';
import * as shared from '../governance.repo.js';

export const HANDOVER_TASK = 'member_handover';

/** The handover task of a member whose membership ended on `endedOn` (10 days, calendar.ts statutoryDeadline). */
export async function addHandoverTask(
  trx: Executor,
  now: string,
  compound: CompoundPlace,
  memberId: string,
  endedOn: string,
): Promise<void> {
  await addTask(trx, (await workingCalendar(trx)).calendar, now, {
    compound,
    subjectType: 'member',
    subjectId: memberId,
    kind: HANDOVER_TASK,
    responsible: 'committee',
    from: endedOn,
    amount: DUTY_PERIODS.memberHandover.amount,
    legalRef: DUTY_PERIODS.memberHandover.ref,
  });
}

export async function recordHandover(
  deps: Deps,
  actor: Actor,
  committeeId: string,
  memberId: string,
  body: { on: string },
  requestId: string,
) {
  const db = deps.database.db;
  const { k, c } = await visibleCommittee(db, actor, committeeId);
  requireManager(actor, c);
  requireNotFuture(body.on, todayOf(deps));
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const m = await committeesRepo.member(trx, k.id, memberId);
    if (!m) throw notFound('governance.member_not_found');
    if (!m.ended_on) throw new AppError('governance.handover_member_serving', 409);
    requireNotBefore(body.on, m.ended_on);
    if (!(await shared.completeTask(trx, m.id, HANDOVER_TASK, body.on, now)))
      throw new AppError('governance.handover_done', 409);
    await audit({
      action: 'governance.member.handover',
      targetType: 'committee',
      targetId: k.id,
      after: { member: m.id, name: m.name, on: body.on },
    });
  });
  return getCommittee(deps, actor, committeeId);
}
