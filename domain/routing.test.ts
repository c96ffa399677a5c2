import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citationBasis, formatCitation } from './citations.js';
import {
  chooseRule,
  FALLBACK_ORG_TYPE,
  isOwnerDuty,
  ownPartOfOwner,
  OWNER_DUTY_REF,
  METER_POSITIONS,
  ruleMatches,
  STATUTORY_LEADS,
  statutoryLeadViolation,
  utilityMaintains,
  type ResponsibilityRule,
  type RoutingFacts,
} from './routing.js';

/** The shipped responsibility list (reference/responsibility-list.json), as the migrations store it. */
const SHIPPED: ResponsibilityRule[] = JSON.parse(
  readFileSync(new URL('../reference/responsibility-list.json', import.meta.url), 'utf8'),
).rules;
/** The shipped taxonomy: categories and the values of each routing attribute. */
const TAXONOMY = JSON.parse(
  readFileSync(new URL('../reference/case-taxonomy.json', import.meta.url), 'utf8'),
) as {
  attributes: Record<string, { values: Record<string, unknown> }>;
  categories: { code: string; attributes: string[] }[];
};

const PUDONG = '310115';
const facts = (categoryCode: string, attributes: RoutingFacts['attributes'] = {}, districtCode = PUDONG) => ({
  categoryCode,
  attributes,
  districtCode,
});
const rule = (over: Partial<ResponsibilityRule> & Pick<ResponsibilityRule, 'id'>): ResponsibilityRule => ({
  priority: 10,
  categoryCode: 'noise',
  conditions: {},
  districtCode: null,
  orgType: 'department',
  orgKind: 'police',
  coHandlers: [],
  source: 'test',
  ...over,
});
const lead = (f: RoutingFacts, rules: readonly ResponsibilityRule[] = SHIPPED) => {
  const r = chooseRule(rules, f);
  return r && { id: r.id, orgType: r.orgType, orgKind: r.orgKind };
};

describe('ruleMatches', () => {
  it('exact category codes match only themselves', () => {
    const r = rule({ id: 'r', categoryCode: 'repair.ordinary' });
    expect(ruleMatches(r, facts('repair.ordinary'))).toBe(true);
    expect(ruleMatches(r, facts('repair.ordinary.x'))).toBe(false);
    expect(ruleMatches(r, facts('repair'))).toBe(false);
  });

  it("a '*' code is a prefix: 'repair.urgent.*' covers the urgent repairs, not 'repair.urgent' itself", () => {
    const r = rule({ id: 'r', categoryCode: 'repair.urgent.*' });
    expect(ruleMatches(r, facts('repair.urgent.gas_leak'))).toBe(true);
    expect(ruleMatches(r, facts('repair.urgent.'))).toBe(true);
    expect(ruleMatches(r, facts('repair.urgent'))).toBe(false);
    expect(ruleMatches(r, facts('repair.ordinary'))).toBe(false);
    expect(ruleMatches(rule({ id: 'all', categoryCode: '*' }), facts('anything'))).toBe(true);
  });

  it('every condition must equal the attribute, with its type (true is not "true")', () => {
    const r = rule({ id: 'r', conditions: { meterPosition: 'before', underConstruction: true } });
    expect(ruleMatches(r, facts('noise', { meterPosition: 'before', underConstruction: true }))).toBe(true);
    expect(ruleMatches(r, facts('noise', { meterPosition: 'before', underConstruction: true, x: 'y' }))).toBe(
      true,
    );
    expect(ruleMatches(r, facts('noise', { meterPosition: 'before', underConstruction: 'true' }))).toBe(
      false,
    );
    expect(ruleMatches(r, facts('noise', { meterPosition: 'after', underConstruction: true }))).toBe(false);
    expect(ruleMatches(r, facts('noise', { meterPosition: 'before' }))).toBe(false); // missing attribute
    expect(ruleMatches(r, facts('noise', {}))).toBe(false);
  });

  it('a district row applies only in its district', () => {
    const r = rule({ id: 'r', districtCode: PUDONG });
    expect(ruleMatches(r, facts('noise', {}, PUDONG))).toBe(true);
    expect(ruleMatches(r, facts('noise', {}, '310104'))).toBe(false);
  });
});

