// Joint meetings' queries (联席会议): the bodies of the caller's level and below, one body (meetings, requests
// from below), its hot cases, one meeting, the action items (交办事项) of the caller's units; and the writes —
// plan a meeting, add an agenda item, record the meeting held, report an item done, 督办 an item.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';
import type {
  ActionItemList,
  ActionItemView,
  AgendaBody,
  BodyList,
  BodyView,
  CreateMeetingBody,
  HoldMeetingBody,
  HotCaseList,
  MeetingView,
  SentRequestList,
} from '../../../../contracts/coordination';

export type BodyDto = z.infer<typeof BodyView>;
export type BodySummaryDto = z.infer<typeof BodyList>['items'][number];
export type MeetingDto = z.infer<typeof MeetingView>;
export type ActionItemDto = z.infer<typeof ActionItemView>;
export type HotCaseDto = z.infer<typeof HotCaseList>['items'][number];
export type HoldDto = z.infer<typeof HoldMeetingBody>;

const COORD = ['coordination'] as const;
const BASE = '/api/v1/coordination';
const enc = encodeURIComponent;

export function useBodies(enabled = true) {
  return useQuery({
    queryKey: [...COORD, 'bodies'],
    queryFn: ({ signal }) => api.get<z.infer<typeof BodyList>>(`${BASE}/bodies`, {}, signal),
    enabled,
  });
}

export function useBody(id: string | undefined) {
  return useQuery({
    queryKey: [...COORD, 'body', id],
    queryFn: ({ signal }) => api.get<BodyDto>(`${BASE}/bodies/${enc(id!)}`, {}, signal),
    enabled: !!id,
  });
}

export function useHotCases(bodyId: string | undefined) {
  return useQuery({
    queryKey: [...COORD, 'hot', bodyId],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof HotCaseList>>(`${BASE}/bodies/${enc(bodyId!)}/hot-cases`, {}, signal),
    enabled: !!bodyId,
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: [...COORD, 'meeting', id],
    queryFn: ({ signal }) => api.get<MeetingDto>(`${BASE}/meetings/${enc(id)}`, {}, signal),
    enabled: !!id,
  });
}

/** The requests for coordination the caller's offices sent up, and the meeting that took each up. */
export function useSentRequests(enabled = true) {
  return useQuery({
    queryKey: [...COORD, 'requests', 'sent'],
    queryFn: ({ signal }) => api.get<z.infer<typeof SentRequestList>>(`${BASE}/requests`, {}, signal),
    enabled,
  });
}

export function useMyActionItems(enabled = true) {
  return useQuery({
    queryKey: [...COORD, 'items', 'mine'],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof ActionItemList>>(`${BASE}/action-items`, { mine: 'true' }, signal),
    enabled,
  });
}

/** Every write changes what the coordination pages and the case pages show: refresh them all. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: COORD });
    void queryClient.invalidateQueries({ queryKey: ['case'] });
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
  };
}

export function useCreateMeeting(bodyId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: z.infer<typeof CreateMeetingBody>) =>
      api.post<{ id: string }>(`${BASE}/bodies/${enc(bodyId)}/meetings`, body),
    onSuccess: refresh,
  });
}

export function useAddAgendaItem() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ meetingId, body }: { meetingId: string; body: z.infer<typeof AgendaBody> }) =>
      api.post<{ id: string }>(`${BASE}/meetings/${enc(meetingId)}/agenda`, body),
    onSuccess: refresh,
  });
}

export function useHoldMeeting(meetingId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: HoldDto) => api.post<MeetingDto>(`${BASE}/meetings/${enc(meetingId)}/hold`, body),
    onSuccess: refresh,
  });
}

export function useItemStep() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({
      id,
      kind,
      version,
      text,
    }: {
      id: string;
      kind: 'done' | 'supervise';
      version: number;
      text: string;
    }) =>
      api.post<ActionItemDto>(
        `${BASE}/action-items/${enc(id)}/${kind}`,
        kind === 'done' ? { version, evidence: text } : { version, note: text },
      ),
    onSuccess: refresh,
  });
}
