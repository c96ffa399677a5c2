// Duplicate cases (重复投诉, issue 9 §7): when a new report repeats an open case. One rule, read by intake's
// flag, the similar-cases hint, the demo history and the 重复投诉率 KPI. No I/O.
//
// Two cases are duplicates when they are about the same compound and category, the earlier one is still
// open and was recorded within the window, and their routing attributes agree: an attribute both cases state
// with different values (表前 vs 表后, 共用部位 vs 自用部位, …) makes them different problems for different
// handlers. An attribute only one of them states is not a conflict (the caller did not know). Attributes are
// compared generically, by name and value, whatever the taxonomy defines.

/** [U] How far back an open case still counts as the one a new report repeats (product default: 7 days). */
export const DUPLICATE_WINDOW_DAYS = 7;

/** Statuses of a case a new report may repeat: recorded and not yet finished (挂账 and 待核查 are not). */
export const DUPLICATE_OPEN_STATUSES = [
  'received',
  'accepted',
  'dispatched',
  'signed',
  'reported',
  'suspended',
] as const;

/** Statuses of a case another one may be merged into (合并): open and not paused. */
export const MERGE_TARGET_STATUSES = ['received', 'accepted', 'dispatched', 'signed', 'reported'] as const;

export type CaseAttributeValues = Readonly<Record<string, unknown>>;

/** What the rule reads of a case. */
export interface DuplicateFacts {
  compoundId: string | null;
  categoryCode: string;
  attributes: CaseAttributeValues;
  createdAt: string; // ISO-8601 instant
}

export interface DuplicateCandidate extends DuplicateFacts {
  status: string;
}

const stated = (v: unknown) => v !== undefined && v !== null && v !== '';

/** Whether two cases' attributes agree: no attribute stated by both with different values. */
export function attributesAgree(a: CaseAttributeValues, b: CaseAttributeValues): boolean {
  for (const [name, value] of Object.entries(a)) {
    const other = b[name];
    if (stated(value) && stated(other) && String(value) !== String(other)) return false;
  }
  return true;
}

/** The earliest creation instant an open case may have to be repeated by a report made at `at`. */
export function duplicateWindowStart(at: Date): Date {
  return new Date(at.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000);
}

export function isDuplicateOpen(status: string): boolean {
  return (DUPLICATE_OPEN_STATUSES as readonly string[]).includes(status);
}

export function isMergeTarget(status: string): boolean {
  return (MERGE_TARGET_STATUSES as readonly string[]).includes(status);
}

/**
 * Whether the report `later` repeats the case `earlier`: same compound (a report without one repeats
 * nothing), same category, `earlier` open and created within the window before `later` (both ends
 * inclusive), attributes agreeing.
 */
export function isDuplicateOf(later: DuplicateFacts, earlier: DuplicateCandidate): boolean {
  if (!later.compoundId || later.compoundId !== earlier.compoundId) return false;
  if (later.categoryCode !== earlier.categoryCode) return false;
  if (!isDuplicateOpen(earlier.status)) return false;
  const at = Date.parse(later.createdAt);
  const created = Date.parse(earlier.createdAt);
  if (created > at || created < duplicateWindowStart(new Date(at)).getTime()) return false;
  return attributesAgree(later.attributes, earlier.attributes);
}

/** The case a report repeats: the oldest candidate the rule accepts, or null. */
export function findDuplicate<C extends DuplicateCandidate>(
  later: DuplicateFacts,
  candidates: readonly C[],
): C | null {
  let best: C | null = null;
  for (const c of candidates)
    if (isDuplicateOf(later, c) && (!best || c.createdAt < best.createdAt)) best = c;
  return best;
}
