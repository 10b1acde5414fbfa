import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable, isPoolBusy } from '../db/unavailable.js';
import { pickLang, t, type Lang, type MessageKey } from './messages.js';
import { safeError } from './safe-error.js';
import { validationMessage, type FieldProblem } from './validation-messages.js';

export interface RowError {
  row?: number;
  column?: string;
  field?: string;
  message: string;
}

const STATUS: Partial<Record<MessageKey, number>> = {
  'auth.required': 401,
  'auth.invalid': 401,
  'auth.inactive': 403,
  'auth.wrongCurrentPassword': 422,
  forbidden: 403,
  'request.crossSite': 403,
  'request.contentType': 415,
  'request.noBody': 415,
  notFound: 404,
  'route.notFound': 404,
  validation: 422,
  conflict: 409,
  rateLimited: 429,
  'import.invalid': 422,
  'import.unreadable': 422,
  'import.fileMissing': 400,
  'import.tooLarge': 413,
  'import.tooComplex': 413,
  'import.busyUser': 429,
  'import.busy': 503,
  'import.notConfirmable': 409,
  'unit.cycle': 422,
  'employee.supervisorSelf': 422,
  'user.lastAdmin': 409,
  'db.unavailable': 503,
  'db.busy': 503,
  'data.rejected': 422,
  'data.busy': 409,
};

/**
 * A database refusal the caller caused: class 22 (data exception: a value out of range, a NUL byte)
 * and class 23 (integrity: a duplicate, a missing reference) answer 4xx, a serialization failure or
 * deadlock 409; anything else stays a server fault.
 */
export function databaseProblem(err: unknown): AppError | null {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (/^[0-9A-Z]{5}$/.test(code)) {
      if (code === '23505') return new AppError('conflict', { what: 'data yang sama / the same data' });
      if (code.startsWith('22') || code.startsWith('23')) return new AppError('data.rejected');
      if (code === '40001' || code === '40P01') return new AppError('data.busy');
    }
    e = e.cause as typeof e;
  }
  return null;
}

/** The one error type of Asah: a stable code, its HTTP status, and what to tell the caller. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly errors: RowError[] = [],
    /** Extra members for the problem document (e.g. import counts). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.status = STATUS[code] ?? 400;
  }
}

export const notFound = () => new AppError('notFound');
/** A 422 whose errors name the fields (or rows and columns) at fault. */
export const fieldErrors = (errors: RowError[]) => new AppError('validation', {}, errors);
export const forbidden = () => new AppError('forbidden');

/** Builds a validation error for fields of a form or body, with the caller's language resolved later. */
export class FieldValidationError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super('validation');
  }
}

export function langOf(req: FastifyRequest): Lang {
  return req.auth?.locale ?? pickLang(req.query, req.headers['accept-language']);
}

function send(reply: FastifyReply, status: number, body: Record<string, unknown>) {
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: 'about:blank',
      status,
      instance: reply.request.url.split('?')[0],
      requestId: reply.request.id,
      ...body,
    });
}

/** Seconds a client should wait before retrying while the database is unavailable. */
export const DB_RETRY_AFTER_SECONDS = 5;

/** Seconds a client should wait before retrying when every database connection was busy. */
export const DB_BUSY_RETRY_AFTER_SECONDS = 2;

function serverBusy(reply: FastifyReply, lang: Lang) {
  reply.header('retry-after', String(DB_BUSY_RETRY_AFTER_SECONDS));
  return send(reply, 503, { title: t(lang, 'db.busy'), code: 'db.busy', reason: 'pool_busy' });
}

function databaseUnavailable(reply: FastifyReply, lang: Lang) {
  reply.header('retry-after', String(DB_RETRY_AFTER_SECONDS));
  return send(reply, 503, {
    title: t(lang, 'db.unavailable'),
    code: 'db.unavailable',
    reason: 'database_unreachable',
  });
}

/** Fastify's own refusals before routing (a malformed or too long path) as problem+json. */
export function frameworkProblem(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  const lang = pickLang({}, req.headers['accept-language']);
  void send(reply, status, { title: t(lang, 'badUrl'), code: 'badUrl' });
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setNotFoundHandler((req, reply) => {
    const lang = langOf(req);
    return send(reply, 404, { title: t(lang, 'route.notFound'), code: 'route.notFound' });
  });

  app.setErrorHandler((err: FastifyError | AppError | FieldValidationError, req, reply) => {
    const lang = langOf(req);
    if (err instanceof AppError) {
      if (typeof err.extra.retryAfter === 'number') reply.header('retry-after', String(err.extra.retryAfter));
      if (err.code === 'db.unavailable') reply.header('retry-after', String(DB_RETRY_AFTER_SECONDS));
      if (err.code === 'db.busy') reply.header('retry-after', String(DB_BUSY_RETRY_AFTER_SECONDS));
      return send(reply, err.status, {
        title: t(lang, err.code, { requestId: req.id, ...err.params }),
        code: err.code,
        ...(err.errors.length ? { errors: err.errors } : {}),
        ...err.extra,
      });
    }
    if (err instanceof FieldValidationError) {
      const errors = err.problems.map((p) => ({ field: p.field, message: validationMessage(lang, p) }));
      return send(reply, 422, { title: t(lang, 'validation'), code: 'validation', errors });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => {
        const field = [err.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.');
        const problem: FieldProblem = {
          field,
          issue: { ...v.params, code: v.keyword, message: v.message } as FieldProblem['issue'],
        };
        return { field, message: validationMessage(lang, problem) };
      });
      return send(reply, 422, { title: t(lang, 'validation'), code: 'validation', errors });
    }
    if (isResponseSerializationError(err)) {
      req.log.error(
        { err: { message: err.message, method: err.method, url: err.url } },
        'response schema mismatch',
      );
      return send(reply, 500, { title: t(lang, 'internal', { requestId: req.id }), code: 'internal' });
    }
    const fe = err as FastifyError;
    if (fe.statusCode === 429) {
      return send(reply, 429, { title: t(lang, 'rateLimited'), code: 'rateLimited' });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Malformed JSON, a too-large body, a wrong content type: the caller can fix it.
      return send(reply, fe.statusCode, {
        title: t(lang, 'validation'),
        code: fe.code ?? 'badRequest',
        detail: fe.message,
      });
    }
    if (isPoolBusy(err)) {
      // Every pooled connection stayed busy for the whole wait: the database answers, Asah is loaded.
      req.log.warn({ err: { code: 'pool_wait_timeout' } }, 'database pool busy');
      return serverBusy(reply, lang);
    }
    if (isDatabaseUnavailable(err)) {
      // The database is down or restarting: the caller may retry; the cause is logged without parameters.
      const cause = (fe as { cause?: { code?: string } }).cause;
      req.log.warn({ err: { code: cause?.code ?? fe.code } }, 'database unavailable');
      return databaseUnavailable(reply, lang);
    }
    const fromDb = databaseProblem(err);
    if (fromDb) {
      req.log.warn({ err: safeError(err) }, 'refused by the database');
      return send(reply, fromDb.status, {
        title: t(lang, fromDb.code, { requestId: req.id, ...fromDb.params }),
        code: fromDb.code,
      });
    }
    // Unknown: logged with the request id, and only what safeError keeps (no query, no parameters,
    // no values), hidden from the caller.
    req.log.error({ err: safeError(err) }, 'unhandled error');
    return send(reply, 500, { title: t(lang, 'internal', { requestId: req.id }), code: 'internal' });
  });
}
