import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditRecordDto, AuditVerificationDto } from '../../api/types';
import { usePagedList } from '../../shared/usePagedList';

export interface AuditFilters {
  targetType?: string;
  action?: string;
  actorId?: string;
  targetId?: string;
}

export function useAuditLog(filters: AuditFilters) {
  return usePagedList<AuditRecordDto>(['audit'], '/api/v1/audit', { ...filters });
}

/** Re-computes the hash chain on the server (GET, but an explicit action of the user). */
export function useVerifyChain() {
  return useMutation({ mutationFn: () => api.get<AuditVerificationDto>('/api/v1/audit/verify') });
}
