// Administration of the cases reference data: taxonomy, responsibility list versions, SLA policies and the
// working-day calendar (permission cases.configure).
import { z } from 'zod';
import { SLA_SOURCE_KINDS, SLA_STAGES } from '../domain/sla.js';
import { CHANNELS } from './cases.js';

const conditions = z.record(z.string().max(40), z.union([z.string().max(40), z.boolean()])).default({});

// --- Categories ---------------------------------------------------------------------------------

export const AdminCategory = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  urgent: z.boolean(),
  attributes: z.array(z.string()),
  keywords: z.array(z.string()),
  active: z.boolean(),
  sort: z.number().int(),
  updatedAt: z.string(),
  version: z.number().int(),
});

const attributeList = z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, 'attribute key')).max(10);
/** Words callers use for a category (检索词): 噪音 for 噪声扰民. */
const keywordList = z.array(z.string().trim().min(1).max(20)).max(30);

export const CategoryInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, 'lower-case words separated by dots')
    .max(60),
  nameZh: z.string().trim().min(1).max(50),
  nameEn: z.string().trim().min(1).max(100),
  urgent: z.boolean().default(false),
  attributes: attributeList.default([]),
  keywords: keywordList.default([]),
  active: z.boolean().default(true),
  sort: z.number().int().min(0).max(100_000).optional(),
});

export const CategoryPatch = z.object({
  version: z.number().int().positive(),
  nameZh: z.string().trim().min(1).max(50).optional(),
  nameEn: z.string().trim().min(1).max(100).optional(),
  urgent: z.boolean().optional(),
  active: z.boolean().optional(),
  attributes: attributeList.optional(),
  keywords: keywordList.optional(),
  sort: z.number().int().min(0).max(100_000).optional(),
});

export const CategoryCodeParams = z.object({ code: z.string().min(1).max(60) });

// --- Responsibility list (责任清单) ------------------------------------------------------------------

export const MAX_RULES = 5000;

export const ResponsibilityRule = z.object({
  id: z.string().trim().max(40),
  priority: z.number().int(),
  categoryCode: z.string().trim().max(60).describe('exact category code, or a prefix ending in *'),
  conditions: conditions.describe('every attribute must equal the case attribute'),
  districtCode: z.string().trim().max(20).nullable().default(null).describe('restrict to a district'),
  orgType: z.string().trim().max(40).describe('organisation type of the lead handler'),
  orgKind: z.string().trim().max(50).nullable().default(null),
  coHandlers: z
    .array(
      z.object({
        orgType: z.string().trim().max(40),
        orgKind: z.string().trim().max(50).nullable().default(null),
      }),
    )
    .max(5)
    .default([]),
  source: z.string().trim().max(500).describe('the law or policy behind the row'),
});
export type ResponsibilityRuleInput = z.infer<typeof ResponsibilityRule>;

export const ResponsibilityListInput = z.object({
  note: z.string().trim().min(1).max(200),
  rules: z.array(ResponsibilityRule).min(1).max(MAX_RULES),
});

export const ResponsibilityListSummary = z.object({
  version: z.number().int(),
  note: z.string(),
  active: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  ruleCount: z.number().int(),
});

export const ResponsibilityListView = ResponsibilityListSummary.extend({
  rules: z.array(
    ResponsibilityRule.extend({
      conditions: z.record(z.string(), z.union([z.string(), z.boolean()])),
      districtCode: z.string().nullable(),
      orgKind: z.string().nullable(),
      coHandlers: z.array(z.object({ orgType: z.string(), orgKind: z.string().nullable() })),
    }),
  ),
});

export const ListVersionParams = z.object({ version: z.coerce.number().int().positive().max(1_000_000) });

export const RulesImportQuery = z.object({ note: z.string().trim().min(1).max(200).optional() });

/** Columns of the .xlsx/.csv import (English key or Chinese label in the header row). */
export const RULE_COLUMNS = [
  { key: 'id', zh: '编号', required: true },
  { key: 'priority', zh: '优先级', required: true },
  { key: 'categoryCode', zh: '问题类别', required: true },
  { key: 'conditions', zh: '条件', required: false },
  { key: 'districtCode', zh: '适用区', required: false },
  { key: 'orgType', zh: '主办单位类型', required: true },
  { key: 'orgKind', zh: '主办单位专业', required: false },
  { key: 'coHandlers', zh: '协办单位', required: false },
  { key: 'source', zh: '依据', required: true },
] as const;
export type RuleColumn = (typeof RULE_COLUMNS)[number]['key'];

// --- SLA policies -----------------------------------------------------------------------------

export const AdminSlaPolicy = z.object({
  id: z.string(),
  stage: z.string(),
  categoryCode: z.string().nullable(),
  channel: z.string().nullable(),
  conditions: z.record(z.string(), z.union([z.string(), z.boolean()])),
  duration: z.string(),
  warnBeforeMinutes: z.number().int(),
  escalateOnOverdue: z.boolean(),
  sourceKind: z.string(),
  sourceRef: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

const duration = z.string().trim().max(10).describe('<N>h, <N>d or <N>wd, e.g. 24h, 3d, 5wd');
const warnBeforeMinutes = z.number().int().min(0).max(525_600);

export const SlaPolicyInput = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional()
    .describe('generated when absent'),
  stage: z.enum(SLA_STAGES),
  categoryCode: z.string().trim().max(60).nullable().default(null),
  channel: z.enum(CHANNELS).nullable().default(null),
  conditions,
  duration,
  warnBeforeMinutes: warnBeforeMinutes.default(0),
  escalateOnOverdue: z.boolean().default(false),
  sourceKind: z.enum(SLA_SOURCE_KINDS),
  sourceRef: z.string().trim().min(1).max(500),
});

export const SlaPolicyPatch = z.object({
  version: z.number().int().positive(),
  duration: duration.optional(),
  warnBeforeMinutes: warnBeforeMinutes.optional(),
  escalateOnOverdue: z.boolean().optional(),
  sourceKind: z.enum(SLA_SOURCE_KINDS).optional(),
  sourceRef: z.string().trim().min(1).max(500).optional(),
});

// --- Calendar ---------------------------------------------------------------------------------

export const CalendarDay = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday']),
  source: z.string(),
  year: z.number().int().describe('the year whose State Council schedule lists the day'),
});

export const CalendarView = z.object({
  days: z.array(CalendarDay),
  coveredYears: z.array(z.number().int()),
  warnings: z.array(z.string()).describe('e.g. the current or next year has no schedule yet'),
});

export const CalendarQuery = z.object({ year: z.coerce.number().int().min(1990).max(2200).optional() });

export const CalendarYearParams = z.object({ year: z.coerce.number().int().min(1990).max(2200) });

export const CalendarYearBody = z.object({
  holidays: z.array(z.string().max(20)).max(100),
  workdays: z.array(z.string().max(20)).max(50),
  source: z.string().trim().min(1).max(200).optional(),
});
