// KPIs and campaigns (集中整治) contract. KpiQuery / KpiRow live in contracts/cases.ts (shared with exports).
import { z } from 'zod';
import { DistrictCode, PageQuery, StreetCode } from './common.js';
import { KpiQuery, KpiRow } from './cases.js';
import { EXPORT_FORMATS } from './transfer.js';

export const KpiResult = z.object({ items: z.array(KpiRow) });

const rate = z.number().nullable();

/** The monthly trend: the months up to `to` (inclusive), each counting the cases created in it. */
export const KpiTrendQuery = z.object({
  district: DistrictCode.optional(),
  street: StreetCode.optional(),
  to: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .describe('last month, YYYY-MM (Shanghai)'),
  months: z.coerce.number().int().min(1).max(24).default(12),
});

export const KpiTrendMonth = z.object({
  month: z.string().describe('YYYY-MM'),
  total: z.number().int().describe('cases created in the month (受理量)'),
  closed: z.number().int().describe('of which closed (结案) by now'),
  closedOnTime: z.number().int(),
  onTimeRate: rate,
  resolutionRate: rate,
  satisfactionRate: rate,
  repeatRate: rate,
});
export const KpiTrendResult = z.object({ items: z.array(KpiTrendMonth) });

/** The KPI query plus the file format of the download. */
export const KpiExportQuery = KpiQuery.extend({ format: z.enum(EXPORT_FORMATS) });

const divisionCode = z
  .union([DistrictCode, StreetCode])
  .describe('district (6 digits) or street/town (9 digits)');

export const CampaignInput = z.object({
  name: z.string().trim().min(2).max(100),
  categoryCode: z.string().trim().min(1).max(60),
  divisionCode,
  target: z.number().int().min(1).max(1_000_000),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
});
export type CampaignInputT = z.infer<typeof CampaignInput>;

export const CampaignQuery = PageQuery.extend({
  division: z.union([DistrictCode, StreetCode]).optional(),
  category: z.string().max(60).optional(),
});

export const CampaignProgress = z.object({
  total: z.number().int(),
  open: z.number().int().describe('still being handled (incl. suspended and parked)'),
  closed: z.number().int().describe('closed or revisited: counts towards the target'),
  other: z.number().int().describe('declined or merged'),
  byStatus: z.record(z.string(), z.number().int()),
  percentOfTarget: z.number().describe('closed / target × 100, one decimal; may exceed 100'),
});

export const Campaign = z.object({
  id: z.string(),
  name: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  target: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  progress: CampaignProgress,
});

export const CampaignCasesBody = z
  .object({
    caseIds: z.array(z.string().min(1).max(64)).min(1).max(500).optional(),
    auto: z.boolean().optional(),
  })
  .refine((b) => (b.auto === true) !== !!b.caseIds, {
    message: 'give either caseIds or auto: true',
  });

export const CampaignCasesResult = z.object({
  added: z.number().int().describe('cases newly added (those already in the campaign are skipped)'),
  campaign: Campaign,
});

// ---------------------------------------------------------------------------------------------------------
// The dashboard map (GET /api/v1/kpis/map) and the map settings (GET /api/v1/map/settings)

export const MapQuery = z.object({ district: DistrictCode.optional(), street: StreetCode.optional() });

export const MapLayers = z.object({
  compounds: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      lat: z.number(),
      lng: z.number(),
      openCases: z.number().int(),
      governanceState: z.string().nullable().describe('null when the caller may not see governance'),
    }),
  ),
  pins: z.array(
    z.object({
      id: z.string(),
      caseNo: z.string(),
      title: z.string(),
      status: z.string(),
      dueState: z.string(),
      lat: z.number(),
      lng: z.number(),
    }),
  ),
  streets: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      lat: z.number().describe('centroid of the street’s compound coordinates (no boundary data exists)'),
      lng: z.number(),
      compounds: z.number().int(),
      openCases: z.number().int(),
    }),
  ),
  truncated: z.object({ compounds: z.boolean(), pins: z.boolean() }),
  limits: z.object({ compounds: z.number().int(), pins: z.number().int() }),
});

export const MapSettings = z.object({
  tileUrl: z.string().nullable().describe('null: no base map (offline); else a {z}/{x}/{y} template'),
  attribution: z.string().nullable(),
});
