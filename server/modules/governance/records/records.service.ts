// The committee's own records beside its meetings: posting adopted resolutions (决定公告, 《规定》 Art 26 ¶3)
// and training records (培训, Arts 15, 23). Change filings: changes.service.ts; owner groups:
// owner-groups.service.ts; fee arrears: arrears.service.ts; the notice board: notices.service.ts. Each use
// case starts with its access check; every write is one audited transaction.
import { writeTx, type Deps } from '../../../platform/deps.js';
import { auditActor, type Actor } from '../../../platform/http/context.js';
import { AppError, badRequest, notFound } from '../../../platform/http/errors.js';
import { newId } from '../../../platform/ids.js';
import { getCommittee } from '../committees/committee.view.js';
import * as committeesRepo from '../committees/committees.repo.js';
import { requireNotBefore, requireNotFuture, todayOf, visibleCommittee } from '../governance.common.js';
import { requireManager, requireStreet } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import { requireCurrent } from './changes.service.js';
import * as repo from './records.repo.js';

export async function publishResolutions(
  deps: Deps,
  actor: Actor,
  committeeId: string,
  meetingId: string,
  body: { on: string; rcInformedOn: string },
  requestId: string,
) {
  const { k, c } = await visibleCommittee(deps.database.db, actor, committeeId);
  requireManager(actor, c);
  const today = todayOf(deps);
  requireNotFuture(body.on, today);
  requireNotFuture(body.rcInformedOn, today);
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const m = await repo.meetingOf(trx, k.id, meetingId);
    if (!m) throw notFound('governance.meeting_not_found');
    requireNotBefore(body.on, m.held_on);
    requireNotBefore(body.rcInformedOn, m.held_on);
    if (m.published_on) throw new AppError('governance.filing_state', 409, { status: 'published' });
    // Only adopted resolutions are posted; the deadline row exists exactly when there is one.
    if (!(await shared.completeTask(trx, m.id, 'resolution_notice', body.on, now))) {
      throw new AppError('governance.nothing_to_publish', 409);
    }
    await repo.publishMeeting(trx, m.id, body.on, body.rcInformedOn);
    await audit({
      action: 'governance.committee.publish_resolutions',
      targetType: 'committee',
      targetId: k.id,
      after: { meeting: m.id, publishedOn: body.on, rcInformedOn: body.rcInformedOn },
    });
  });
  return getCommittee(deps, actor, committeeId);
}

export async function recordTraining(
  deps: Deps,
  actor: Actor,
  committeeId: string,
  body: { heldOn: string; topic: string; trainer: string; hours: number; memberIds: string[] },
  requestId: string,
) {
  const { k, c } = await visibleCommittee(deps.database.db, actor, committeeId);
  requireStreet(actor, c);
  requireCurrent(k);
  requireNotFuture(body.heldOn, todayOf(deps));
  const now = deps.clock.now().toISOString();
  const attendees = [...new Set(body.memberIds)];
  const id = newId();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const members = new Map((await committeesRepo.members(trx, k.id)).map((m) => [m.id, m]));
    for (const mid of attendees) {
      const m = members.get(mid);
      if (!m || (m.ended_on && m.ended_on <= body.heldOn)) throw badRequest('governance.signer_not_member');
    }
    const row = {
      id,
      compound_id: c.id,
      committee_id: k.id,
      held_on: body.heldOn,
      topic: body.topic,
      trainer: body.trainer,
      hours: Math.round(body.hours * 10),
      attendee_ids_json: JSON.stringify(attendees),
      created_by: actor.userId,
      created_at: now,
    };
    await repo.insertTraining(trx, row);
    await repo.markTrained(trx, attendees, body.heldOn, now);
    await audit({
      action: 'governance.committee.training',
      targetType: 'committee',
      targetId: k.id,
      after: row,
    });
  });
  return getCommittee(deps, actor, committeeId);
}
