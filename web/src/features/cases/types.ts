// Case DTO types inferred (type-only) from the zod contracts in contracts/cases.ts.
import type { z } from 'zod';
import type {
  ActionBody,
  CaseEvent,
  CaseListItem,
  CaseView,
  Category,
  IntakeBody,
  KpiRow,
  PublicIntakeResult,
  ResidentReportBody,
  SimilarCase,
  TrackView,
} from '../../../../contracts/cases';

export type CaseViewDto = z.infer<typeof CaseView>;
export type CaseEventDto = z.infer<typeof CaseEvent>;
export type CaseListItemDto = z.infer<typeof CaseListItem>;
export type CategoryDto = z.infer<typeof Category>;
export type ActionBodyDto = z.input<typeof ActionBody>;
export type IntakeBodyDto = z.input<typeof IntakeBody>;
export type ResidentReportDto = z.input<typeof ResidentReportBody>;
export type TrackViewDto = z.infer<typeof TrackView>;
export type PublicIntakeResultDto = z.infer<typeof PublicIntakeResult>;
export type KpiRowDto = z.infer<typeof KpiRow>;
export type SimilarCaseDto = z.infer<typeof SimilarCase>;

export interface IntakeResultDto {
  id: string;
  caseNo: string;
  created: boolean;
}

export type Bilingual = { zh: string; en: string };
