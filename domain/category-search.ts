// Finding a case category by the words a caller uses (issue 9 §7): "噪音" finds 噪声扰民 through its
// keywords (检索词), "楼上装修噪音" finds it too (the query contains a keyword), and the names match as before.

export interface SearchableCategory {
  nameZh: string;
  nameEn: string;
  keywords: readonly string[];
}

const norm = (s: string) => s.trim().toLowerCase();

/** Whether a category answers a search: a name containing the query, or a keyword in or containing it. */
export function categoryMatches(category: SearchableCategory, query: string): boolean {
  const q = norm(query);
  if (!q) return true;
  if (norm(category.nameZh).includes(q) || norm(category.nameEn).includes(q)) return true;
  return category.keywords.some((k) => {
    const w = norm(k);
    return w.length > 0 && (w.includes(q) || q.includes(w));
  });
}
