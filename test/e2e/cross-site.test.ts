import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, signIn } from '../helpers/browser';
import { useBrowser } from './support';

// A Disdukcapil employee that does not exist (serials in the 900s do not occur in the demo data).
const NIP = `199203172018032${900 + Math.floor(Math.random() * 100)}`;
const CSV = `nip,nama,status,golongan,kode_unit\n${NIP},Yohana Jebakan,PNS,III/a,DISDUKCAPIL\n`;

/** The hostile pages: another port of the same host, so Asah's SameSite=Lax cookie goes along. */
function hostilePages(asah: string): Record<string, string> {
  const json = JSON.stringify({ nip: NIP, name: 'Yohana Jebakan', status: 'PNS', golongan: '3a' });
  // The classic text/plain form trick: name + '=' + value spells a JSON document.
  const [name, value] = [json.slice(0, -2) + ',"x":"', '"}'];
  return {
    '/form': `<!doctype html><form id="f" method="post" enctype="text/plain" action="${asah}/api/employees">
      <input name='${name}' value='${value}'></form><script>document.getElementById('f').submit()</script>`,
    '/fetch': `<!doctype html><p>Hadiah menanti!</p><script>
      window.results = Promise.all([
        fetch('${asah}/api/auth/logout', { method: 'POST', mode: 'no-cors', credentials: 'include',
          headers: { 'content-type': 'text/plain' }, body: 'keluar' }),
        (() => { const f = new FormData();
          f.append('file', new Blob([${JSON.stringify(CSV)}], { type: 'text/csv' }), 'pegawai.csv');
          return fetch('${asah}/api/employees/import', { method: 'POST', mode: 'no-cors', credentials: 'include', body: f }); })(),
      ]).then(() => 'sent', (e) => String(e));
    </script>`,
  };
}

describe('a page of another site posts to Asah with the operator signed in', () => {
  const browser = useBrowser();
  let server: http.Server;
  let hostile = '';

  beforeAll(async () => {
    const pages = hostilePages(baseUrl());
    server = http.createServer((req, res) => {
      const page = pages[req.url ?? ''];
      res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hostile = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  const asahAnswers = (page: Page) => {
    const answers: { url: string; status: number }[] = [];
    page.on('response', (r) => {
      if (r.url().startsWith(baseUrl()) && r.request().method() === 'POST')
        answers.push({ url: new URL(r.url()).pathname, status: r.status() });
    });
    return answers;
  };

  it('refuses the form, the text/plain fetch and the upload with 403, and nothing is written', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'operator.dukcapil');
    const importsBefore = (await (await context.request.get(`${baseUrl()}/api/imports`)).json()) as unknown[];

    const trap = await context.newPage();
    const answers = asahAnswers(trap);
    const refused = trap.waitForResponse((r) => r.url() === `${baseUrl()}/api/employees`);
    await trap.goto(`${hostile}/form`);
    const formAnswer = await refused;
    expect(formAnswer.status()).toBe(403);
    expect(await formAnswer.json()).toMatchObject({ code: 'request.crossSite' });

    await trap.goto(`${hostile}/fetch`);
    expect(await trap.evaluate(() => (window as unknown as { results: Promise<string> }).results)).toBe(
      'sent',
    );
    await expect.poll(() => answers.length).toBe(3);
    expect(answers.sort((a, b) => a.url.localeCompare(b.url))).toEqual([
      { url: '/api/auth/logout', status: 403 },
      { url: '/api/employees', status: 403 },
      { url: '/api/employees/import', status: 403 },
    ]);

    // Through the API with the operator's own session: still signed in, no employee, no import.
    expect((await context.request.get(`${baseUrl()}/api/auth/me`)).status()).toBe(200);
    expect((await context.request.get(`${baseUrl()}/api/employees/${NIP}`)).status()).toBe(404);
    const importsAfter = (await (await context.request.get(`${baseUrl()}/api/imports`)).json()) as unknown[];
    expect(importsAfter).toHaveLength(importsBefore.length);

    // Asah's own pages still change data: signing out from the web app works.
    await page.bringToFront();
    const own = asahAnswers(page);
    await page.evaluate(() => fetch('/api/auth/logout', { method: 'POST' }).then((r) => r.status));
    await expect.poll(() => own).toEqual([{ url: '/api/auth/logout', status: 200 }]);
    expect((await context.request.get(`${baseUrl()}/api/auth/me`)).status()).toBe(401);
  });
});