describe('chooseRule on the shipped list (谁监管谁负责, meter boundary, common parts)', () => {
  it('water burst before the meter → the water utility; after it → the property company', () => {
    expect(lead(facts('repair.urgent.water_burst', { meterPosition: 'before' }))).toEqual({
      id: 'R001',
      orgType: 'utility',
      orgKind: 'water',
    });
    expect(lead(facts('repair.urgent.water_burst', { meterPosition: 'after', part: 'common' }))).toEqual({
      id: 'R002',
      orgType: 'property_company',
      orgKind: null,
    });
    expect(lead(facts('repair.urgent.water_burst', { meterPosition: 'after', part: 'own' }))?.id).toBe(
      'R003',
    );
  });

  it('《规定》 Art 60 "分户计量表和分户计量表前": before and at the meter → the utility, after it → not (issue 14 item 27)', () => {
    expect(Object.keys(TAXONOMY.attributes.meterPosition.values)).toEqual([...METER_POSITIONS]);
    expect(METER_POSITIONS.map(utilityMaintains)).toEqual([true, true, false]);
    for (const part of [undefined, 'common', 'own'] as const) {
      const withPart = (meterPosition: string) =>
        facts('repair.urgent.water_burst', part ? { meterPosition, part } : { meterPosition });
      expect(lead(withPart('before')), part).toMatchObject({ orgType: 'utility', orgKind: 'water' });
      expect(lead(withPart('at')), part).toMatchObject({ id: 'R029', orgType: 'utility', orgKind: 'water' });
      expect(lead(withPart('after'))?.orgType, part).toBe('property_company');
    }
    expect(lead(facts('repair.urgent.power_outage', { meterPosition: 'at' }))).toEqual({
      id: 'R030',
      orgType: 'utility',
      orgKind: 'power',
    });
    expect(lead(facts('repair.urgent.power_outage', { meterPosition: 'after' }))?.orgType).toBe(
      'property_company',
    );
    // The utility's rows cite Art 60 with the meter itself named.
    for (const id of ['R001', 'R029', 'R030'])
      expect(formatCitation(SHIPPED.find((r) => r.id === id)!.source), id).toMatch(
        /^《上海市住宅物业管理规定》第六十条：分户计量表/,
      );
  });

  it('Art 68 (一): an own part (专有部分) is the owner’s duty — the company only as the paid repair the owner may choose (item 28)', () => {
    const own = [
      facts('repair.urgent.water_burst', { meterPosition: 'after', part: 'own' }),
      facts('repair.urgent.drain_overflow', { part: 'own' }),
      facts('repair.ordinary', { part: 'own' }),
    ];
    for (const f of own) {
      const r = chooseRule(SHIPPED, f)!;
      expect(isOwnerDuty(r), f.categoryCode).toBe(true);
      expect(r.orgType).toBe('property_company');
      expect(formatCitation(r.source), f.categoryCode).toContain(
        '《上海市住宅物业管理规定》第六十八条第（一）项：专有部分的维修费用由业主承担（属业主自身责任：业主自行维修，也可委托物业服务企业有偿维修）',
      );
      expect(formatCitation(r.source, 'en')).toContain('the owner’s own duty');
    }
    const common = [
      facts('repair.urgent.water_burst', { meterPosition: 'after', part: 'common' }),
      facts('repair.urgent.drain_overflow', { part: 'common' }),
      facts('repair.urgent.drain_overflow'),
      facts('repair.ordinary', { part: 'common' }),
      facts('repair.ordinary'),
    ];
    for (const f of common) expect(isOwnerDuty(chooseRule(SHIPPED, f)!), f.categoryCode).toBe(false);
  });

  it('the intake forms tell the owner when a fault is their own part’s (Art 68 (一)), never before or at the meter', () => {
    expect(ownPartOfOwner({ part: 'own' })).toBe(true);
    expect(ownPartOfOwner({ part: 'own', meterPosition: 'after' })).toBe(true);
    expect(ownPartOfOwner({ part: 'own', meterPosition: 'at' })).toBe(false);
    expect(ownPartOfOwner({ part: 'own', meterPosition: 'before' })).toBe(false);
    expect(ownPartOfOwner({ part: 'common', meterPosition: 'after' })).toBe(false);
    expect(ownPartOfOwner({})).toBe(false);
    // It says what the shipped own-part rows say: the rows route where the notice is shown.
    for (const f of [
      facts('repair.ordinary', { part: 'own' }),
      facts('repair.urgent.water_burst', { part: 'own', meterPosition: 'after' }),
    ])
      expect(isOwnerDuty(chooseRule(SHIPPED, f)!)).toBe(ownPartOfOwner(f.attributes));
    expect(formatCitation(OWNER_DUTY_REF)).toBe(
      '《上海市住宅物业管理规定》第六十八条第（一）项：专有部分的维修费用由拥有专有部分的业主承担（属业主自身责任：业主自行维修，也可委托物业服务企业有偿维修）；《上海市住宅物业管理规定》第七十二条第一款：业主应当定期对物业进行维修养护',
    );
  });

  it('Arts 62, 88: a developer refusing to rent parking → the district housing authority (item 30)', () => {
    expect(TAXONOMY.categories.some((c) => c.code === 'parking_not_rented')).toBe(true);
    expect(lead(facts('parking_not_rented'))).toEqual({
      id: 'R033',
      orgType: 'housing_bureau',
      orgKind: null,
    });
    expect(formatCitation(chooseRule(SHIPPED, facts('parking_not_rented'))!.source)).toMatch(
      /第六十二条第一款：.*不得以只售不租为由拒绝出租；《上海市住宅物业管理规定》第八十八条/,
    );
    expect(lead(facts('parking'))?.orgType).toBe('property_company');
  });

  it('water burst with the meter position unknown → the priority-20 catch-all row, utility as co-handler', () => {
    const r = chooseRule(SHIPPED, facts('repair.urgent.water_burst', {}));
    expect(r?.id).toBe('R004');
    expect(r?.coHandlers).toEqual([{ orgType: 'utility', orgKind: 'water' }]);
    // 'after' alone meets neither R002 nor R003 (both need `part`)
    expect(lead(facts('repair.urgent.water_burst', { meterPosition: 'after' }))?.id).toBe('R004');
  });

  it('power outage: before the meter → the power utility, otherwise the property company', () => {
    expect(lead(facts('repair.urgent.power_outage', { meterPosition: 'before' }))?.orgKind).toBe('power');
    expect(lead(facts('repair.urgent.power_outage', { meterPosition: 'after' }))).toEqual({
      id: 'R007',
      orgType: 'property_company',
      orgKind: null,
    });
  });

  it('regulated matters go to their regulator', () => {
    expect(lead(facts('illegal_construction', { underConstruction: true }))).toEqual({
      id: 'R015',
      orgType: 'department',
      orgKind: 'urbanManagementEnforcement',
    });
    expect(lead(facts('noise'))?.orgKind).toBe('police');
    expect(lead(facts('fee_price'))?.orgKind).toBe('marketRegulation');
    expect(lead(facts('group_renting'))?.orgType).toBe('street_office');
  });

  it('every shipped row cites its source in words: statute articles, or marked local practice (item 31)', () => {
    for (const r of SHIPPED) {
      const basis = citationBasis(r.source);
      expect(basis.statutory || basis.markers.includes('local practice'), r.id).toBe(true);
      const words = formatCitation(r.source);
      expect(words, r.id).not.toMatch(/Art|¶|\[|\(local practice\)|\(owner's duty\)/);
      if (basis.statutory) expect(words, r.id).toMatch(/^《[^》]+》第[一二三四五六七八九十百千零]+条/);
      else expect(words, r.id).toContain('（本地工作惯例，非法规规定）');
    }
    // Rows the brief names, with the article of their statute.
    const words = (id: string) => formatCitation(SHIPPED.find((r) => r.id === id)!.source);
    expect(words('R017')).toMatch(/^《上海市消防条例》第四十三条第一款第（四）项/); // fire lanes
    expect(words('R022')).toMatch(/^《上海市非机动车安全管理条例》第四十四条/); // e-bikes
    expect(words('R010')).toMatch(/^《上海市燃气管理条例》第二十九条/); // gas leaks
    // Each category with a routing attribute is routed for every value of it.
    const cats = new Map(TAXONOMY.categories.map((c) => [c.code, c]));
    for (const r of SHIPPED) {
      expect(cats.has(r.categoryCode), r.id).toBe(true);
      for (const [k, v] of Object.entries(r.conditions))
        expect(Object.keys(TAXONOMY.attributes[k].values), r.id).toContain(String(v));
    }
  });

  it('illegal construction: 城管执法 or 规划资源, as a district chooses (拆违 Art 3 ¶3, 《规定》 Art 84, item 29)', () => {
    const chengguan = { orgType: 'department', orgKind: 'urbanManagementEnforcement' };
    const planning = { orgType: 'department', orgKind: 'planning' };
    expect(statutoryLeadViolation('illegal_construction', chengguan)).toBeNull();
    expect(statutoryLeadViolation('illegal_construction', planning)).toBeNull();
    expect(statutoryLeadViolation('illegal_construction', { orgType: 'department', orgKind: 'police' })).toBe(
      STATUTORY_LEADS.illegal_construction,
    );
    expect(
      statutoryLeadViolation('illegal_construction', { orgType: 'street_office', orgKind: null }),
    ).not.toBeNull();
    expect(
      statutoryLeadViolation('parking_not_rented', { orgType: 'housing_bureau', orgKind: null }),
    ).toBeNull();
    expect(
      statutoryLeadViolation('parking_not_rented', { orgType: 'housing_office', orgKind: null }),
    ).not.toBeNull();
    expect(statutoryLeadViolation('noise', { orgType: 'street_office', orgKind: null })).toBeNull();
    expect(statutoryLeadViolation('constructor', planning)).toBeNull();
    // A district row choosing 规划资源 wins in its district only; the city-wide row stays 城管执法.
    const rules = [
      ...SHIPPED,
      { ...SHIPPED.find((r) => r.id === 'R015')!, id: 'D-JD-1', districtCode: '310114', ...planning },
    ];
    expect(lead(facts('illegal_construction', {}, '310114'), rules)).toEqual({ id: 'D-JD-1', ...planning });
    expect(lead(facts('illegal_construction', {}, PUDONG), rules)).toEqual({ id: 'R015', ...chengguan });
    // Every shipped row of such a category names a lead the law names.
    for (const r of SHIPPED) expect(statutoryLeadViolation(r.categoryCode, r), r.id).toBeNull();
  });

  it('no matching row → null: the caller hands the case to the street (属地管理)', () => {
    expect(chooseRule(SHIPPED, facts('other'))).toBeNull();
    expect(chooseRule(SHIPPED, facts('no.such.category'))).toBeNull();
    expect(chooseRule([], facts('noise'))).toBeNull();
    expect(FALLBACK_ORG_TYPE).toBe('street_office');
  });

  it('every shipped category with a row is routed by exactly its own rows', () => {
    for (const r of SHIPPED) {
      const chosen = chooseRule(SHIPPED, facts(r.categoryCode, r.conditions));
      expect(chosen?.categoryCode, r.id).toBe(r.categoryCode);
    }
  });
});

describe('chooseRule order: priority, then district rows, then more conditions, then id', () => {
  const f = facts('noise', { time: 'night' });

  it('the lower priority number wins over everything else', () => {
    const rules = [
      rule({ id: 'b', priority: 20, districtCode: PUDONG, conditions: { time: 'night' } }),
      rule({ id: 'a', priority: 10 }),
    ];
    expect(chooseRule(rules, f)?.id).toBe('a');
  });

  it('at equal priority a district row beats a city-wide one', () => {
    const rules = [rule({ id: 'a', conditions: { time: 'night' } }), rule({ id: 'z', districtCode: PUDONG })];
    expect(chooseRule(rules, f)?.id).toBe('z');
    expect(chooseRule(rules, facts('noise', { time: 'night' }, '310104'))?.id).toBe('a');
  });

  it('then the row with more conditions, then the smaller id — whatever the input order', () => {
    const rules = [rule({ id: 'c' }), rule({ id: 'b', conditions: { time: 'night' } }), rule({ id: 'a' })];
    expect(chooseRule(rules, f)?.id).toBe('b');
    expect(chooseRule([...rules].reverse(), f)?.id).toBe('b');
    const ties = [rule({ id: 'y' }), rule({ id: 'x' })];
    expect(chooseRule(ties, f)?.id).toBe('x');
    expect(chooseRule([...ties].reverse(), f)?.id).toBe('x');
  });

  it('does not reorder the caller’s array', () => {
    const rules = [rule({ id: 'b' }), rule({ id: 'a' })];
    chooseRule(rules, f);
    expect(rules.map((r) => r.id)).toEqual(['b', 'a']);
  });
});
