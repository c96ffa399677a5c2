// Assessment (考核) request/response schemas, shared by the server and the web.
import { z } from 'zod';
import { ASSESSED_LEVELS, CASE_KPIS } from '../domain/assessment.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const Id = z.string().min(1).max(64);
const Version = z.number().int();
/** 0–100 points, at most 2 decimals (checked by the service: assessment.points_invalid). */
const Points = z.number();

export const Level = z.enum(ASSESSED_LEVELS);
export const PERIOD_STATUSES = ['draft', 'computed', 'published'] as const;

export const Formula = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('caseKpi'), kpi: z.enum(CASE_KPIS) }),
  z.object({ kind: z.literal('actionItems') }),
  z.object({ kind: z.literal('committeeFormation') }),
  z.object({ kind: z.literal('committeeRegularity') }),
  z.object({ kind: z.literal('manual') }),
  z.object({ kind: z.literal('rating'), raters: Level }),
]);

export const IndicatorSchema = z.object({
  code: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/),
  name: text(60),
  weight: z.number(),
  target: z.number(),
  direction: z.enum(['higher', 'lower']),
  formula: Formula,
});

export const SystemSchema = z.object({
  level: Level,
  name: z.string(),
  verified: z.boolean(),
  indicators: z.array(IndicatorSchema),
});

export const CreatePeriodBody = z.object({
  /** The assessing division: a district (6 digits) or the city 310000. */
  divisionCode: z.string().regex(/^\d{6}$/),
  /** 2026-Q4 or 2026. */
  code: z.string().regex(/^\d{4}(-Q[1-4])?$/),
});

export const PutSystemBody = z.object({
  version: Version,
  name: text(100),
  indicators: z.array(IndicatorSchema).min(1).max(30),
});

export const LevelParams = z.object({ id: Id, level: Level });

export const PeriodSummary = z.object({
  id: z.string(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  from: z.string(),
  to: z.string(),
  status: z.enum(PERIOD_STATUSES),
  publishedAt: z.string().nullable(),
  version: Version,
});
export const PeriodList = z.object({ items: z.array(PeriodSummary) });

export const PeriodView = PeriodSummary.extend({
  computedAt: z.string().nullable(),
  systems: z.object({ street: SystemSchema, department: SystemSchema }),
  /** What the caller may do here. */
  canManage: z.boolean(),
  /** The units the caller may rate in this period, with the indicators it may rate them on. */
  rateable: z.array(
    z.object({
      level: Level,
      key: z.string(),
      name: z.string(),
      indicators: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
  ),
});

export const ManualScoreBody = z.object({
  level: Level,
  /** The street's division code or the department's id. */
  unitKey: Id,
  indicatorCode: text(40),
  points: Points,
  /** What the score rests on: the inspection, its date, the findings (≥ 10 characters). */
  evidence: z.string().max(4000),
});

export const RatingBody = z.object({
  ratedLevel: Level,
  ratedKey: Id,
  indicatorCode: text(40),
  points: Points,
  /** Why this score (≥ 10 characters). */
  reason: z.string().max(2000),
});

export const RatingView = z.object({
  id: z.string(),
  raterLevel: Level,
  raterName: z.string(),
  ratedLevel: Level,
  ratedName: z.string(),
  indicatorName: z.string(),
  points: z.number(),
  reason: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export const RatingList = z.object({ items: z.array(RatingView) });

export const ManualScoreView = z.object({
  id: z.string(),
  level: Level,
  unitName: z.string(),
  indicatorName: z.string(),
  points: z.number(),
  evidence: z.string(),
  enteredByName: z.string(),
  enteredAt: z.string(),
});
export const ManualScoreList = z.object({ items: z.array(ManualScoreView) });

export const VersionBody = z.object({ version: Version });

export const ResultsQuery = z.object({ level: Level });

export const BreakdownLineSchema = z.object({
  code: z.string(),
  name: z.string(),
  weight: z.number(),
  target: z.number(),
  direction: z.enum(['higher', 'lower']),
  value: z.number().nullable(),
  score: z.number().nullable(),
  contribution: z.number().nullable(),
});

export const ResultView = z.object({
  level: Level,
  unitKey: z.string(),
  unitName: z.string(),
  total: z.number().nullable(),
  rank: z.number().int().nullable(),
  /** Units ranked at this level in the period. */
  of: z.number().int(),
  breakdown: z.array(BreakdownLineSchema),
});
export const ResultList = z.object({
  period: PeriodSummary,
  level: Level,
  items: z.array(ResultView),
});

export const Created = z.object({ id: z.string() });
