// Filings with the street office (备案) — 《上海市住宅物业管理规定》 Arts 23, 33, 34 — the days they count from.
// No I/O; dates 'YYYY-MM-DD' in Shanghai. Periods: ./calendar.ts statutoryDeadline (民法典 Arts 201–203).
//
// - Art 34: "乡、镇人民政府或者街道办事处受理业主委员会备案后，应当在二十日内完成备案手续" — the 20 days run from the
//   street's acceptance (受理) of the filing, not from the day the committee handed it in. The law names no
//   period for 受理 itself: FILING_RECEIPT is the product's reminder (a product default, marked so).
// - Art 33 ¶1: "业主委员会的名称、所辖区域范围、委员、业主大会议事规则和管理规约发生变更的，业主委员会应当在三十日内…
//   办理变更备案手续" — the 30 days run from the change; a change made by an assembly decision happens when the
//   decision is made (voting closes), not when its result is published.
import {
  shanghaiDate,
  statutoryDeadline,
  type BusinessCalendar,
  type StatutoryDeadline,
} from './calendar.js';
import { PERIODS, type GovProblem } from './governance.js';

/** The street's reminder to accept (受理) a submitted filing: the law names no period (product default). */
export const FILING_RECEIPT = { amount: 5, unit: 'd', ref: '《规定》 Art 34 (product default)' } as const;

/** Art 34: the last day to complete a filing (or a change filing) the street accepted on `receivedOn`. */
export function filingCompletionDue(cal: BusinessCalendar, receivedOn: string): StatutoryDeadline {
  return statutoryDeadline(cal, receivedOn, PERIODS.filingDecision.amount);
}

/** 受理 comes after the submission and before the decision; a decision needs 受理 first. */
export function filingReceiptProblem(f: {
  submittedOn: string | null;
  receivedOn: string | null;
  on: string;
}): GovProblem | null {
  if (!f.submittedOn) return { code: 'filing_not_submitted' };
  if (f.receivedOn) return { code: 'filing_already_received', params: { date: f.receivedOn } };
  if (f.on < f.submittedOn) return { code: 'date_before', params: { date: f.submittedOn } };
  return null;
}

/** The day an assembly decision changes what the committee filed: the day voting closed (Art 33 ¶1). */
export function decisionChangeDay(closedAt: Date | string): string {
  return shanghaiDate(typeof closedAt === 'string' ? new Date(closedAt) : closedAt);
}

/** Art 33 ¶1: the last day to file a change made on `changedOn`. */
export function changeFilingDue(cal: BusinessCalendar, changedOn: string): StatutoryDeadline {
  return statutoryDeadline(cal, changedOn, PERIODS.changeFiling.amount);
}
