// Routing by the responsibility list (责任清单): data rows map a category and attributes to the type of
// responsible organisation ("谁监管行业谁负责、谁主管市场主体谁负责、谁收费谁负责"; meter boundary: before the
// meter → utility, after → owner; common parts → property company). The first matching row by priority
// wins; its id is stored on the case so every routing decision shows which row chose it. No match →
// the street office coordinates (属地管理).

export type CaseAttributes = Record<string, string | boolean>;

export interface ResponsibilityRule {
  id: string;
  priority: number; // lower first
  categoryCode: string; // exact code, or a prefix ending in '*' (e.g. 'repair.urgent.*')
  conditions: CaseAttributes; // every key must equal the case attribute
  districtCode: string | null; // restrict to a district (local variations), null = everywhere
  orgType: string; // organisation type of the lead handler
  orgKind: string | null; // speciality (department or utility kind)
  coHandlers: { orgType: string; orgKind: string | null }[];
  source: string; // the law or policy behind the row
}

export interface RoutingFacts {
  categoryCode: string;
  attributes: CaseAttributes;
  districtCode: string;
}

export function ruleMatches(rule: ResponsibilityRule, facts: RoutingFacts): boolean {
  const cat = rule.categoryCode.endsWith('*')
    ? facts.categoryCode.startsWith(rule.categoryCode.slice(0, -1))
    : facts.categoryCode === rule.categoryCode;
  if (!cat) return false;
  if (rule.districtCode && rule.districtCode !== facts.districtCode) return false;
  return Object.entries(rule.conditions).every(([k, v]) => facts.attributes[k] === v);
}

/** Most specific first: priority, then district-specific rows, then more conditions. */
export function chooseRule<R extends ResponsibilityRule>(rules: readonly R[], facts: RoutingFacts): R | null {
  const candidates = rules.filter((r) => ruleMatches(r, facts));
  candidates.sort(
    (a, b) =>
      a.priority - b.priority ||
      Number(!!b.districtCode) - Number(!!a.districtCode) ||
      Object.keys(b.conditions).length - Object.keys(a.conditions).length ||
      a.id.localeCompare(b.id),
  );
  return candidates[0] ?? null;
}

/** The fallback when no row matches or no organisation covers the place: 属地管理. */
export const FALLBACK_ORG_TYPE = 'street_office';
