import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/audit.js';
import { hashToken, requireAuth, SESSION_COOKIE } from '../../http/auth.js';
import type { AuthService } from './service.js';
import { LocaleBody, LoginBody, Me, Ok, PasswordBody } from './schemas.js';

export const authRoutes =
  (service: AuthService, opts: { cookieSecure: boolean }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/login',
      {
        // Attempts per address and per account are limited in PostgreSQL (see the service).
        config: { access: 'public' },
        schema: { tags: ['auth'], summary: 'Masuk (sign in)', body: LoginBody, response: { 200: Me } },
      },
      async (req, reply) => {
        const { token, maxAgeSeconds } = await service.login(req.body.username, req.body.password, {
          requestId: req.id,
          address: req.ip,
        });
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: opts.cookieSecure,
          maxAge: maxAgeSeconds,
        });
        const ctx = await service.loadSession(hashToken(token));
        return service.me(ctx!);
      },
    );

    app.post(
      '/api/auth/logout',
      {
        config: { access: 'public' },
        schema: { tags: ['auth'], summary: 'Keluar (sign out)', response: { 200: Ok } },
      },
      async (req, reply) => {
        if (req.auth) await service.logout(req.auth, actorOf(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], summary: 'Pengguna saat ini', response: { 200: Me } },
      },
      async (req) => service.me(requireAuth(req)),
    );

    app.post(
      '/api/auth/password',
      {
        config: { access: 'authenticated', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], summary: 'Ganti kata sandi', body: PasswordBody, response: { 200: Ok } },
      },
      async (req) => {
        await service.changePassword(
          requireAuth(req),
          req.body.currentPassword,
          req.body.newPassword,
          actorOf(req),
        );
        return { ok: true as const };
      },
    );

    app.put(
      '/api/auth/locale',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], summary: 'Bahasa tampilan', body: LocaleBody, response: { 200: Ok } },
      },
      async (req) => {
        await service.setLocale(requireAuth(req), req.body.locale, actorOf(req));
        return { ok: true as const };
      },
    );
  };
