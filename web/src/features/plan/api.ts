// Action plan queries (三年行动计划): the plans, one plan with its roll-ups and tasks, one task, progress
// reports, 督办, the import (dry run first) and the public progress page (no sign-in).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';
import type {
  ImportPlanResult,
  PlanList,
  PlanView,
  PublicPlan,
  ReportBody,
  SuperviseBody,
  TaskView,
} from '../../../../contracts/plan';

export type PlanDto = z.infer<typeof PlanView>;
export type PlanTaskDto = PlanDto['taskItems'][number];
export type TaskDto = z.infer<typeof TaskView>;
export type PublicPlanDto = z.infer<typeof PublicPlan>;
export type ImportPlanResultDto = z.infer<typeof ImportPlanResult>;
export type MilestoneState = TaskDto['state'];

const PLAN = ['plan'] as const;
const enc = encodeURIComponent;

export function usePlans() {
  return useQuery({
    queryKey: [...PLAN, 'list'],
    queryFn: ({ signal }) => api.get<z.infer<typeof PlanList>>('/api/v1/plans', {}, signal),
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: [...PLAN, 'plan', id],
    queryFn: ({ signal }) => api.get<PlanDto>(`/api/v1/plans/${enc(id!)}`, {}, signal),
    enabled: !!id,
  });
}

export function useTask(id: string) {
  return useQuery({
    queryKey: [...PLAN, 'task', id],
    queryFn: ({ signal }) => api.get<TaskDto>(`/api/v1/plans/tasks/${enc(id)}`, {}, signal),
    enabled: !!id,
  });
}

export function usePublicPlan() {
  return useQuery({
    queryKey: [...PLAN, 'public'],
    queryFn: ({ signal }) => api.get<PublicPlanDto>('/api/v1/public/plan', {}, signal),
  });
}

/** A progress report or a 督办: the answer is the fresh task; the plan's roll-ups change too. */
export function useTaskStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      body:
        | ({ kind: 'report' } & z.input<typeof ReportBody>)
        | ({ kind: 'supervise' } & z.input<typeof SuperviseBody>),
    ) => {
      const { kind, ...rest } = body;
      const path = `/api/v1/plans/tasks/${enc(id)}/${kind === 'report' ? 'reports' : 'supervise'}`;
      return api.post<TaskDto>(path, rest);
    },
    onSuccess: (view) => {
      queryClient.setQueryData([...PLAN, 'task', id], view);
      void queryClient.invalidateQueries({ queryKey: [...PLAN, 'plan'] });
      void queryClient.invalidateQueries({ queryKey: [...PLAN, 'list'] });
    },
  });
}

export const planTemplateUrl = (format: 'xlsx' | 'csv') => `/api/v1/plans/template.${format}`;

export function usePlanImport(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, version, dryRun }: { file: File; version: number; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      const q = `?version=${version}&dryRun=${dryRun ? 'true' : 'false'}`;
      return api.upload<ImportPlanResultDto>(`/api/v1/plans/${enc(planId)}/import${q}`, form);
    },
    onSuccess: (r) => {
      if (!r.dryRun) void queryClient.invalidateQueries({ queryKey: PLAN });
    },
  });
}
