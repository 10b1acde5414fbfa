/** Search params of the student-project list, kept apart so the router does not load the page eagerly. */
export const projectSearch = (
  s: Record<string, unknown>,
): { status?: 'open' | 'running' | 'done' | 'cancelled'; q?: string; page?: number } => ({
  status: ['open', 'running', 'done', 'cancelled'].includes(String(s.status))
    ? (s.status as 'open' | 'running' | 'done' | 'cancelled')
    : undefined,
  q: typeof s.q === 'string' && s.q ? s.q : undefined,
  page: Number(s.page) > 1 ? Math.floor(Number(s.page)) : undefined,
});
