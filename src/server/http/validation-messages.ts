import { problemMessage, type ValueProblem } from '../../domain/problems.js';
import type { Lang } from './messages.js';

/** A zod issue as it reaches the error handler (only the parts we read). */
interface IssueLike {
  code?: string;
  message?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  values?: unknown[];
  origin?: string;
  format?: string;
  input?: unknown;
  /** For `.refine(..., { params: { id, en } })`: the message in each language. */
  params?: { id?: unknown; en?: unknown };
}

export interface FieldProblem {
  field: string;
  issue?: IssueLike;
  problem?: ValueProblem;
}

/**
 * Turns a zod issue into a message a person can act on, in their language. A schema's own rule
 * (`.refine`) carries its words in both languages as `params: { id, en }`.
 */
export function validationMessage(lang: Lang, p: FieldProblem): string {
  if (p.problem) return problemMessage(lang, p.problem);
  const i = p.issue ?? {};
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined
        ? problemMessage(lang, { code: 'required' })
        : problemMessage(lang, { code: 'invalid' });
    case 'too_small':
      return i.origin === 'string'
        ? Number(i.minimum) <= 1
          ? problemMessage(lang, { code: 'required' })
          : problemMessage(lang, { code: 'tooShort', min: Number(i.minimum) })
        : lang === 'id'
          ? `Minimal ${String(i.minimum)}.`
          : `At least ${String(i.minimum)}.`;
    case 'too_big':
      return i.origin === 'string'
        ? problemMessage(lang, { code: 'tooLong', max: Number(i.maximum) })
        : lang === 'id'
          ? `Maksimal ${String(i.maximum)}.`
          : `At most ${String(i.maximum)}.`;
    case 'invalid_value':
      return problemMessage(lang, { code: 'oneOf', options: (i.values ?? []).map(String).join(', ') });
    case 'invalid_format':
      if (i.format === 'email') return problemMessage(lang, { code: 'email' });
      if (i.format === 'uuid') return lang === 'id' ? 'Pengenal tidak sah.' : 'Not a valid id.';
      if (i.format === 'date') return problemMessage(lang, { code: 'date' });
      return problemMessage(lang, { code: 'invalid' });
    case 'custom': {
      const own = i.params?.[lang];
      if (typeof own === 'string') return own;
      return i.message && lang === 'en' ? i.message : problemMessage(lang, { code: 'invalid' });
    }
    default:
      return i.message && lang === 'en' ? i.message : problemMessage(lang, { code: 'invalid' });
  }
}
