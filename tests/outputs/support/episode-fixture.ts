import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config/env.js';
import { parseShowConfig } from '../../../src/config/load-show.js';
import type { ShowConfig, ShowConfigInput } from '../../../src/config/show-config.js';
import { silentLogger } from '../../../src/core/logger.js';
import type { EpisodeRecord } from '../../../src/core/episode.js';
import type { Article } from '../../../src/core/types.js';
import { buildFromArticles } from '../../../src/pipeline/build-now.js';
import { run } from './media-tools.js';

/**
 * A real episode for the output tests: real eSpeak NG speech, real ffmpeg,
 * local storage in a temporary folder. Titles are hostile on purpose (markup
 * characters, a CDATA terminator, emoji, right-to-left script) and two short
 * articles keep it quick on a shared two-core machine.
 */
export const hostileShowTitle = 'Briefing & <News> ]]> 🎧 חדשות';

export const articles: Article[] = [
  {
    id: 'rail-fares',
    title: 'Rail fares cut & "peak" tickets scrapped <for now> ]]> 🚆',
    text: 'Rail fares on regional lines will fall next month, the transport authority said on Monday. Peak tickets are scrapped until the spring. Passenger groups welcomed the change.',
    source: 'https://news.example.com/rail?id=1&src=feed',
    url: 'https://news.example.com/rail?id=1&src=feed',
    siteName: 'Courier & Post',
  },
  {
    id: 'storm-bella',
    title: 'Storm Bella brings heavy rain to the north',
    text: 'Forecasters issued an amber warning for heavy rain across northern regions on Wednesday. Several ferry crossings were cancelled. Drivers were urged to take care.',
    source: 'https://weather.example.org/storm-bella',
    url: 'https://weather.example.org/storm-bella',
    siteName: 'הדסק Weather Desk',
  },
];

export interface EpisodeFixture {
  app: App;
  root: string;
  publishDir: string;
  show: ShowConfig;
  record: EpisodeRecord;
  clock: Clock;
  /** Local path of a published object. */
  published(key: string): string;
  dispose(): Promise<void>;
}

export async function makeArtwork(path: string, size: string, color = 'blue'): Promise<string> {
  await run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `color=c=${color}:s=${size}`, '-frames:v', '1', path]);
  return path;
}

/** The fixture's clock: tests move it forward to make later episodes. */
export interface Clock {
  now: Date;
}

export async function createFixtureApp(clock: Clock = { now: new Date('2026-11-28T09:00:00Z') }): Promise<{ app: App; root: string; publishDir: string }> {
  const root = await mkdtemp(join(tmpdir(), 'briefcast-outputs-'));
  const publishDir = join(root, 'published');
  const config = loadConfig({
    BRIEFCAST_DATA_DIR: join(root, 'data'),
    BRIEFCAST_PUBLISH_DIR: publishDir,
    BRIEFCAST_PUBLIC_URL: 'https://cdn.example.com/podcasts/',
    BRIEFCAST_CONCURRENCY: '2',
  });
  return { app: createApp(config, { logger: silentLogger(), now: () => clock.now }), root, publishDir };
}

export function fixtureShow(root: string, overrides: Partial<ShowConfigInput> = {}): ShowConfig {
  return parseShowConfig({
    id: 'outputs-test',
    title: hostileShowTitle,
    description: 'Two stories & a <test> of every output.',
    author: 'Briefcast Tests',
    category: 'News',
    subcategory: 'Daily News',
    owner: { name: 'Briefcast Tests', email: 'owner@example.com' },
    artwork: join(root, 'artwork.png'),
    voice: { provider: 'espeak', name: 'en-us', displayName: 'Nova <Reader> & Co' },
    persons: [{ name: 'Ada Producer', role: 'producer', href: 'https://example.com/ada' }],
    // Pauses longer than eSpeak's pauses between sentences, so boundaries can be found by silence detection.
    pauses: { segmentMs: 700, storyMs: 1200 },
    ...overrides,
  });
}

export async function buildEpisodeFixture(overrides: Partial<ShowConfigInput> = {}): Promise<EpisodeFixture> {
  const clock: Clock = { now: new Date('2026-11-28T09:00:00Z') };
  const { app, root, publishDir } = await createFixtureApp(clock);
  await makeArtwork(join(root, 'artwork.png'), '1400x1400');
  const show = fixtureShow(root, overrides);
  const record = await buildFromArticles(app.ctx, show, articles, { date: new Date('2026-11-28T12:00:00Z'), episodeId: 'ep1' });
  return {
    app,
    root,
    publishDir,
    show,
    record,
    clock,
    published: (key) => join(publishDir, ...key.split('/')),
    async dispose() {
      await app.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
