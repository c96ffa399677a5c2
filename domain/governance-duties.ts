// Duties of the owners' committee and the street that 《上海市住宅物业管理规定》 (2020-12-30, 《规定》) names and
// the first governance rules lacked (issue 14 items 6–11, 16), as pure functions. No I/O; dates 'YYYY-MM-DD'.
//
// - Art 25 ¶2 (and 国务院《物业管理条例》 Art 14 ¶2): before an assembly meeting the committee notifies, in
//   writing, the 房管机构 and the 居民委员会 (或者村民委员会) of its time, place, topics and agenda.
// - Art 25 ¶1: "经百分之二十以上业主提议" — owners (persons, counted as 区分所有权解释 Art 9 counts them), not
//   area — the committee must convene an extraordinary assembly meeting.
// - Art 26 ¶1: "经三分之一以上业主委员会委员提议" — an extraordinary committee meeting "应当及时召开".
// - Art 30: a member who leaves hands over what Art 29 ¶1 lists within 10 days.
// - Art 13 ¶2: a region with one owner, or few owners who all agree not to form an assembly, forms none.
// - Art 33 ¶2: 注销备案 within 30 days when the committee cannot continue.
// - Art 23 ¶1: the six documents of the committee's filing.
// "以上" includes the number (民法典 Art 1259): exactly 20 % and exactly one third pass.
import type { PeriodUnit } from './calendar.js';
import type { GovProblem } from './governance.js';

/** Periods of these duties. "(product default)" marks a number the law leaves open (decision 0009). */
export const DUTY_PERIODS = {
  /** Art 25 ¶1 says only "应当组织召开": the 30 days are the product's. */
  extraordinaryAssembly: { amount: 30, unit: 'd', ref: '《规定》 Art 25 ¶1 (product default)' },
  /** Art 26 ¶1 says "应当及时召开": the 7 days are the product's. */
  extraordinaryCommitteeMeeting: { amount: 7, unit: 'd', ref: '《规定》 Art 26 ¶1 (product default)' },
  memberHandover: { amount: 10, unit: 'd', ref: '《规定》 Art 30' },
  deregistrationFiling: { amount: 30, unit: 'd', ref: '《规定》 Art 33 ¶2' },
} as const satisfies Record<string, { amount: number; unit: PeriodUnit; ref: string }>;

// ---------------------------------------------------------------------------------------------------------
// Written notice of an assembly meeting — Art 25 ¶2; 《物业管理条例》 Art 14 ¶2

export const MEETING_NOTICE_RECIPIENTS = ['housing_office', 'residents_committee'] as const;
export type MeetingNoticeRecipient = (typeof MEETING_NOTICE_RECIPIENTS)[number];
export const MEETING_NOTICE_REF = '《规定》 Art 25 ¶2; 《物业管理条例》 Art 14 ¶2';

/**
 * What keeps a decision (业主大会会议, by meeting or in writing) from opening: a recipient never notified, or
 * notified only after the day it opens ("事先"). No minimum number of days: the law names none.
 */
export function meetingNoticeProblems(
  notices: readonly { recipient: MeetingNoticeRecipient; notifiedOn: string }[],
  opensOn: string,
): GovProblem[] {
  const missing = MEETING_NOTICE_RECIPIENTS.filter(
    (r) => !notices.some((n) => n.recipient === r && n.notifiedOn <= opensOn),
  );
  return missing.length === 0
    ? []
    : [{ code: 'meeting_notice_missing', params: { recipients: missing.join(',') } }];
}

// ---------------------------------------------------------------------------------------------------------
// Petitions for extraordinary meetings — Art 25 ¶1 (assembly), Art 26 ¶1 (committee)

/** Art 25 ¶1: 20 % or more of the owners (persons). 5·proposers ≥ owners, so exactly 20 % passes. */
export function assemblyPetitionMet(proposers: number, owners: number): boolean {
  return owners > 0 && proposers > 0 && proposers <= owners && 5 * proposers >= owners;
}

/** Art 26 ¶1: one third or more of the serving members. 3·proposers ≥ members, so exactly 1/3 passes. */
export function committeeRequestMet(proposers: number, members: number): boolean {
  return members > 0 && proposers > 0 && proposers <= members && 3 * proposers >= members;
}

/** Problems of a recorded assembly petition: more proposers than owners is a typing error, not a petition. */
export function petitionProblems(proposers: number, owners: number): GovProblem[] {
  if (!Number.isSafeInteger(proposers) || proposers < 1)
    return [{ code: 'petition_proposers_invalid', params: { proposers } }];
  if (proposers > owners) return [{ code: 'petition_exceeds_owners', params: { proposers, owners } }];
  return [];
}

// ---------------------------------------------------------------------------------------------------------
// Exemption from forming an assembly — Art 13 ¶2 "但只有一个业主的，或者业主人数较少且经全体业主一致同意…"

export const EXEMPTION_REASONS = ['single_owner', 'unanimous'] as const;
export type ExemptionReason = (typeof EXEMPTION_REASONS)[number];
export const EXEMPTION_REF = '《规定》 Art 13 ¶2';

/**
 * Whether the exemption may be recorded: one owner today (single_owner), or every owner agreed in writing
 * (unanimous: the owners who agreed are all of today's owners). "业主人数较少" has no number in the law; the
 * street judges it (product default: no cap).
 */
export function exemptionProblems(input: {
  reason: ExemptionReason;
  owners: number;
  agreed: number | null;
}): GovProblem[] {
  if (input.reason === 'single_owner') {
    return input.owners === 1
      ? []
      : [{ code: 'exemption_not_single_owner', params: { owners: input.owners } }];
  }
  if (input.agreed === null || input.owners < 1 || input.agreed !== input.owners) {
    return [{ code: 'exemption_not_unanimous', params: { agreed: input.agreed ?? 0, owners: input.owners } }];
  }
  return [];
}

/**
 * Whether a recorded exemption still holds with today's owners: a single owner while there is at most one;
 * a unanimous agreement while the owners are no more than those who agreed (a new owner did not agree).
 */
export function exemptionHolds(
  ex: { reason: ExemptionReason; ownersAtRecord: number },
  ownersNow: number,
): boolean {
  return ex.reason === 'single_owner' ? ownersNow <= 1 : ownersNow <= ex.ownersAtRecord;
}

// ---------------------------------------------------------------------------------------------------------
// The filing file — Art 23 ¶1 (一)–(六)

export const FILING_MATERIALS = [
  'assembly_minutes', // (一) 业主大会会议记录和会议决定
  'rules_of_procedure', // (二) 业主大会议事规则
  'management_statute', // (三) 管理规约
  'fund_statute', // (四) 专项维修资金管理规约
  'member_list', // (五) 业主委员会委员的名单、基本情况和书面承诺
  'training_records', // (六) 业主委员会委员的培训记录
] as const;
export type FilingMaterial = (typeof FILING_MATERIALS)[number];
export const FILING_MATERIALS_REF = '《规定》 Art 23 ¶1';

/**
 * The materials the filing still lacks: each of the six must be in the file; (五) also needs every serving
 * member's written undertaking and (六) every serving member's training on record.
 */
export function filingMaterialGaps(input: {
  provided: ReadonlySet<FilingMaterial>;
  undertakingsSigned: boolean;
  membersTrained: boolean;
}): FilingMaterial[] {
  return FILING_MATERIALS.filter((m) => {
    if (!input.provided.has(m)) return true;
    if (m === 'member_list') return !input.undertakingsSigned;
    if (m === 'training_records') return !input.membersTrained;
    return false;
  });
}
