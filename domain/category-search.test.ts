import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { categoryMatches } from './category-search.js';

const taxonomy = JSON.parse(
  readFileSync(new URL('../reference/case-taxonomy.json', import.meta.url), 'utf8'),
) as {
  categories: { code: string; zh: string; en: string; keywords: string[] }[];
};
const shipped = taxonomy.categories.map((c) => ({
  code: c.code,
  nameZh: c.zh,
  nameEn: c.en,
  keywords: c.keywords,
}));
const found = (q: string) => shipped.filter((c) => categoryMatches(c, q)).map((c) => c.code);

describe('categoryMatches', () => {
  it('噪音 finds 噪声扰民 (the issue’s example), by its keyword', () => {
    expect(found('噪音')).toContain('noise');
    expect(categoryMatches({ nameZh: '噪声扰民', nameEn: 'Noise', keywords: [] }, '噪音')).toBe(false);
  });
  it('a sentence containing a keyword finds the category', () => {
    expect(found('楼上装修噪音很大')).toContain('noise');
    expect(found('家里没水了')).toContain('repair.urgent.water_outage');
  });
  it('names match in both languages, case-insensitively; an empty query matches everything', () => {
    expect(found('群租')).toEqual(['group_renting']);
    expect(found('NOISE')).toContain('noise');
    expect(found('  ')).toHaveLength(shipped.length);
  });
  it('unrelated words find nothing', () => {
    expect(found('天气预报')).toEqual([]);
  });
  it('every shipped category except 其他 has keywords', () => {
    for (const c of shipped) if (c.code !== 'other') expect(c.keywords.length, c.code).toBeGreaterThan(0);
  });
});
