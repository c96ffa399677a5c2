// The window to ask a court to revoke a decision of the 业主大会 or 业主委员会 — 《最高人民法院关于审理建筑物区分所有权
// 纠纷案件适用法律若干问题的解释》 Art 12 (民法典 Art 280 ¶2). No I/O.
//
// Art 12: "…应当在知道或者应当知道业主大会或者业主委员会作出决定之日起一年内行使。" The year runs from the day the
// owner knew or should have known the decision was made — a day that differs by owner:
// - an owner who voted took part in making it: they knew on the day voting closed (the decision was made);
// - any other owner should have known by the posting of the result at the latest, so their year runs at least
//   until a year after the posting — later when they show they could not have known then (a court decides).
// The year is 民法典 Arts 201–203 arithmetic (./calendar.ts: from the next day, a corresponding day or the
// month's last, moved off a day off, ending 24:00).
import { statutoryDeadline, type BusinessCalendar, type StatutoryDeadline } from './calendar.js';
import { PERIODS } from './governance.js';

export interface ChallengeWindows {
  /** Owners who voted: one year from the day voting closed. */
  voters: StatutoryDeadline | null;
  /** Every other owner: AT LEAST until this day (one year from the posting of the result). */
  othersAtLeast: StatutoryDeadline | null;
}

export function challengeWindows(
  cal: BusinessCalendar,
  f: { closedOn: string | null; publishedOn: string | null },
): ChallengeWindows {
  const year = (from: string) =>
    statutoryDeadline(cal, from, PERIODS.challengeWindow.amount, PERIODS.challengeWindow.unit);
  return {
    voters: f.closedOn ? year(f.closedOn) : null,
    othersAtLeast: f.publishedOn ? year(f.publishedOn) : null,
  };
}
