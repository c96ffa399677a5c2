// Routing by the responsibility list (责任清单): data rows map a category and attributes to the type of
// responsible organisation ("谁监管行业谁负责、谁主管市场主体谁负责、谁收费谁负责"; meter boundary: the household
// meter and everything before it → utility, after it → owner; common parts → property company). The first
// matching row by priority wins; its id is stored on the case so every routing decision shows which row chose
// it. No match → the street office coordinates (属地管理).
import { citationBasis } from './citations.js';

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

/**
 * 《上海市住宅物业管理规定》 Art 60: "供水、供电、供气等专业单位应当承担分户计量表和分户计量表前管线、设施设备的维修
 * 养护责任" — the household meter itself is the utility's as well as everything before it; only what lies after
 * it is the owner's (专有部分) or the owners' together (共用部分). The `meterPosition` attribute's values.
 */
export const METER_POSITIONS = ['before', 'at', 'after'] as const;
export type MeterPosition = (typeof METER_POSITIONS)[number];

/** Whether the utility maintains a fault at this position (Art 60: 分户计量表和分户计量表前). */
export const utilityMaintains = (position: MeterPosition): boolean => position !== 'after';

/**
 * A row whose source is marked `(owner's duty)`: the law puts the repair on the owner (《规定》 Art 68 (一), 专有部
 * 分). The organisation it names (the property company) is only the paid repair the owner may choose; the
 * routing reason says so to the dispatcher and to the resident.
 */
export const isOwnerDuty = (rule: Pick<ResponsibilityRule, 'source'>): boolean =>
  citationBasis(rule.source).markers.includes("owner's duty");

/** The owner's duty for an own part, as the intake forms tell the resident (《规定》 Art 68 (一), Art 72 ¶1). */
export const OWNER_DUTY_REF =
  "《规定》 Art 68 (一): 专有部分的维修费用由拥有专有部分的业主承担 (owner's duty); Art 72 ¶1: 业主应当定期对物业进行维修养护";

/**
 * Whether a report's attributes name a fault of the owner's own part that is not the utility's: `part` = own
 * and the meter position, where asked, not before or at the meter (Art 60 puts those on the utility).
 */
export function ownPartOfOwner(attributes: Readonly<Record<string, unknown>>): boolean {
  if (attributes.part !== 'own') return false;
  const meter = attributes.meterPosition;
  return !(
    typeof meter === 'string' &&
    METER_POSITIONS.includes(meter as MeterPosition) &&
    utilityMaintains(meter as MeterPosition)
  );
}

export interface OrgRef {
  orgType: string;
  orgKind: string | null;
}

export interface StatutoryLead extends OrgRef {
  /** As the law names it. */
  zh: string;
  en: string;
}

/**
 * Categories whose lead the law names: a row of any district must choose one of them. 违法搭建:
 * 《上海市拆除违法建筑若干规定》 Art 3 ¶3 names the 拆违实施部门 — 规划管理部门 and 城市管理行政执法部门, their split set by
 * the city — and 《规定》 Art 84 "由城管执法或者规划资源行政管理部门根据职责分工" (a district following the split may route
 * to 规划资源); 开发商只售不租: 《规定》 Art 88 "由区房屋行政管理部门责令立即改正".
 */
export const STATUTORY_LEADS: Readonly<Record<string, { leads: readonly StatutoryLead[]; source: string }>> =
  {
    illegal_construction: {
      leads: [
        {
          orgType: 'department',
          orgKind: 'urbanManagementEnforcement',
          zh: '城管执法部门',
          en: 'urban management enforcement',
        },
        {
          orgType: 'department',
          orgKind: 'planning',
          zh: '规划资源部门',
          en: 'planning and natural resources',
        },
      ],
      source: '《上海市拆除违法建筑若干规定》 Art 3 ¶3; 《规定》 Art 84',
    },
    parking_not_rented: {
      leads: [
        {
          orgType: 'housing_bureau',
          orgKind: null,
          zh: '区房屋行政管理部门',
          en: 'the district housing authority',
        },
      ],
      source: '《规定》 Art 88',
    },
  };

/**
 * The statutory leads a category (one the row selects) must be led by, when the row's lead is not one of
 * them; null when the law names no lead for it or the row chose one it names.
 */
export function statutoryLeadViolation(
  categoryCode: string,
  lead: OrgRef,
): { leads: readonly StatutoryLead[]; source: string } | null {
  const law = Object.hasOwn(STATUTORY_LEADS, categoryCode) ? STATUTORY_LEADS[categoryCode] : undefined;
  if (!law) return null;
  const ok = law.leads.some((l) => l.orgType === lead.orgType && l.orgKind === (lead.orgKind || null));
  return ok ? null : law;
}
