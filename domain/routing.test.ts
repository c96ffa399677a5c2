import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  chooseRule,
  FALLBACK_ORG_TYPE,
  ruleMatches,
  type ResponsibilityRule,
  type RoutingFacts,
} from './routing.js';

/** The shipped responsibility list (reference/responsibility-list.json), as the migrations store it. */
const SHIPPED: ResponsibilityRule[] = JSON.parse(
  readFileSync(new URL('../reference/responsibility-list.json', import.meta.url), 'utf8'),
).rules;

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
