// KPIs and campaigns (集中整治) contract. KpiQuery / KpiRow live in contracts/cases.ts (shared with exports).
import { z } from 'zod';
import { DistrictCode, PageQuery, StreetCode } from './common.js';
import { KpiQuery, KpiRow } from './cases.js';
import { EXPORT_FORMATS } from './transfer.js';

export const KpiResult = z.object({ items: z.array(KpiRow) });

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
