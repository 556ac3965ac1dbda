import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListenerStore } from '../../src/listeners/listener-store.js';
import { createApiHarness, morningShow, type ApiHarness } from '../api/support/api-harness.js';

const CHROMIUM = '/usr/bin/chromium';

describe("the studio page's listeners section in a real browser (Debian chromium)", () => {
  let h: ApiHarness;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    h = await createApiHarness({ BRIEFCAST_SCHEDULES: 'false', LOG_LEVEL: 'silent' });
    base = await h.server.listen({ host: '127.0.0.1', port: 0 });
    await h.server.inject({ method: 'POST', url: '/api/shows', headers: h.auth(h.keys.admin), payload: morningShow });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.dispose();
  });

  it('adds a listener and shows the private feed URL once, lists, rotates and removes them', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
    await page.goto(`${base}/studio`);
    await page.fill('#key', h.keys.morning);
    await page.click('#load-shows');
    await page.waitForSelector('#show option[value="morning"]', { state: 'attached' });

    await page.fill('#listener-name', 'Ana');
    await page.fill('#listener-topics', 'comet, ferry');
    await page.fill('#listener-minutes', '5');
    await page.fill('#listener-zone', 'Europe/Lisbon');
    await page.click('#add-listener');
    await page.locator('#listener-feed-url', { hasText: /\/l\/.+\/feed\.xml$/ }).waitFor();
    const feedUrl = (await page.textContent('#listener-feed-url'))!;
    const [listener] = await new ListenerStore(h.app.ctx.work).list('morning');
    expect(listener).toMatchObject({ name: 'Ana', follows: { topics: ['comet', 'ferry'] }, targetMinutes: 5, timeZone: 'Europe/Lisbon' });
    const row = page.locator(`#listener-${listener!.id}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('comet, ferry');
    expect((await h.server.inject({ method: 'GET', url: new URL(feedUrl).pathname })).statusCode).toBe(200);
    // The list never carries the URL: it was shown once.
    expect(await page.locator('#listener-rows').textContent()).not.toContain('/l/');

    await row.locator('button.rotate').click();
    await page.locator('#listener-feed-url', { hasText: /feed\.xml$/ }).filter({ hasNotText: feedUrl }).waitFor();
    const rotated = (await page.textContent('#listener-feed-url'))!;
    expect((await h.server.inject({ method: 'GET', url: new URL(feedUrl).pathname })).statusCode).toBe(404);
    expect((await h.server.inject({ method: 'GET', url: new URL(rotated).pathname })).statusCode).toBe(200);

    // Bad input is reported on the page.
    await page.fill('#listener-zone', 'Mars/Olympus');
    await page.click('#add-listener');
    await page.locator('#listener-error', { hasText: /\S/ }).waitFor();

    await row.locator('button.remove').click();
    await row.waitFor({ state: 'detached' });
    expect(await new ListenerStore(h.app.ctx.work).list('morning')).toEqual([]);
    expect((await h.server.inject({ method: 'GET', url: new URL(rotated).pathname })).statusCode).toBe(404);
    expect(problems.filter((problem) => !problem.includes('400'))).toEqual([]);
  }, 90_000);
});
