import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Me } from './client';
import { ApiError } from './client';
import { setTimeZone } from '../lib/format';
import { parseJpRuleSet, type JpRuleSet } from '../../domain/learning/jp-rules';

/** The signed-in user, or null when nobody is signed in. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await unwrap(api.GET('/api/auth/me'));
      setTimeZone(me.timeZone);
      return me;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  },
  staleTime: 5 * 60_000,
});

export const orgUnitsQuery = queryOptions({
  queryKey: ['org-units'],
  queryFn: () => unwrap(api.GET('/api/org-units')),
  staleTime: 60_000,
});

export const positionsQuery = queryOptions({
  queryKey: ['positions'],
  queryFn: () => unwrap(api.GET('/api/positions')),
  staleTime: 5 * 60_000,
});

export function useMe(): Me {
  const { data } = useQuery(meQuery);
  // Routes under the app shell only render once the session is known (see router.tsx).
  if (!data) throw new Error('useMe outside a signed-in route');
  return data;
}

/** The tenant's stored JP rule sets (what the server counts with), parsed; broken rows are left out. */
export const jpRuleSetsQuery = queryOptions({
  queryKey: ['jp-rules'],
  queryFn: async (): Promise<JpRuleSet[]> => {
    const { items } = await unwrap(api.GET('/api/jp-rules'));
    const out: JpRuleSet[] = [];
    for (const s of items) {
      const parsed = parseJpRuleSet({ ...s, rows: s.rules });
      if (parsed.ok) out.push(parsed.value);
    }
    return out;
  },
  staleTime: 5 * 60_000,
});
