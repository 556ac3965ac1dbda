import { existsSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import type { EpisodeRecord } from '../../src/core/episode.js';
import { EpisodeStore } from '../../src/pipeline/episode-store.js';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, morningShow, waitForEpisode, type ApiHarness } from './support/api-harness.js';

/** A free loopback port, so the published audio URLs and the page share one origin. */
async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

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
      args: ['--headless', '--no-sandbox', '--mute-audio', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const port = await freePort();
    h = await createApiHarness({ BRIEFCAST_SCHEDULES: 'false', BRIEFCAST_PUBLIC_URL: `http://127.0.0.1:${port}` });
    base = await h.server.listen({ host: '127.0.0.1', port });
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

  it('lists episodes, shows warnings and the cost, edits and approves a draft, and plays the published episode', async () => {
    const created = await h.server.inject({
      method: 'POST',
      url: '/api/shows/morning/episodes',
      headers: h.auth(h.keys.admin),
      payload: { draft: true, targetMinutes: 0.5, articles: [{ title: 'Ferry timetable changes', text: 'The island ferry runs every hour from Monday, the operator said. Evening sailings move to half past the hour. Fares stay the same.' }] },
    });
    const id = created.json().episode.id as string;
    await waitForEpisode(h.server, h.auth(h.keys.admin), `/api/shows/morning/episodes/${id}`, (episode) => episode.status === 'draft');
    // Other stages (ear check, voices) add warnings to the record; the page shows what the record holds.
    await new EpisodeStore(h.app.ctx.work).updateEpisode('morning', id, (record) => ({ ...record, warnings: [{ code: 'ear-check', message: 'sentence 2 is hard to follow by ear' }] }) as EpisodeRecord);

    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
    await page.goto(`${base}/studio`);
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
    const icon = await fetch(`${base}/favicon.svg`);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg /);

    await page.fill('#key', h.keys.morning);
    await page.click('#load-shows');
    const row = page.locator(`#row-${id}`);
    await row.waitFor();
    expect(await row.locator('.status').textContent()).toBe('draft');
    expect(await row.textContent()).toContain('1 warning');
    await row.locator('button').click();
    await page.locator('#detail-status', { hasText: /^draft$/ }).waitFor();
    expect(await page.textContent('#warnings')).toBe('sentence 2 is hard to follow by ear');
    await page.locator('#cost', { hasText: /characters to synthesise/ }).waitFor();
    expect(await page.textContent('#cost')).toMatch(/^\d+ characters to synthesise in \d+ segments \(0 cached\)/);

    const script = await page.inputValue('#script');
    expect(script).toContain('ferry');
    await page.fill('#script', script.replace('Fares stay the same.', 'Fares stay the same until March.'));
    await page.click('#save-script');
    await page.locator('#detail-message', { hasText: 'Script saved.' }).waitFor();
    const stored = await h.server.inject({ method: 'GET', url: `/api/shows/morning/episodes/${id}/script?format=text`, headers: h.auth(h.keys.admin) });
    expect(stored.body).toContain('Fares stay the same until March.');

    await page.click('#approve');
    await page.locator('#detail-status', { hasText: /^(published|failed)$/ }).waitFor({ timeout: 90_000 });
    expect(await page.textContent('#detail-error')).toBe('');
    expect(await page.textContent('#detail-status')).toBe('published');
    await page.locator('#player-box').waitFor({ state: 'visible' });
    await page.click('#play');
    await page.locator('#player-state', { hasText: /^played \d/ }).waitFor({ timeout: 30_000 });
    expect(await row.locator('.status').textContent()).toBe('published');
    expect(problems).toEqual([]);
  }, 150_000);
});
