// Written notice of an assembly meeting (《规定》 Art 25 ¶2; 《物业管理条例》 Art 14 ¶2): before a decision of the
// 业主大会 opens, the committee records that it notified the 房管机构 and the 居民委员会 in writing of the time,
// place, topics and agenda. openDecision (decisions.service.ts) refuses to open without both.
import { shanghaiDate } from '../../../../domain/calendar.js';
import {
  MEETING_NOTICE_RECIPIENTS,
  MEETING_NOTICE_REF,
  meetingNoticeProblems,
  type MeetingNoticeRecipient,
} from '../../../../domain/governance-duties.js';
import type { Executor } from '../../../platform/db/database.js';
import { writeTx, type Deps } from '../../../platform/deps.js';
import { auditActor, type Actor } from '../../../platform/http/context.js';
import { AppError, notFound } from '../../../platform/http/errors.js';
import { message, type Locale } from '../../../platform/http/messages.js';
import { newId } from '../../../platform/ids.js';
import { place, visibleDecision } from '../decisions/decisions.view.js';
import { requireNotFuture, todayOf } from '../governance.common.js';
import { canManage, canView, requireManager } from '../governance.policy.js';
import * as repo from './duties.repo.js';

const recipientNames = (rs: readonly string[], locale: Locale) =>
  rs
    .map((r) => message(`governance.meeting_notice.recipient.${r}`, locale))
    .join(locale === 'en' ? ', ' : '、');

/** 409 unless both recipients were notified on or before the day the decision opens. */
export async function requireMeetingNotices(
  db: Executor,
  d: { id: string; opens_at: string },
  locale: Locale,
): Promise<void> {
  const notices = (await repo.meetingNoticesOf(db, d.id)).map((n) => ({
    recipient: n.recipient,
    notifiedOn: n.notified_on,
  }));
  const [p] = meetingNoticeProblems(notices, shanghaiDate(new Date(d.opens_at)));
  if (p) {
    const missing = String(p.params!.recipients).split(',');
    throw new AppError('governance.meeting_notice_missing', 409, {
      recipients: recipientNames(missing, locale),
    });
  }
}

async function noticeView(db: Executor, actor: Actor, decisionId: string) {
  const d = await visibleDecision(db, actor, decisionId);
  if (!canView(actor, place(d))) throw notFound('governance.decision_not_found');
  return d;
}

export async function getMeetingNotices(deps: Deps, actor: Actor, decisionId: string) {
  const db = deps.database.db;
  const d = await noticeView(db, actor, decisionId);
  const rows = await repo.meetingNoticesOf(db, d.id);
  const opensOn = shanghaiDate(new Date(d.opens_at));
  const missing = MEETING_NOTICE_RECIPIENTS.filter(
    (r) => !rows.some((n) => n.recipient === r && n.notified_on <= opensOn),
  );
  return {
    decisionId: d.id,
    notices: rows.map((n) => ({
      id: n.id,
      recipient: n.recipient,
      recipientName: n.recipient_name,
      notifiedOn: n.notified_on,
      note: n.note,
    })),
    missing,
    legalRef: MEETING_NOTICE_REF,
    canRecord: d.status === 'draft' && canManage(actor, place(d)),
  };
}

export async function recordMeetingNotice(
  deps: Deps,
  actor: Actor,
  decisionId: string,
  body: { recipient: MeetingNoticeRecipient; recipientName: string; notifiedOn: string; note?: string },
  requestId: string,
) {
  const db = deps.database.db;
  const d = await noticeView(db, actor, decisionId);
  requireManager(actor, place(d));
  if (d.status !== 'draft') throw new AppError('governance.meeting_notice_state', 409);
  requireNotFuture(body.notifiedOn, todayOf(deps));
  const opensOn = shanghaiDate(new Date(d.opens_at));
  // "事先": a notice after the meeting began is no notice of it.
  if (body.notifiedOn > opensOn) throw new AppError('governance.meeting_notice_late', 400, { date: opensOn });
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const row = {
      id: newId(),
      decision_id: d.id,
      compound_id: d.compound_id,
      recipient: body.recipient,
      recipient_name: body.recipientName,
      notified_on: body.notifiedOn,
      note: body.note ?? null,
      created_by: actor.userId,
      created_at: now,
    };
    await repo.insertMeetingNotice(trx, row);
    await audit({
      action: 'governance.meeting_notice.record',
      targetType: 'decision',
      targetId: d.id,
      after: row,
    });
  });
  return getMeetingNotices(deps, actor, decisionId);
}
