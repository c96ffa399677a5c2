// 专项维修资金 (maintenance fund) arithmetic — pure, exact, integer fen (分) and centi-m² (0.01 m²); no floating
// point anywhere. The server's payments and top-up tasks and `gongzhi fund share|topup` all use these functions.
//
// 《上海市住宅物业管理规定》:
// - Art 68 ¶1(二)(三): the cost of a partly / wholly common part is borne by the owners of that part "按照各自拥有的
//   房屋建筑面积比例" — apportioned by building area. A unit's area is the 区分所有权解释 Art 8 one: registered,
//   else surveyed, else contract (domain/vote-tally.ts unitArea, the same precedence).
// - Art 65 ¶1: "专项维修资金余额不足首期筹集金额百分之三十的" starts a top-up (补建 / 再次筹集); ¶3: each owner brings
//   the balance "补至首期筹集金额的百分之五十".

/** A unit taking part in a cost share, with the area it shares by (centi-m², > 0). */
export interface ShareUnit {
  id: string;
  centi: number;
}

/** One unit's share of a cost, in input order. */
export interface FundShare {
  id: string;
  centi: number;
  fen: number;
}

/**
 * Apportions `costFen` over `units` by area (Art 68). Each unit gets ⌊cost × area / total⌋ fen; the fen left
 * over go one each to the units with the largest remainders, ties to the earlier unit in the input. The shares
 * always add up to exactly `costFen`. Throws a RangeError on an empty list or a non-positive area or cost
 * (callers validate first; this is the arithmetic).
 */
export function apportionCost(costFen: number, units: readonly ShareUnit[]): FundShare[] {
  if (!Number.isSafeInteger(costFen) || costFen <= 0) {
    throw new RangeError(`apportionCost: cost ${costFen} fen must be a positive whole number`);
  }
  if (units.length === 0) throw new RangeError('apportionCost: no units to share the cost');
  let total = 0n;
  for (const u of units) {
    if (!Number.isSafeInteger(u.centi) || u.centi <= 0) {
      throw new RangeError(`apportionCost: unit ${u.id} has area ${u.centi}; it must be positive`);
    }
    total += BigInt(u.centi);
  }
  const cost = BigInt(costFen);
  const floors: bigint[] = new Array<bigint>(units.length);
  const remainders: bigint[] = new Array<bigint>(units.length);
  let given = 0n;
  for (let i = 0; i < units.length; i++) {
    const product = cost * BigInt(units[i].centi);
    floors[i] = product / total;
    remainders[i] = product % total;
    given += floors[i];
  }
  const left = Number(cost - given); // < units.length: each remainder is < total
  if (left > 0) {
    const order = units.map((_, i) => i);
    // Largest remainder first; equal remainders keep input order (the earlier unit wins).
    order.sort((a, b) => (remainders[a] === remainders[b] ? a - b : remainders[a] > remainders[b] ? -1 : 1));
    for (let k = 0; k < left; k++) floors[order[k]] += 1n;
  }
  return units.map((u, i) => ({ id: u.id, centi: u.centi, fen: Number(floors[i]) }));
}

/** Art 65 ¶1: a top-up starts when the balance is under 30 % of the initial deposit (exactly 30 % is not under). */
export const TOPUP_THRESHOLD_PERCENT = 30;
/** Art 65 ¶3: the owner brings the balance back to 50 % of the initial deposit. */
export const TOPUP_TARGET_PERCENT = 50;

export interface TopUpDue {
  belowThreshold: boolean;
  /** Fen to pay to bring the balance to 50 % of the initial deposit (rounded up to the fen); 0 when not below. */
  dueFen: number;
}

/** Whether a unit ledger needs a top-up (Art 65 ¶1) and how much brings it to the Art 65 ¶3 level. */
export function topUpDue(initialFen: number, balanceFen: number): TopUpDue {
  if (!Number.isSafeInteger(initialFen) || initialFen <= 0) {
    throw new RangeError(`topUpDue: initial deposit ${initialFen} fen must be positive`);
  }
  if (!Number.isSafeInteger(balanceFen) || balanceFen < 0) {
    throw new RangeError(`topUpDue: balance ${balanceFen} fen must not be negative`);
  }
  const initial = BigInt(initialFen);
  const balance = BigInt(balanceFen);
  // balance < 30 % × initial  ⇔  100 × balance < 30 × initial (integers, no rounding)
  const below = 100n * balance < BigInt(TOPUP_THRESHOLD_PERCENT) * initial;
  if (!below) return { belowThreshold: false, dueFen: 0 };
  const target = ceilDiv(BigInt(TOPUP_TARGET_PERCENT) * initial, 100n);
  return { belowThreshold: true, dueFen: Number(target - balance) };
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** What a disbursement is paid on: a passed use decision of the owners of the part (Arts 69, 71 ¶1). */
export interface UseDecisionFacts {
  compoundId: string;
  matter: string;
  status: string; // draft | open | closed | published | cancelled
  passed: boolean;
  scope: 'compound' | 'buildings';
  buildingIds: readonly string[];
}

export type PaymentBasisProblem =
  'decision_other_compound' | 'decision_not_use_fund' | 'decision_not_published' | 'decision_not_passed';

/**
 * Why a payment may not be made on this decision, or null. The fund pays for a common part only on a
 * 使用建筑物及其附属设施的维修资金 decision (民法典 Art 278 ¶1(五)) of the owners of that part (《规定》 Art 69), passed
 * and its result posted (Art 27 ¶2) — the sharing units are then those of the decision's part.
 */
export function paymentBasisProblem(compoundId: string, d: UseDecisionFacts): PaymentBasisProblem | null {
  if (d.compoundId !== compoundId) return 'decision_other_compound';
  if (d.matter !== 'use_fund') return 'decision_not_use_fund';
  if (d.status !== 'published') return 'decision_not_published';
  if (!d.passed) return 'decision_not_passed';
  return null;
}

/** Units whose ledger balance does not cover their share (a payment never overdraws a unit ledger). */
export function overdrawnShares(
  shares: readonly FundShare[],
  balanceOf: (id: string) => number,
): { id: string; shortFen: number }[] {
  const short: { id: string; shortFen: number }[] = [];
  for (const s of shares) {
    const balance = balanceOf(s.id);
    if (balance < s.fen) short.push({ id: s.id, shortFen: s.fen - balance });
  }
  return short;
}
