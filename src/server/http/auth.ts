import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Lang } from './messages.js';
import { AppError } from './errors.js';

export const ROLES = ['admin', 'operator', 'atasan', 'pegawai', 'mitra', 'pimpinan'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, loaded once per request from the session. */
export interface AuthContext {
  userId: string;
  tenantId: string;
  username: string;
  displayName: string;
  employeeId: string | null;
  roles: Role[];
  /** Root units of the OPD subtrees an operator manages. */
  operatorUnitIds: string[];
  locale: Lang;
  sessionId: string;
  /** Platform administrator (lists and creates tenants; holds no tenant role). */
  platformAdmin: boolean;
}

/**
 * Who may call a route. Every route must declare it; a route without a declaration answers 403
 * to everybody (default deny). `'platform'`: platform administrators only.
 */
export type Access = 'public' | 'authenticated' | 'platform' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export const SESSION_COOKIE = 'asah_session';

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
export const newToken = () => crypto.randomBytes(32).toString('base64url');

export function hasRole(ctx: AuthContext | null, ...roles: Role[]): boolean {
  return !!ctx && ctx.roles.some((r) => roles.includes(r));
}

/** The caller's context, or 401. */
export function requireAuth(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new AppError('auth.required');
  return req.auth;
}

export interface SessionLoader {
  (sessionHash: string): Promise<AuthContext | null>;
}

/**
 * Loads the session from its cookie and enforces each route's declared access before any handler
 * or body parsing runs.
 */
export function registerAuth(app: FastifyInstance, loadSession: SessionLoader) {
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    req.auth = token ? await loadSession(hashToken(token)) : null;
    const access = req.routeOptions.config?.access;
    if (access === 'public') return;
    if (!req.routeOptions.url) return; // unknown route: the not-found handler answers
    if (access === undefined) throw new AppError('forbidden');
    if (!req.auth) throw new AppError('auth.required');
    if (access === 'authenticated') return;
    if (access === 'platform') {
      if (!req.auth.platformAdmin) throw new AppError('forbidden');
      return;
    }
    if (!req.auth.roles.some((r) => access.includes(r))) throw new AppError('forbidden');
  });
}
