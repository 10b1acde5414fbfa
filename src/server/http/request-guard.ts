/**
 * Refuses changes sent from other sites' pages, and bodies a route did not declare.
 *
 * A state-changing request (POST, PUT, PATCH, DELETE) must come from Asah's own origin: the
 * request's own scheme+host+port, PUBLIC_URL, or one of ASAH_ALLOWED_ORIGINS. The proof is the
 * `Origin` header, else `Sec-Fetch-Site`, else `Referer`. A request with none of the three is no
 * browser form or fetch (every browser Asah supports sends `Origin` with these methods) and is
 * let through, unless it carries the session cookie together with browser-only headers — see
 * docs/decisions.md, "Cross-site requests".
 *
 * Each route accepts only its declared content type: a JSON body only as application/json,
 * an upload (`config.upload`) only as multipart/form-data, a route without a body no body at all
 * (or an empty JSON document, `{}`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../config.js';
import { SESSION_COOKIE } from './auth.js';
import { AppError } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route receives a file as multipart/form-data. */
    upload?: boolean;
  }
}

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Headers only a browser sends; with the session cookie they say a page made the request. */
const BROWSER_ONLY = [
  'sec-fetch-mode',
  'sec-fetch-dest',
  'sec-fetch-user',
  'sec-ch-ua',
  'upgrade-insecure-requests',
];

export interface GuardOptions {
  publicUrl: string | null;
  allowedOrigins: string[];
}

const header = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Whether a state-changing request comes from one of Asah's own origins. */
export function fromOwnSite(req: FastifyRequest, own: ReadonlySet<string>): boolean {
  const isOwn = (origin: string | null) =>
    origin !== null && (own.has(origin) || origin === originOf(`${req.protocol}://${req.host}`));
  const origin = header(req, 'origin');
  if (origin !== undefined) return isOwn(originOf(origin));
  const site = header(req, 'sec-fetch-site');
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const referer = header(req, 'referer');
  if (referer !== undefined) return isOwn(originOf(referer));
  const browser = BROWSER_ONLY.some((h) => header(req, h) !== undefined);
  return !(browser && req.headers.cookie?.includes(`${SESSION_COOKIE}=`));
}

const mediaType = (req: FastifyRequest) =>
  (header(req, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();

const hasBody = (req: FastifyRequest) =>
  header(req, 'transfer-encoding') !== undefined || Number(header(req, 'content-length') ?? 0) > 0;

/** The content type the route accepts ('none': no body), or null when any may be sent. */
function expectedType(req: FastifyRequest): 'application/json' | 'multipart/form-data' | 'none' | null {
  if (!req.routeOptions.url) return null; // unknown route: the not-found handler answers
  if (req.routeOptions.config?.upload) return 'multipart/form-data';
  const schema = req.routeOptions.schema as { body?: unknown } | undefined;
  return schema?.body ? 'application/json' : 'none';
}

function checkContentType(req: FastifyRequest) {
  const expected = expectedType(req);
  if (expected === null) return;
  const type = mediaType(req);
  const body = hasBody(req);
  // A route without a body takes none, or an empty JSON document (`{}`, checked once parsed): JSON
  // needs a CORS preflight from another origin, so it is no way for a forgery.
  const fits =
    expected === 'none'
      ? type === ''
        ? !body
        : type === 'application/json'
      : type === expected || (!type && !body);
  if (fits) return;
  if (expected === 'none') throw new AppError('request.noBody', { type: type || '—' });
  throw new AppError('request.contentType', { type: type || '—', expected });
}

export function registerRequestGuard(app: FastifyInstance, opts: GuardOptions) {
  const own = new Set<string>(
    [opts.publicUrl, ...opts.allowedOrigins].map((o) => (o ? originOf(o) : null)).filter((o) => o !== null),
  );
  // No route reads text/plain; without a parser such a body can reach no handler.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (req) => {
    if (!CHANGES.has(req.method)) return;
    if (!fromOwnSite(req, own)) {
      req.log.warn(
        { origin: header(req, 'origin') ?? null, site: header(req, 'sec-fetch-site') ?? null },
        'cross-site change refused',
      );
      throw new AppError('request.crossSite');
    }
  });
  // After sign-in and access checks (onRequest), before the body is read.
  app.addHook('preParsing', async (req) => {
    if (CHANGES.has(req.method)) checkContentType(req);
  });
  app.addHook('preValidation', async (req) => {
    if (!CHANGES.has(req.method) || expectedType(req) !== 'none') return;
    const b = req.body as unknown;
    const empty = b === undefined || b === null || (typeof b === 'object' && Object.keys(b).length === 0);
    if (!empty) throw new AppError('request.noBody', { type: 'application/json' });
  });
}
