// Who may serve on an owners' committee — 《上海市住宅物业管理规定》 Art 20 ¶2–3 — as a pure rule. No I/O.
//
// Art 20 ¶2: "业主在本物业管理区域内有损坏房屋承重结构、违法搭建、破坏房屋外貌、擅自改变物业使用性质、欠交物业服务费
// 或者专项维修资金、违法出租房屋等情形之一且未改正的，不得担任业主委员会委员。" Six grounds, each only while it is
// not corrected (且未改正). Besides them: the candidate must be an owner of the region, and neither the candidate
// nor their spouse or lineal relatives may work for the property company serving it (declared by the
// candidate); the 国务院《物业管理条例》 conditions and any grounds the 业主大会 adds stay with the 筹备组's review.
//
// Where the system can see a ground:
// - cases: an open case of a category that is the ground (违法搭建 → illegal_construction; 违法出租 → group_renting,
//   which covers 群租 only) on a unit the candidate holds. Cases are kept for every compound, so these two
//   grounds are always checked.
// - the register of grounds (unit_violations): a ground found on a unit and its correction day, kept by the
//   street office. A compound that keeps it (any entry) has all five of its grounds checked; one that does not
//   leaves 损坏承重结构, 破坏房屋外貌, 擅自改变使用性质 unchecked, and 违法出租 checked for 群租 only.
// - arrears (fee_arrears): 欠交 checked where the compound keeps arrears records.
// "Keeps records" = at least one entry in the compound: a product default (the law names no register).

/** The six grounds of Art 20 ¶2, in the statute's order. */
export const ART20_GROUNDS = [
  'load_bearing', // 损坏房屋承重结构
  'illegal_construction', // 违法搭建
  'facade', // 破坏房屋外貌
  'change_of_use', // 擅自改变物业使用性质
  'unpaid_fees', // 欠交物业服务费或者专项维修资金
  'illegal_renting', // 违法出租房屋 (群租 is one kind)
] as const;
export type Art20Ground = (typeof ART20_GROUNDS)[number];

/** Grounds the register of grounds (unit_violations) records: all but arrears, which have their own records. */
export const VIOLATION_GROUNDS = [
  'load_bearing',
  'illegal_construction',
  'facade',
  'change_of_use',
  'illegal_renting',
] as const satisfies readonly Art20Ground[];
export type ViolationGround = (typeof VIOLATION_GROUNDS)[number];

/** Case categories that are an Art 20 ¶2 ground (the category code → the ground). */
export const CASE_CATEGORY_GROUNDS: Readonly<Record<string, ViolationGround>> = {
  illegal_construction: 'illegal_construction',
  group_renting: 'illegal_renting',
};

export const DISQUALIFICATIONS = [
  'not_owner', // 委员 must be an owner of the region (and stops being one under Art 31 (一))
  'illegal_construction',
  'illegal_renting',
  'unpaid_fees',
  'employed_by_manager', // 本人、配偶及其直系亲属 working for the property company serving the region (declared)
  'load_bearing',
  'facade',
  'change_of_use',
] as const;
export type Disqualification = (typeof DISQUALIFICATIONS)[number];

/** How a ground was checked: by cases, the register, arrears records; 'group_renting_only' = 群租 cases alone. */
export type CheckSource = 'cases' | 'register' | 'arrears';

export interface EligibilityFacts {
  isOwner: boolean;
  /** Open cases (未改正) on the candidate's units, of any category; only those of CASE_CATEGORY_GROUNDS count. */
  openCases: readonly { caseNo: string; category: string }[];
  /** Uncorrected register entries on the candidate's units; null = the compound keeps no register. */
  violations: readonly { ground: ViolationGround; foundOn: string }[] | null;
  /** Declared: the candidate, spouse or a lineal relative works for the serving property company. */
  employedByManager: boolean;
  /** Unpaid fees or fund contributions: null = not recorded in the system (not checked). */
  unpaidFees: boolean | null;
}

export interface GroundCheck {
  ground: Art20Ground;
  /** What the check read; empty when nothing could be read (the ground is unchecked). */
  sources: CheckSource[];
  /** Only 群租 cases were read for 违法出租 (no register): other illegal renting is not seen. */
  partial: boolean;
}

export interface Eligibility {
  eligible: boolean;
  reasons: { code: Disqualification; caseNos?: string[]; foundOn?: string[] }[];
  /** Every ground of Art 20 ¶2 with what was read for it. */
  grounds: GroundCheck[];
  /** Grounds the system could not check (nothing recorded), and 'other_statutory' (always: the 筹备组's review). */
  unchecked: (Art20Ground | 'other_statutory')[];
}

function groundCheck(g: Art20Ground, f: EligibilityFacts): GroundCheck {
  if (g === 'unpaid_fees')
    return { ground: g, sources: f.unpaidFees === null ? [] : ['arrears'], partial: false };
  const sources: CheckSource[] = [];
  if (Object.values(CASE_CATEGORY_GROUNDS).includes(g)) sources.push('cases');
  if (f.violations !== null) sources.push('register');
  return { ground: g, sources, partial: g === 'illegal_renting' && f.violations === null };
}

/** The Art 20 ¶2 check from what the system records; says which grounds were checked and which were not. */
export function eligibility(f: EligibilityFacts): Eligibility {
  const reasons: Eligibility['reasons'] = [];
  if (!f.isOwner) reasons.push({ code: 'not_owner' });
  for (const g of ART20_GROUNDS) {
    if (g === 'unpaid_fees') {
      if (f.unpaidFees === true) reasons.push({ code: 'unpaid_fees' });
      continue;
    }
    const caseNos = f.openCases.filter((c) => CASE_CATEGORY_GROUNDS[c.category] === g).map((c) => c.caseNo);
    const foundOn = (f.violations ?? []).filter((v) => v.ground === g).map((v) => v.foundOn);
    if (caseNos.length === 0 && foundOn.length === 0) continue;
    reasons.push({
      code: g,
      ...(caseNos.length ? { caseNos } : {}),
      ...(foundOn.length ? { foundOn } : {}),
    });
  }
  if (f.employedByManager) reasons.push({ code: 'employed_by_manager' });
  const grounds = ART20_GROUNDS.map((g) => groundCheck(g, f));
  const unchecked: Eligibility['unchecked'] = grounds
    .filter((c) => c.sources.length === 0)
    .map((c) => c.ground);
  unchecked.push('other_statutory');
  return { eligible: reasons.length === 0, reasons, grounds, unchecked };
}
