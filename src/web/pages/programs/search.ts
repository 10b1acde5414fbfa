/** Search params of the catalog and partner pages, kept apart so the router does not load the pages eagerly. */
import { FORM_CODES, LEARNING_PATHS, type FormCode, type LearningPath } from '../../../domain/learning/forms';

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
const oneOf = <T extends string>(v: unknown, options: readonly T[]): T | undefined =>
  options.includes(v as T) ? (v as T) : undefined;
const page = (v: unknown) => (Number(v) > 1 ? Math.floor(Number(v)) : undefined);

export const PROGRAM_STATUSES = ['draft', 'published', 'closed', 'cancelled'] as const;
export const SCOPES = ['nasional', 'internasional'] as const;
export const PARTNER_KINDS = [
  'universitas',
  'politeknik',
  'swasta',
  'bumn_bumd',
  'pemerintah',
  'lsm',
  'lainnya',
] as const;

export interface ProgramSearch {
  q?: string;
  path?: LearningPath;
  form?: FormCode;
  scope?: (typeof SCOPES)[number];
  status?: (typeof PROGRAM_STATUSES)[number];
  partnerId?: string;
  view?: 'kalender';
  month?: string;
  page?: number;
}

export const programSearch = (s: Record<string, unknown>): ProgramSearch => ({
  q: str(s.q),
  path: oneOf(s.path, LEARNING_PATHS),
  form: oneOf(s.form, FORM_CODES),
  scope: oneOf(s.scope, SCOPES),
  status: oneOf(s.status, PROGRAM_STATUSES),
  partnerId: str(s.partnerId),
  view: s.view === 'kalender' ? 'kalender' : undefined,
  month: typeof s.month === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(s.month) ? s.month : undefined,
  page: page(s.page),
});

export interface PartnerSearch {
  q?: string;
  kind?: (typeof PARTNER_KINDS)[number];
  page?: number;
}
export const partnerSearch = (s: Record<string, unknown>): PartnerSearch => ({
  q: str(s.q),
  kind: oneOf(s.kind, PARTNER_KINDS),
  page: page(s.page),
});

export { thisMonth } from '../../lib/format';
