import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showConfigSchema } from '../../src/config/show-config.js';
import type { EpisodeRecord } from '../../src/core/episode.js';
import { findFfmpeg } from '../../src/audio/ffmpeg-binaries.js';
import { createEpisode } from '../../src/pipeline/build-now.js';
import { assertRecogniserInstalled, transcribe, wordErrorRate } from '../../scripts/lib/speech-check.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const execFileAsync = promisify(execFile);

/**
 * The bridge story is long enough to carry most of the episode's words, so silencing it must break the check.
 * Listens to a built episode: pocketsphinx (installed by .ci/run, like Festival and its HTS voice) transcribes
 * the published MP3 and the transcript must match the script. Silent, truncated, wrong-language or
 * mis-stitched audio fails this where a loudness check passes. Nothing here skips: a missing engine fails.
 */
const articles: Record<string, string> = {
  'bridge.txt': `Council approves new footbridge over the river

The city council approved a new footbridge over the river on Tuesday evening. Work on the bridge starts in the spring and should take about two years. The council said the bridge will cost twelve million pounds, paid for by the regional transport fund. Local traders welcomed the decision and said the crossing would bring more visitors to the old market.

The new bridge will link the railway station with the north bank, where most of the new homes in the city have been built over the last ten years. At the moment people walk for twenty minutes to reach the nearest crossing, and many of them drive instead. The council expects about four thousand people to use the bridge every day once it opens.

The design was chosen after a public vote last summer. It has a wide deck for people on foot and a separate lane for bicycles, with benches and lights along the whole length. The engineers said the bridge will be tall enough for river boats to pass under it at high water.

Some residents of the south bank asked for more parking near the new crossing. The council said it would study the request but that the aim of the project is to help people leave their cars at home.`,
  'library.txt': `Village library reopens after long repairs

The village library reopened on Saturday morning after repairs to its roof and windows that lasted most of the year. Volunteers carried the books back onto the shelves over three weekends. The library will now open every day except Sunday, and children from the primary school will visit each week for a reading hour.`,
};

let app: TestApp;
let record: EpisodeRecord;
let audioPath: string;
let script: string;

beforeAll(async () => {
  await assertRecogniserInstalled();
  app = await createTestApp();
  const dir = join(app.root, 'articles');
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(articles)) await writeFile(join(dir, name), text);
  // A new show: `auto`, which on a machine set up by .ci/run is Festival with the HTS voice.
  const show = showConfigSchema.parse({ id: 'listen', title: 'Listening Test', description: 'd', author: 'a', language: 'en', targetMinutes: 1.5 });
  record = await createEpisode(app.ctx, { show, sources: [dir], date: new Date('2026-12-01T06:00:00Z'), episodeId: 'ep-listen' });
  audioPath = join(app.publishDir, ...record.audio!.key.split('/'));
  script = record.segments.map((segment) => segment.text).join('\n');
}, 600_000);
afterAll(() => app?.dispose());

describe('an episode read by Festival HTS says its script', () => {
  it('recorded the auto pick once and every segment used it', () => {
    expect(record.voicePick?.anchor).toMatchObject({ provider: 'festival', voice: 'cmu_us_slt_arctic_hts' });
    expect(record.segments.length).toBeGreaterThan(3);
    expect(new Set(record.segments.map((segment) => `${segment.provider}/${segment.voice}`))).toEqual(new Set(['festival/cmu_us_slt_arctic_hts']));
  });

  it('is understood by an offline recogniser: word error rate at most 0.45', async () => {
    const wer = wordErrorRate(script, await transcribe(audioPath));
    expect(wer).toBeLessThanOrEqual(0.45);
  }, 300_000);

  it('fails the same check when one story is replaced by silence', async () => {
    const story = record.segments.filter((segment) => segment.kind === 'story').sort((a, b) => b.durationSeconds - a.durationSeconds)[0]!;
    const silenced = join(app.root, 'silenced.wav');
    const from = story.startSeconds.toFixed(3);
    const to = (story.startSeconds + story.durationSeconds).toFixed(3);
    await execFileAsync(findFfmpeg({ pathDirs: process.env.PATH }).ffmpeg, ['-v', 'error', '-y', '-i', audioPath, '-af', `volume=enable='between(t,${from},${to})':volume=0`, silenced]);
    const wer = wordErrorRate(script, await transcribe(silenced));
    expect(wer).toBeGreaterThan(0.45);
  }, 300_000);
});
