// Statutory duties on a case besides its workflow: the checks the law sets on them, each with its article.
// The clocks of these duties are SLA stages (domain/sla.ts: feedback, report); this file decides who carries a
// duty and whether a step taken meets the law. Pure; no I/O.
import { addDays, dayNumber, isValidDate } from './calendar.js';

/**
 * 拆违规定 Art 9: a 责令限期拆除 decision served by 通告 gives "告示期限自通告发布之日起不少于十日". Counted as the
 * law counts days (民法典 Art 201: the day of publication is not counted), so the period may end on the tenth
 * day after publication at the earliest.
 */
export const ENFORCEMENT_NOTICE = { minDays: 10, ref: '拆违 Art 9' } as const;

/** Categories whose cases may carry the enforcement notice step (违法建筑 under 拆违规定). */
export const ENFORCEMENT_NOTICE_CATEGORIES: readonly string[] = ['illegal_construction'];

export function takesEnforcementNotice(categoryCode: string): boolean {
  return ENFORCEMENT_NOTICE_CATEGORIES.includes(categoryCode);
}

export type EnforcementNoticeCheck =
  | { ok: true; days: number }
  | { ok: false; reason: 'invalid_date' | 'too_short'; earliestEnd: string | null };

/**
 * Whether a notice published on `publishedOn` whose period ends on `endsOn` (both 'YYYY-MM-DD', Shanghai) meets
 * Art 9: at least ten days after the day of publication (2025-03-01 → 03-11 or later).
 */
export function checkEnforcementNotice(publishedOn: string, endsOn: string): EnforcementNoticeCheck {
  if (!isValidDate(publishedOn)) return { ok: false, reason: 'invalid_date', earliestEnd: null };
  const earliestEnd = addDays(publishedOn, ENFORCEMENT_NOTICE.minDays);
  if (!isValidDate(endsOn)) return { ok: false, reason: 'invalid_date', earliestEnd };
  const days = dayNumber(endsOn) - dayNumber(publishedOn);
  return days >= ENFORCEMENT_NOTICE.minDays
    ? { ok: true, days }
    : { ok: false, reason: 'too_short', earliestEnd };
}

/**
 * 《规定》 Art 59: a property company that finds conduct violating the rules or the 管理规约 dissuades and stops
 * it; when that fails it reports to the owners' committee and the authorities within 24 hours. The duty is the
 * company's: it applies when the case's lead is a property company and the category has a `report` SLA
 * policy (which categories do is data, reference/sla-policies.json).
 */
export function carriesViolationReport(
  leadOrgType: string | null | undefined,
  hasReportPolicy: boolean,
): boolean {
  return !!leadOrgType && PROPERTY_COMPANY_ORG_TYPES.includes(leadOrgType) && hasReportPolicy;
}

/** A property company and its own units (分公司, 项目部): the 物业服务企业 of Art 59. */
export const PROPERTY_COMPANY_ORG_TYPES: readonly string[] = [
  'property_company',
  'company_branch',
  'project_office',
];

/** Where a case stands on the Art 59 duty. */
export type ViolationReportState = 'none' | 'dissuading' | 'reportDue' | 'reported';

export function violationReportState(c: {
  duty: boolean;
  reportDueAt: string | null;
  reportedAt: string | null;
}): ViolationReportState {
  if (!c.duty) return 'none';
  if (c.reportedAt) return 'reported';
  return c.reportDueAt ? 'reportDue' : 'dissuading';
}
