/** Sending a hostile file while watching the server: its health answers, its memory, the time taken. */
import { expect } from 'vitest';
import { multipart } from '../../src/server/modules/imports/testkit.js';
import type { TestApp } from './app.js';

export const MB = 1024 * 1024;

export function hostileClient(app: () => TestApp, defaultCookie: () => string) {
  const post = (url: string, cookie: string, fileName: string, content: Buffer | string, lang = 'id') => {
    const m = multipart(fileName, content);
    return app().app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'accept-language': lang, ...m.headers },
      payload: m.payload,
    });
  };

  /**
   * Sends the file while /api/health is asked every 50 ms; returns the answer, how long it took,
   * the slowest health answer and the largest growth of the process's memory seen meanwhile.
   */
  async function sendWatched(url: string, fileName: string, content: Buffer | string, lang = 'id') {
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    let slowestHealth = 0;
    let healthChecks = 0;
    let done = false;
    const started = Date.now();
    const request = post(url, defaultCookie(), fileName, content, lang).finally(() => (done = true));
    const watch = (async () => {
      while (!done) {
        const h0 = Date.now();
        const h = await app().app.inject({ method: 'GET', url: '/api/health' });
        expect(h.statusCode).toBe(200);
        slowestHealth = Math.max(slowestHealth, Date.now() - h0);
        healthChecks++;
        peak = Math.max(peak, process.memoryUsage().rss);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const res = await request;
    await watch;
    return { res, ms: Date.now() - started, slowestHealth, healthChecks, grewMb: (peak - rss0) / MB };
  }

  async function expectRefused(
    url: string,
    fileName: string,
    content: Buffer | string,
    want: { status: number; code: string; reason: RegExp; maxMs?: number },
  ) {
    const w = await sendWatched(url, fileName, content);
    expect(w.res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = w.res.json();
    expect({ status: w.res.statusCode, code: body.code }).toEqual({ status: want.status, code: want.code });
    expect(body.title).toMatch(want.reason);
    expect(w.ms).toBeLessThan(want.maxMs ?? 8000);
    expect(w.slowestHealth).toBeLessThan(1000);
    expect(w.grewMb).toBeLessThan(400);
    return { ...w, body };
  }

  return { post, sendWatched, expectRefused };
}
