// The 红黑榜 of the KPI page: the best and the worst units (streets, departments, companies, compounds) by one
// rate (按时办结率 or 满意率) among the units with enough cases to be fairly compared. Pure; no I/O.
//
// A unit counts when it has at least `minCases` cases in the period and the rate is measurable (not null).
// 红榜 = the highest rates, 黑榜 = the lowest; when fewer than 2 × `size` units count, the two lists split
// them (the upper half red, the lower half black) so no unit is on both. Ties: more cases first on the red
// list (a rate held over more cases weighs more), more cases first on the black list too (more people
// affected), then by name.

export const RANKING_MIN_CASES = 3;
export const RANKING_SIZE = 5;

export interface RankedUnit {
  key: string;
  name: string;
  total: number;
  rate: number;
}

export interface Ranking {
  red: RankedUnit[];
  black: RankedUnit[];
  /** Units that met the threshold. */
  eligible: number;
}

export function rankUnits<T extends { key: string; name: string; total: number }>(
  rows: readonly T[],
  rateOf: (row: T) => number | null,
  { minCases = RANKING_MIN_CASES, size = RANKING_SIZE } = {},
): Ranking {
  const units: RankedUnit[] = [];
  for (const r of rows) {
    const rate = rateOf(r);
    if (r.total >= minCases && rate !== null && Number.isFinite(rate))
      units.push({ key: r.key, name: r.name, total: r.total, rate });
  }
  const byName = (a: RankedUnit, b: RankedUnit) =>
    a.name.localeCompare(b.name, 'zh-CN') || (a.key < b.key ? -1 : 1);
  const best = [...units].sort((a, b) => b.rate - a.rate || b.total - a.total || byName(a, b));
  const redSize = Math.min(size, Math.ceil(units.length / 2));
  const blackSize = Math.min(size, units.length - redSize);
  const red = best.slice(0, redSize);
  const onRed = new Set(red.map((u) => u.key));
  const black = [...units]
    .filter((u) => !onRed.has(u.key))
    .sort((a, b) => a.rate - b.rate || b.total - a.total || byName(a, b))
    .slice(0, blackSize);
  return { red, black, eligible: units.length };
}
