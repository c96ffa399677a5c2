import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, setCsrfToken } from '../api/client';
import { ME_KEY } from './auth';

/** An expired session anywhere (401) signs the UI out; the router then shows the login page. */
function onError(err: unknown): void {
  if (isApiError(err, 401)) {
    setCsrfToken(null);
    queryClient.setQueryData(ME_KEY, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // 4xx answers are final (403/404 show the denied page at once); retry only network/5xx once
      retry: (count, err) => !isApiError(err, 400, 401, 403, 404, 409, 423) && count < 1,
    },
  },
});
