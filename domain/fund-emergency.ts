// Emergency use of the maintenance fund (专项维修资金的应急使用), 《上海市住宅物业管理规定》第七十三条, and the
// compound's stage that decides whether and how the fund may be used at all (第七十一条). Pure rules: the
// server reads the facts, these functions decide.
//
// The law's path, as encoded here:
// - 第七十一条第一款: before the developer's written report on forming the assembly (建设单位书面报告) the fund may
//   not be used at all; the developer carries the repair. We apply this to the emergency path too: 第七十三条
//   第三款 governs how an emergency use is approved, not whether the fund can be touched before the report.
// - 第七十三条第二款: five situations, four of which need a document from a named body (the lift inspection
//   agency's rectification notice, the fire department's rectification notice, a qualified appraiser's
//   certificate); and the repair must be outside the construction warranty (不属于工程质量保证范围).
// - 第七十三条第三款(一): before the assembly is formed, the 房管机构 approves and the district housing authority
//   pays directly (直接列支) on the intermediary's cost review.
// - 第七十三条第三款(二): with an assembly, the owners' committee approves; if it has not approved within 7 days
//   (民法典第二百零一条至第二百零三条: counted from the next day, a last day off moves) and use or safety is
//   affected, the district housing authority may order the repair done on the owners' behalf (代为维修) and the
//   fund pays on the cost review report and the district's withdrawal notice (支取通知).
// In every path the cost is reviewed by a qualified intermediary (经具有相应资质的中介机构审价) before payment.
import { statutoryDeadline, type BusinessCalendar } from './calendar.js';

/** 第七十三条第二款 (一)–(五). */
export const EMERGENCY_SITUATIONS = ['pump_tank', 'lift', 'fire_system', 'facade', 'leak'] as const;
export type EmergencySituation = (typeof EMERGENCY_SITUATIONS)[number];

/** The document each situation requires (null: none named by the law — (一) needs only that use is affected). */
export const SITUATION_DOCUMENT: Readonly<
  Record<EmergencySituation, 'inspection_notice' | 'fire_notice' | 'appraisal' | null>
> = {
  pump_tank: null, // （一）水泵、水箱（池）故障，影响正常使用的
  lift: 'inspection_notice', // （二）电梯专业检测机构出具整改通知书要求停运的
  fire_system: 'fire_notice', // （三）消防部门出具整改通知书的
  facade: 'appraisal', // （四）经有资质的鉴定机构出具证明的
  leak: 'appraisal', // （五）经有资质的鉴定机构出具证明的
};

/** Where a compound stands for the fund's use (第七十一条, 第七十三条第三款). */
export type FundUseStage = 'before_report' | 'before_assembly' | 'assembly';

export function fundUseStage(facts: { developerReported: boolean; assemblyFormed: boolean }): FundUseStage {
  if (facts.assemblyFormed) return 'assembly';
  return facts.developerReported ? 'before_assembly' : 'before_report';
}

/** The committee's review period (第七十三条第三款(二) "七日内"). */
export const COMMITTEE_REVIEW_DAYS = 7;

export function committeeReviewDeadline(cal: BusinessCalendar, reportedOn: string): string {
  return statutoryDeadline(cal, reportedOn, COMMITTEE_REVIEW_DAYS, 'd').lastDay;
}

export const EMERGENCY_STATUSES = [
  'reported', // 报告并申请: waiting for the committee (assembly) or the 房管机构 (before the assembly)
  'approved', // 审核同意 by the committee or the 房管机构
  'district_ordered', // 区房屋行政管理部门组织代为维修 (the committee did not approve in 7 days)
  'refused', // the committee or the 房管机构 refused; the company may report again with a new plan
  'paid', // 列支: paid from the fund on the reviewed cost
] as const;
export type EmergencyStatus = (typeof EMERGENCY_STATUSES)[number];

export interface EmergencyFacts {
  stage: Exclude<FundUseStage, 'before_report'>;
  status: EmergencyStatus;
  reportedOn: string;
  /** 第七十三条第三款(二): the last day of the committee's 7 days (assembly stage only). */
  committeeDueOn: string | null;
  /** 已出现影响房屋正常使用或者居民人身财产安全情形 (recorded by the company, checked by the district). */
  safetyAffected: boolean;
  reviewedCostFen: number | null;
}

export type EmergencyAction = 'approve' | 'refuse' | 'order_repair' | 'review_cost' | 'pay';
/** Who acts: the owners' committee, the 房管机构 / district housing authority, or either (the cost review). */
export type EmergencyActor = 'committee' | 'housing' | 'company';

export type EmergencyProblem =
  | 'emergency_wrong_state'
  | 'emergency_not_yours'
  | 'emergency_committee_time_left'
  | 'emergency_safety_not_affected'
  | 'emergency_cost_not_reviewed';

/**
 * Why `who` may not take `action` on `today`, or null. The approver is the committee with an assembly, the
 * 房管机构 before it; 代为维修 only with an assembly, after the committee's 7 days and with use or safety affected;
 * payment only after approval or the order, on a reviewed cost — by the committee (it instructs the bank) when it
 * approved, by the district directly before the assembly (直接列支) or after its order.
 */
export function emergencyActionProblem(
  f: EmergencyFacts,
  action: EmergencyAction,
  who: EmergencyActor,
  today: string,
): EmergencyProblem | null {
  const approver: EmergencyActor = f.stage === 'assembly' ? 'committee' : 'housing';
  switch (action) {
    case 'approve':
    case 'refuse':
      if (f.status !== 'reported') return 'emergency_wrong_state';
      return who === approver ? null : 'emergency_not_yours';
    case 'order_repair':
      if (f.stage !== 'assembly' || f.status !== 'reported') return 'emergency_wrong_state';
      if (who !== 'housing') return 'emergency_not_yours';
      if (f.committeeDueOn && today <= f.committeeDueOn) return 'emergency_committee_time_left';
      return f.safetyAffected ? null : 'emergency_safety_not_affected';
    case 'review_cost':
      return f.status === 'refused' || f.status === 'paid' ? 'emergency_wrong_state' : null;
    case 'pay': {
      if (f.status !== 'approved' && f.status !== 'district_ordered') return 'emergency_wrong_state';
      const payer: EmergencyActor =
        f.stage === 'assembly' && f.status === 'approved' ? 'committee' : 'housing';
      if (who !== payer) return 'emergency_not_yours';
      return f.reviewedCostFen === null ? 'emergency_cost_not_reviewed' : null;
    }
  }
}

/** The document a report lacks for its situation, or null. */
export function missingDocument(
  situation: EmergencySituation,
  document: { issuer?: string | null; number?: string | null } | null,
): 'inspection_notice' | 'fire_notice' | 'appraisal' | null {
  const needed = SITUATION_DOCUMENT[situation];
  if (!needed) return null;
  return document?.issuer?.trim() && document.number?.trim() ? null : needed;
}
