// How the KPI screens write a rate: a percentage with one decimal, "—" when there is nothing to measure.
export const formatRate = (r: number | null | undefined) =>
  r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`;
