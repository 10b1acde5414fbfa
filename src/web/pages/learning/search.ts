/** Search params of the learning pages, kept apart so the router does not load the pages eagerly. */
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const yearOf = (v: unknown) => (Number(v) >= 2000 && Number(v) <= 2100 ? Math.floor(Number(v)) : undefined);

export { thisYear } from '../../lib/format';
export const complianceSearch = (
  s: Record<string, unknown>,
): { year?: number; unitId?: string; show?: 'all'; view?: 'table'; page?: number } => ({
  year: yearOf(s.year),
  unitId: str(s.unitId),
  show: s.show === 'all' ? 'all' : undefined,
  view: s.view === 'table' ? 'table' : undefined,
  page: Number(s.page) > 1 ? Math.floor(Number(s.page)) : undefined,
});

export const myLearningSearch = (s: Record<string, unknown>): { year?: number } => ({
  year: yearOf(s.year),
});
