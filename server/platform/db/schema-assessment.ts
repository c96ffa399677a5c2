// Table types of assessment (考核, migration 0028-assessment) for Kysely, joined into DB by schema.ts.
import type { AssessedLevel } from '../../../domain/assessment.js';

export type PeriodStatus = 'draft' | 'computed' | 'published';

export interface AssessPeriodTable {
  id: string;
  division_code: string;
  code: string;
  name: string;
  from_on: string;
  to_on: string;
  status: PeriodStatus;
  systems_json: string;
  computed_at: string | null;
  published_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AssessResultTable {
  period_id: string;
  level: AssessedLevel;
  unit_key: string;
  unit_name: string;
  total: number | null;
  rank: number | null;
  breakdown_json: string;
}

export interface AssessManualScoreTable {
  id: string;
  period_id: string;
  level: AssessedLevel;
  unit_key: string;
  indicator_code: string;
  points: number;
  evidence: string;
  entered_by: string | null;
  entered_by_name: string;
  entered_at: string;
}

export interface AssessRatingTable {
  id: string;
  period_id: string;
  rater_level: AssessedLevel;
  rater_key: string;
  rated_level: AssessedLevel;
  rated_key: string;
  indicator_code: string;
  points: number;
  reason: string;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
}

export interface AssessmentTables {
  assess_periods: AssessPeriodTable;
  assess_results: AssessResultTable;
  assess_manual_scores: AssessManualScoreTable;
  assess_ratings: AssessRatingTable;
}
