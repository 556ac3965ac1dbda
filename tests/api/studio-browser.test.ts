import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, morningShow, type ApiHarness } from './support/api-harness.js';

const CHROMIUM = '/usr/bin/chromium';

describe('studio page in a real browser (Debian chromium)', () => {
  let h: ApiHarness;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    // Fails, never skips: CI must install the chromium package (apt-get install -y chromium).
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    h = await createApiHarness({ BRIEFCAST_SCHEDULES: 'false' });
    base = await h.server.listen({ host: '127.0.0.1', port: 0 });
    await h.server.inject({ method: 'POST', url: '/api/shows', headers: h.auth(h.keys.admin), payload: morningShow });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.dispose();
  });

  it('submits an article and shows the draft it became', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${base}/`);
    expect(page.url()).toBe(`${base}/studio`);
    await page.fill('#key', h.keys.morning);
    await page.click('#load-shows');
    await page.waitForSelector('#show option[value="morning"]', { state: 'attached' });
    await page.fill('#article-title', 'Harbour wall repairs finished');
    await page.fill('#article-text', 'Repairs to the old harbour wall were finished on Monday, a month early. The work cost less than planned, the council said.');
    await page.fill('#minutes', '0.5');
    await page.check('#draft');
    await page.click('#submit');
    // Locators, not page functions: the page's CSP forbids evaluating strings, and the test has no DOM types.
    await page.locator('#status', { hasText: /^(draft|failed)$/ }).waitFor();
    expect(await page.textContent('#status')).toBe('draft');
    expect(await page.textContent('#error')).toBe('');
    const id = await page.textContent('#episode-id');
    const stored = await h.server.inject({ method: 'GET', url: `/api/shows/morning/episodes/${id}`, headers: h.auth(h.keys.admin) });
    expect(stored.json().episode.sources[0].title).toBe('Harbour wall repairs finished');

    // A wrong key is reported on the page, not swallowed.
    await page.fill('#key', 'bc_wrong');
    await page.click('#load-shows');
    await page.locator('#error', { hasText: /\S/ }).waitFor();
    expect(await page.textContent('#error')).toBe('unknown API key');
    expect(problems).toEqual([]);
  });
});
