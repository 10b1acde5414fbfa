import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client';

/** When a session ends while a page is open, the next failing read sends the user to /masuk. */
let onSignedOut: () => void = () => undefined;
export const setSignedOutHandler = (fn: () => void) => {
  onSignedOut = fn;
};

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== 'me') {
        queryClient.setQueryData(['me'], null);
        onSignedOut();
      }
    },
  }),
  defaultOptions: {
    queries: {
      // A weak network is worth two more tries, and so is a server that says it is busy (503, with
      // Retry-After); a 500 is a fault and is shown at once, not hidden behind a retry.
      retry: (count, error) => (!(error instanceof ApiError) || error.status === 503) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
