import type { EpisodeRunner, SubmitEpisodeRequest } from '../../../src/pipeline/episode-runner.js';
import type { ShowConfig } from '../../../src/config/show-config.js';
import { showConfigSchema } from '../../../src/config/show-config.js';
import type { Article } from '../../../src/core/types.js';
import { contentHash } from '../../../src/core/hash.js';

/** A test show; `provider` picks the TTS provider (a test-hook name or eSpeak NG itself). */
export function testShow(id: string, provider = 'espeak'): ShowConfig {
  return showConfigSchema.parse({
    id,
    title: 'Distributed Test Show',
    description: 'Episodes built by worker processes in tests.',
    author: 'Briefcast tests',
    voice: { provider, name: 'en-us' },
    targetMinutes: 0.5,
    pauses: { segmentMs: 200, storyMs: 300 },
  });
}

/** A short cleaned article: one or two sentences keep synthesis and encoding quick. */
export function testArticle(topic: string, sentences = 2): Article {
  const lines = [
    `The ${topic} committee met on Tuesday and agreed a new plan for the coming year.`,
    `Members said the ${topic} plan would be reviewed again in the spring after a public consultation.`,
    `Local residents welcomed the ${topic} decision but asked for clearer timelines.`,
  ].slice(0, sentences);
  const text = lines.join(' ');
  return { id: contentHash(text, 16), title: `${topic[0]!.toUpperCase()}${topic.slice(1)} committee agrees plan`, text, source: `test:${topic}`, siteName: 'Test Gazette' };
}

/** Item GUIDs and enclosure URLs of an RSS feed, read with plain regular expressions (the feed format is tested elsewhere). */
export function feedItems(xml: string): Array<{ guid: string; enclosure: string }> {
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((match) => ({
    guid: /<guid[^>]*>([^<]+)<\/guid>/.exec(match[1]!)?.[1] ?? '',
    enclosure: (/<enclosure[^>]*url="([^"]+)"/.exec(match[1]!)?.[1] ?? '').replace(/&amp;/g, '&'),
  }));
}

/** Submits through the runner and returns the episode's ref with what submit said: the shape these tests read. */
export async function enqueue(runner: EpisodeRunner, request: SubmitEpisodeRequest) {
  const { record, created } = await runner.submit(request);
  return { showId: request.show.id, episodeId: record.id, added: created, record };
}
