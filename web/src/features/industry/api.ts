// The property-service industry's queries (物业服务行业): companies and a company's report, the contracts of the
// caller's compounds with their filing state, credit records and their steps (confirm, 异议, 修正), the rule
// table, and the public credit list (no sign-in).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';
import { usePagedList } from '../../shared/usePagedList';
import type {
  CompanyReport,
  CompanySummary,
  ContractPage,
  ContractView,
  CreditRuleView,
  DecideBody,
  ManagerReport,
  PublicCompany,
  PublicCompanyDetail,
  RecordBody,
  RecordSummary,
  RecordView,
} from '../../../../contracts/industry';

export type CompanySummaryDto = z.infer<typeof CompanySummary>;
export type CompanyReportDto = z.infer<typeof CompanyReport>;
export type ContractDto = z.infer<typeof ContractView>;
export type RecordSummaryDto = z.infer<typeof RecordSummary>;
export type RecordDto = z.infer<typeof RecordView>;
export type RecordBodyDto = z.infer<typeof RecordBody>;
export type CreditRuleDto = z.infer<typeof CreditRuleView>;
export type PublicCompanyDto = z.infer<typeof PublicCompany>;
export type PublicCompanyDetailDto = z.infer<typeof PublicCompanyDetail>;
export type ManagerReportDto = z.infer<typeof ManagerReport>;
export type StandingDto = CompanySummaryDto['standing'];

const INDUSTRY = ['industry'] as const;
const enc = encodeURIComponent;

export function useCompanies(q: string | undefined) {
  return usePagedList<CompanySummaryDto>([...INDUSTRY, 'companies'], '/api/v1/industry/companies', { q });
}

export function useCompany(id: string) {
  return useQuery({
    queryKey: [...INDUSTRY, 'company', id],
    queryFn: ({ signal }) => api.get<CompanyReportDto>(`/api/v1/industry/companies/${enc(id)}`, {}, signal),
    enabled: !!id,
  });
}

/** The contracts of the caller's compounds (one page of up to 500; a company's are picked out by name). */
export function useContracts() {
  return useQuery({
    queryKey: [...INDUSTRY, 'contracts'],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof ContractPage>>('/api/v1/industry/contracts', { limit: 500 }, signal),
  });
}

/** A project manager's report: the postings history (任职经历) beside the facts. */
export function useManager(id: string) {
  return useQuery({
    queryKey: [...INDUSTRY, 'manager', id],
    queryFn: ({ signal }) => api.get<ManagerReportDto>(`/api/v1/industry/managers/${enc(id)}`, {}, signal),
  });
}

export function useCreditRules(enabled: boolean) {
  return useQuery({
    queryKey: [...INDUSTRY, 'rules'],
    queryFn: ({ signal }) => api.get<{ items: CreditRuleDto[] }>('/api/v1/industry/credit-rules', {}, signal),
    enabled,
  });
}

export function useRecord(id: string | null) {
  return useQuery({
    queryKey: [...INDUSTRY, 'record', id],
    queryFn: ({ signal }) => api.get<RecordDto>(`/api/v1/industry/records/${enc(id!)}`, {}, signal),
    enabled: !!id,
  });
}

/** Any industry write: the answer replaces nothing in place; the company, lists and records are fetched again. */
function useIndustryWrite<B, R>(fn: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: INDUSTRY }),
  });
}

export const useFileContract = (id: string) =>
  useIndustryWrite((body: { version: number; filedOn: string }) =>
    api.post<ContractDto>(`/api/v1/industry/contracts/${enc(id)}/filing`, body),
  );

export const useEnterRecord = () =>
  useIndustryWrite((body: RecordBodyDto) => api.post<{ id: string }>('/api/v1/industry/records', body));

export type RecordStep =
  | { step: 'confirm'; version: number }
  | { step: 'object'; reason: string }
  | { step: 'applyCorrection'; rectification: string }
  | ({ step: 'decideObjection' | 'decideCorrection' } & z.infer<typeof DecideBody>);

const STEP_PATHS: Record<RecordStep['step'], string> = {
  confirm: 'confirm',
  object: 'objection',
  decideObjection: 'objection/decision',
  applyCorrection: 'correction',
  decideCorrection: 'correction/decision',
};

export const useRecordStep = (id: string) =>
  useIndustryWrite(({ step, ...body }: RecordStep) =>
    api.post<RecordDto>(`/api/v1/industry/records/${enc(id)}/${STEP_PATHS[step]}`, body),
  );

// ---- public (no sign-in) ----

export function usePublicCompanies(q: string | undefined) {
  return useQuery({
    queryKey: ['public-industry', 'list', q ?? ''],
    queryFn: ({ signal }) =>
      api.get<{ items: PublicCompanyDto[] }>('/api/v1/public/industry/companies', { q }, signal),
  });
}

export function usePublicCompany(id: string) {
  return useQuery({
    queryKey: ['public-industry', 'company', id],
    queryFn: ({ signal }) =>
      api.get<PublicCompanyDetailDto>(`/api/v1/public/industry/companies/${enc(id)}`, {}, signal),
    enabled: !!id,
  });
}
