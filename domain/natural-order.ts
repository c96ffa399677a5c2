// The order people expect for unit numbers and building names: digits compare as numbers, so 101, 102, …,
// 1001 and 2号楼 before 10号楼 (a text sort puts 1001 before 102 and 10号楼 before 2号楼).
const COLLATOR = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/** Compares two labels with their digit runs as numbers; ties keep a stable text order. */
export function naturalCompare(a: string, b: string): number {
  return COLLATOR.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A copy of the items sorted by a label in natural order. */
export function naturallySorted<T>(items: readonly T[], label: (item: T) => string): T[] {
  return [...items].sort((x, y) => naturalCompare(label(x), label(y)));
}
