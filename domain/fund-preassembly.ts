// Using the maintenance fund after the developer's report but before the owners' assembly exists
// (《上海市住宅物业管理规定》第七十一条第二款、第三款). Pure rules: the server reads the facts, these functions decide.
//
// The law's path, as encoded here:
// - the property company proposes a repair plan (物业服务企业应当提出维修实施方案);
// - the residents' committee (居民委员会) consults the owners (组织征询业主意见): of the whole compound for a
//   全体共用 part, or only of the affected part (仅涉及部分共用部分的，可以提交涉及共用部分的业主依法讨论通过);
// - "依法讨论通过" is read as 民法典第二百七十八条 reads a use of the fund: at least two thirds of the part's area
//   and of its owners take part, and more than half of the participating area and persons agree;
// - the cost is reviewed by the intermediary the city housing authority names (市房屋行政管理部门指定的中介机构);
// - then it is paid from the fund (在专项维修资金中列支). No owners' committee exists to instruct the bank, so the
//   district housing authority, which keeps the account, pays.
// A consultation that does not pass closes the application; the company may propose again.
import type { FundUseStage } from './fund-emergency.js';

export const APPLICATION_STATUSES = ['proposed', 'consulted', 'rejected', 'paid'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_ACTIONS = ['consult', 'review_cost', 'pay'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** Who acts: the residents' committee consults; the district records the review and pays. */
export type ApplicationActor = 'residents_committee' | 'district';

export interface ConsultationCounts {
  /** Of the part consulted, from the registry: area in centi-m², persons = distinct owners. */
  totalCenti: number;
  totalPersons: number;
  participatingCenti: number;
  participatingPersons: number;
  agreeingCenti: number;
  agreeingPersons: number;
}

export type ConsultationProblem = 'consultation_counts_invalid';

/** Counts that cannot be (more taking part than own the part, more agreeing than taking part), or null. */
export function consultationCountsProblem(c: ConsultationCounts): ConsultationProblem | null {
  const ints = Object.values(c).every((v) => Number.isSafeInteger(v) && v >= 0);
  if (!ints) return 'consultation_counts_invalid';
  if (c.participatingCenti > c.totalCenti || c.participatingPersons > c.totalPersons) {
    return 'consultation_counts_invalid';
  }
  if (c.agreeingCenti > c.participatingCenti || c.agreeingPersons > c.participatingPersons) {
    return 'consultation_counts_invalid';
  }
  return null;
}

/** 民法典第二百七十八条第二款 for using the fund: two thirds take part; more than half of them agree. */
export function consultationPassed(c: ConsultationCounts): boolean {
  const quorum =
    c.totalPersons > 0 &&
    3 * c.participatingCenti >= 2 * c.totalCenti &&
    3 * c.participatingPersons >= 2 * c.totalPersons;
  return (
    quorum && 2 * c.agreeingCenti > c.participatingCenti && 2 * c.agreeingPersons > c.participatingPersons
  );
}

/** Why the company may not propose at this stage, or null (第七十一条第一款; with an assembly, Art 69 applies). */
export function proposalStageProblem(
  stage: FundUseStage,
): 'before_developer_report' | 'application_assembly_exists' | null {
  if (stage === 'before_report') return 'before_developer_report';
  return stage === 'assembly' ? 'application_assembly_exists' : null;
}

export interface ApplicationFacts {
  status: ApplicationStatus;
  reviewedCostFen: number | null;
}

export type ApplicationProblem =
  'application_wrong_state' | 'application_not_yours' | 'application_cost_not_reviewed';

/** Why `who` may not take `action`, or null. */
export function applicationActionProblem(
  f: ApplicationFacts,
  action: ApplicationAction,
  who: ApplicationActor,
): ApplicationProblem | null {
  switch (action) {
    case 'consult':
      if (f.status !== 'proposed') return 'application_wrong_state';
      return who === 'residents_committee' ? null : 'application_not_yours';
    case 'review_cost':
      if (f.status !== 'proposed' && f.status !== 'consulted') return 'application_wrong_state';
      return who === 'district' ? null : 'application_not_yours';
    case 'pay':
      if (f.status !== 'consulted') return 'application_wrong_state';
      if (who !== 'district') return 'application_not_yours';
      return f.reviewedCostFen === null ? 'application_cost_not_reviewed' : null;
  }
}
