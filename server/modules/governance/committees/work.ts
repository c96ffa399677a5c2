// The committee's recorded work as domain/governance-reelection.ts reads it (Art 32 ¶2 (二)).
import { shanghaiDate } from '../../../../domain/calendar.js';
import type { CommitteeWork } from '../../../../domain/governance-reelection.js';
import type { Executor } from '../../../platform/db/database.js';
import { committeeWorkOf } from './work.repo.js';

type Row = Awaited<ReturnType<typeof committeeWorkOf>>[number];

const latest = (...days: (string | null | undefined)[]) =>
  days.reduce<string | null>((a, d) => (d && (!a || d > a) ? d : a), null);
const dayOf = (instant: string | null | undefined) => (instant ? shanghaiDate(new Date(instant)) : null);

export function workOf(r: Row | undefined): CommitteeWork {
  if (!r) return { lastMeetingOn: null, lastFilingOn: null, lastDecisionOn: null, lastNoticeOn: null };
  return {
    lastMeetingOn: r.last_meeting_on,
    lastFilingOn: latest(r.filing_submitted_on, r.last_change_filing_on),
    lastDecisionOn: latest(
      r.last_decision_notice_on,
      dayOf(r.last_decision_closed_at),
      dayOf(r.last_decision_published_at),
    ),
    lastNoticeOn: latest(r.names_posted_on, r.last_resolution_notice_on),
  };
}

/** The recorded work of each committee, by id. */
export async function workOfCommittees(db: Executor, ids: readonly string[]) {
  const rows = await committeeWorkOf(db, ids);
  return new Map(ids.map((id) => [id, workOf(rows.find((r) => r.id === id))]));
}
