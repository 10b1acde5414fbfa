import type { Browser, BrowserContext, Locator, Page, Request } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { baseUrl, launchBrowser } from '../helpers/browser';

/**
 * One Chromium for the enclosing describe block: checks the web app is served, launches before the
 * tests and closes after them. Returns a getter for the running browser. When a test fails, every page
 * still open is described (address, headings, alerts, the main text, what went wrong on the way) and
 * captured in test-results/failures, so a failure seen only once can still be understood. A test that
 * passed fails all the same when a page threw an uncaught error or the server answered 5xx on the way:
 * an intermittent server error must not hide behind a journey that happened to recover.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  const journal = new WeakMap<BrowserContext, Journal>();
  beforeAll(async () => {
    await assertWebServed(baseUrl());
    browser = await launchBrowser();
    const open = browser.newContext.bind(browser);
    browser.newContext = async (options) => {
      const context = await open(options);
      journal.set(context, keepJournal(context));
      return context;
    };
  });
  afterEach(async ({ task }) => {
    const faults = (browser?.contexts() ?? []).flatMap((c) => journal.get(c)?.faults ?? []);
    for (const [i, context] of (browser?.contexts() ?? []).entries()) {
      if (task.result?.state === 'fail') {
        for (const [j, page] of context.pages().entries()) {
          const name = `${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}-${i}-${j}`;
          const events = journal.get(context);
          const lines = events ? [...events.lines, ...events.pending()] : [];
          console.error(await describePage(page, name, lines));
        }
      }
      // A failed test leaves its contexts open; the next test starts clean.
      await context.close().catch(() => undefined);
    }
    if (task.result?.state !== 'fail' && faults.length)
      throw new Error(`the journey passed, but on the way:\n${faults.join('\n')}`);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

interface Journal {
  lines: string[];
  /** Uncaught page errors and 5xx answers: each fails the test. */
  faults: string[];
  pending: () => string[];
}

/** The last events of a context worth knowing after a failure: main-frame addresses, errors, 5xx answers. */
function keepJournal(context: BrowserContext): Journal {
  const lines: string[] = [];
  const faults: string[] = [];
  const note = (line: string) => {
    lines.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (lines.length > 40) lines.shift();
  };
  context.on('page', (page) => {
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) note(`address ${f.url()}`);
    });
    page.on('pageerror', (e) => {
      note(`page error: ${e.message}`);
      faults.push(`page error on ${page.url()}: ${e.message}`);
    });
  });
  context.on('console', (m) => {
    if (m.type() === 'error') note(`console error: ${m.text().slice(0, 300)}`);
  });
  context.on('response', (r) => {
    if (r.status() >= 500) {
      note(`${r.status()} ${r.request().method()} ${r.url()}`);
      faults.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    }
  });
  context.on('requestfailed', (r) => note(`failed ${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
  // Requests still waiting for an answer when the test failed are listed last.
  const pending = new Set<Request>();
  context.on('request', (r) => pending.add(r));
  context.on('requestfinished', (r) => pending.delete(r));
  context.on('requestfailed', (r) => pending.delete(r));
  return {
    lines,
    faults,
    pending: () => [...pending].map((r) => `waiting for an answer: ${r.method()} ${r.url()}`),
  };
}

async function describePage(page: Page, name: string, journal: string[]): Promise<string> {
  const file = path.resolve('test-results/failures', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true, timeout: 5000 }).catch(() => undefined);
  const seen = await page
    .evaluate(() => ({
      title: document.title,
      headings: [...document.querySelectorAll('h1, h2')].map((h) => h.textContent?.trim()).slice(0, 8),
      alerts: [...document.querySelectorAll('[role="alert"], [role="status"]')]
        .map((a) => a.textContent?.trim())
        .filter(Boolean),
      text: (document.querySelector('main') ?? document.body).innerText.replace(/\s+/g, ' ').slice(0, 600),
    }))
    .catch((e: Error) => ({ error: e.message }));
  return [
    `── open page ${page.url()} (screenshot ${path.relative(process.cwd(), file)})`,
    JSON.stringify(seen, null, 2),
    ...journal.map((l) => `  ${l}`),
  ].join('\n');
}

/**
 * Fails fast, with the reason, when the server does not hand out the built web app (e.g. its static
 * asset routes answer 403 because they declare no access), instead of every locator timing out.
 */
export async function assertWebServed(base: string): Promise<void> {
  const html = await (await fetch(`${base}/masuk`)).text();
  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!asset) throw new Error(`GET /masuk did not return the web app's index.html:\n${html.slice(0, 300)}`);
  const res = await fetch(`${base}${asset}`);
  if (res.status !== 200) {
    throw new Error(
      `GET ${asset} answered ${res.status} (${(await res.text()).slice(0, 200)}): the server must serve dist/web/assets publicly.`,
    );
  }
}

/** The phone every suite checks against: 360 × 740 CSS pixels, touch, mobile viewport. */
export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } as const;

