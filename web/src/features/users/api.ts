import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ItemsOf, RoleInfoDto, UserDto, UserInputDto, UserPatchDto } from '../../api/types';
import { usePagedList } from '../../shared/usePagedList';

export function useUsers(q?: string) {
  return usePagedList<UserDto>(['users'], '/api/v1/users', { q });
}

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => api.get<ItemsOf<RoleInfoDto>>('/api/v1/roles', {}, signal),
    staleTime: Infinity,
    select: (page) => page.items,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserInputDto) => api.post<UserDto>('/api/v1/users', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** PATCH with the row's version; on 409 the list is reloaded so the next attempt uses fresh data. */
export function usePatchUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatchDto }) =>
      api.patch<UserDto>(`/api/v1/users/${encodeURIComponent(id)}`, patch),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
