import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseShowConfig } from '../../src/config/load-show.js';
import type { EpisodeRecord } from '../../src/core/episode.js';
import { createEpisode } from '../../src/pipeline/build-now.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { ffprobeJson, measureWithEbur128 } from '../support/media.js';

const run = promisify(execFile);
const fixtures = new URL('../fixtures/pipeline/', import.meta.url).pathname;

describe('intro and outro music', () => {
  let app: TestApp;
  let record: EpisodeRecord;
  let audioPath: string;

  beforeAll(async () => {
    app = await createTestApp();
    // Real audio files made by ffmpeg: a 3 s chord as the intro, a 2 s tone as the outro, both quiet and stereo at 48 kHz.
    const intro = join(app.root, 'intro.wav');
    const outro = join(app.root, 'outro.mp3');
    await run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=f=440:d=3,volume=0.1', '-f', 'lavfi', '-i', 'sine=f=660:d=3,volume=0.1', '-filter_complex', 'amix=inputs=2', '-ar', '48000', '-ac', '2', intro]);
    await run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=f=330:d=2,volume=0.05', '-ar', '48000', outro]);
    const show = parseShowConfig({
      id: 'music-show',
      title: 'Music Show',
      description: 'With music',
      author: 'Tests',
      targetMinutes: 0.7,
      music: { intro, outro },
    });
    record = await createEpisode(app.ctx, { show, sources: [join(fixtures, 'harbour.md')], date: new Date('2026-11-28T12:00:00Z') });
    audioPath = join(app.publishDir, ...record.audio!.key.split('/'));
  });
  afterAll(() => app?.dispose());

  it('plays the intro music before the first words and the outro music after the last', async () => {
    const first = record.segments[0]!;
    const last = record.segments.at(-1)!;
    // Music pieces are whole MP3 frames, so the intro starts speech just after 3 s.
    expect(first.startSeconds).toBeGreaterThanOrEqual(3);
    expect(first.startSeconds).toBeLessThan(3.2);
    const afterSpeech = record.audio!.durationSeconds - (last.startSeconds + last.durationSeconds);
    expect(afterSpeech).toBeGreaterThanOrEqual(2);
    expect(afterSpeech).toBeLessThan(2.2);
  });

  it('keeps the chapters on the story headlines and the loudness on target', async () => {
    const probe = await ffprobeJson(audioPath);
    const story = record.segments.find((s) => s.kind === 'story')!;
    const chapter = probe.chapters.find((c) => c.tags?.title === story.title)!;
    expect(Number(chapter.start_time)).toBeCloseTo(story.startSeconds, 2);
    const loudness = await measureWithEbur128(audioPath);
    expect(Math.abs(loudness.integrated + 16)).toBeLessThanOrEqual(1);
    expect(loudness.truePeak).toBeLessThanOrEqual(-1);
  });

  it('plays the music at the speech target plus gainDb', async () => {
    const quieter = parseShowConfig({
      id: 'music-show-quiet',
      title: 'Music Show',
      description: 'With quieter music',
      author: 'Tests',
      targetMinutes: 0.7,
      music: { intro: join(app.root, 'intro.wav'), gainDb: -10 },
    });
    const second = await createEpisode(app.ctx, { show: quieter, sources: [join(fixtures, 'harbour.md')], date: new Date('2026-11-28T12:00:00Z') });
    // The first whole seconds of each file are the intro music alone (speech starts just after 3 s).
    const introLevel = async (key: string) => {
      const clip = join(app.root, `${key.split('/').pop()}-intro.wav`);
      await run('ffmpeg', ['-v', 'error', '-y', '-i', join(app.publishDir, ...key.split('/')), '-t', '2.9', clip]);
      return (await measureWithEbur128(clip)).integrated;
    };
    const [atZero, atMinusTen] = [await introLevel(record.audio!.key), await introLevel(second.audio!.key)];
    expect(Math.abs(atZero - -16)).toBeLessThanOrEqual(1);
    expect(Math.abs(atMinusTen - -26)).toBeLessThanOrEqual(1);
  });
});