/** A fresh browser context the size of a small phone. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext(PHONE);
}

/** The page does not scroll sideways (nothing wider than the viewport). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
}

/** The main menu, in either language. */
export const mainMenu = (page: Page): Locator =>
  page.getByRole('navigation', { name: /^(menu utama|main menu)$/i });

/**
 * A link of the main menu. A closed group renders no links, so this opens closed groups one by one until
 * the link shows (on a phone, open the burger first).
 */
export async function menuLink(page: Page, name: string | RegExp): Promise<Locator> {
  const nav = mainMenu(page);
  await nav.getByRole('link').first().waitFor();
  const link = nav.getByRole('link', { name });
  const closed = nav.locator('button[aria-expanded="false"]');
  while ((await link.count()) === 0 && (await closed.count()) > 0) {
    // Wait until this very group reads open before looking again: clicking a group that has not
    // re-rendered yet would close it again.
    const group = await closed.first().elementHandle();
    await group!.click();
    await page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'true', group);
  }
  await link.first().waitFor();
  await settled(link.first());
  return link;
}

/**
 * Waits until every Mantine Collapse around the element has finished opening: none is still shorter
 * than its content. A click during the height animation can press on the element and release
 * elsewhere once the layout moves, and then no click happens at all. Gives up waiting after 2 s (the
 * animation takes about 200 ms), so a Collapse that keeps a fixed height cannot stall a test.
 */
export async function settled(target: Locator): Promise<void> {
  await target.evaluate(
    (el) =>
      new Promise<void>((resolve) => {
        const until = Date.now() + 2000;
        const opening = () => {
          for (let n: HTMLElement | null = el.parentElement; n; n = n.parentElement)
            if (n.hasAttribute('aria-hidden') && n.style.height !== '' && n.clientHeight < n.scrollHeight)
              return true;
          return false;
        };
        const check = () => (opening() && Date.now() < until ? requestAnimationFrame(check) : resolve());
        check();
      }),
  );
}

/** The main menu as it reads: a link's label, or a group's label with its links' labels. */
export type MenuShape = (string | [string, string[]])[];

/** Opens every group of the main menu and reads it top to bottom. */
export async function readMenu(page: Page): Promise<MenuShape> {
  const nav = mainMenu(page);
  await nav.getByRole('link').first().waitFor();
  const closed = nav.locator('button[aria-expanded="false"]');
  while ((await closed.count()) > 0) await closed.first().click();
  return nav.evaluate((el) =>
    [...(el.querySelector('ul')?.children ?? [])].map((li): string | [string, string[]] => {
      const group = li.querySelector(':scope > button');
      const links = [...li.querySelectorAll('a')].map((a) => a.textContent ?? '');
      return group ? [group.textContent ?? '', links] : links.join(' | ');
    }),
  );
}

export const DESKTOP = { viewport: { width: 1280, height: 900 } } as const;
/** A short random tag that keeps codes and titles of one run apart. */
export const tag = () => Math.random().toString(36).slice(2, 8).toUpperCase();
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/**
 * A published programme organised by BKPSDM, created through the API by the context's user
 * (operator.bkpsdm), with sessions given as [start, end] in minutes from now.
 */
export async function publishedProgramme(ctx: BrowserContext, title: string, sessions: [number, number][]) {
  const res = await ctx.request.post(`${baseUrl()}/api/programs`, {
    data: {
      code: `E2E-${tag()}`,
      title,
      form: 'B7',
      capacity: 10,
      costFee: 1_500_000,
      sessions: sessions.map(([a, b]) => ({
        startsAt: inMinutes(a),
        endsAt: inMinutes(b),
        venue: 'Aula BKPSDM',
      })),
    },
  });
  expect(res.status()).toBe(200);
  const p = (await res.json()) as { id: string; sessions: { id: string }[] };
  const pub = await ctx.request.post(`${baseUrl()}/api/programs/${p.id}/status`, {
    data: { status: 'published' },
  });
  expect(pub.status()).toBe(200);
  return p;
}
