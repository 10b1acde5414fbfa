import type { FastifyInstance } from 'fastify';
import { FieldValidationError } from './errors.js';
import type { FieldProblem } from './validation-messages.js';

/** Years a date in Asah may carry: birth dates, service records, programme and plan dates. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

// A NUL character (PostgreSQL cannot store it in text) or a UTF-16 half without its partner.
// eslint-disable-next-line no-control-regex -- matching the NUL control character is the point of this gate
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// A date or timestamp as the API takes them: its year must be in range.
const DATE_LIKE = /^([+-]?\d{4,6})-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const problem = (field: string, id: string, en: string): FieldProblem => ({
  field,
  issue: { code: 'custom', params: { id, en } },
});

/** What is wrong with one string value, or null when it is fit to reach a schema and the database. */
export function stringProblem(field: string, value: string): FieldProblem | null {
  if (UNSTORABLE.test(value)) {
    return problem(
      field,
      'Berisi karakter yang tidak dapat disimpan (karakter NUL atau pengganti UTF-16 yang tidak berpasangan).',
      'Contains a character that cannot be stored (a NUL character or an unpaired UTF-16 surrogate).',
    );
  }
  const date = DATE_LIKE.exec(value);
  if (date) {
    const year = Number(date[1]);
    if (year < MIN_YEAR || year > MAX_YEAR) {
      return problem(
        field,
        `Tahun harus antara ${MIN_YEAR} dan ${MAX_YEAR}.`,
        `The year must be between ${MIN_YEAR} and ${MAX_YEAR}.`,
      );
    }
  }
  return null;
}

/** Every hostile string found in a parsed body, query or path, named as the field it came from. */
export function findInputProblems(value: unknown, field: string, out: FieldProblem[] = [], depth = 0) {
  if (out.length >= 20 || depth > 32) return out;
  if (typeof value === 'string') {
    const p = stringProblem(field, value);
    if (p) out.push(p);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findInputProblems(v, `${field}.${i}`, out, depth + 1));
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    // Parsed JSON and query strings are walked; streams and multipart files are left to their routes.
    const o = value as { pipe?: unknown; toBuffer?: unknown };
    if (typeof o.pipe === 'function' || typeof o.toBuffer === 'function') return out;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const name = `${field}.${k}`;
      const keyProblem = stringProblem(name, k);
      if (keyProblem && keyProblem.issue?.params?.en?.toString().startsWith('Contains')) out.push(keyProblem);
      findInputProblems(v, name, out, depth + 1);
    }
  }
  return out;
}

/**
 * One gate for every route: a NUL character, a lone surrogate or a date out of the years Asah keeps
 * is refused with 422 naming the field, before any schema, service or query sees it.
 */
export function registerInputGate(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const problems: FieldProblem[] = [];
    findInputProblems(req.params, 'params', problems);
    findInputProblems(req.query, 'querystring', problems);
    findInputProblems(req.body, 'body', problems);
    if (problems.length) throw new FieldValidationError(problems);
  });
}
