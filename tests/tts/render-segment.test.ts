import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { showConfigSchema, type ShowConfigInput } from '../../src/config/show-config.js';
import { isBriefcastError } from '../../src/core/errors.js';
import type { ScriptSegment } from '../../src/core/types.js';
import { segmentRequest } from '../../src/pipeline/episode-steps.js';
import { readPieceInfo, renderSegment, segmentCacheKey, type SegmentRenderRequest } from '../../src/pipeline/render-segment.js';
import { jsonOf } from './support/loopback.js';
import { startVendors, vendorRegistry, type VendorStandIns } from './support/providers.js';
import { createTestContext, recordingRetryPolicy } from './support/test-context.js';

let vendors: VendorStandIns;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  vendors = await startVendors();
});
afterEach(async () => {
  vendors.openai.faults.always(undefined);
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
afterAll(() => vendors.close());

async function context(openaiModel?: string) {
  const providers = vendorRegistry(vendors, recordingRetryPolicy(2), openaiModel);
  const { ctx, cleanup } = await createTestContext(providers);
  cleanups.push(async () => {
    await providers.closeAll();
    await cleanup();
  });
  return ctx;
}

function show(extra: Partial<ShowConfigInput> = {}) {
  return showConfigSchema.parse({ id: 'morning', title: 'Morning Brief', description: 'News.', author: 'Briefcast', ...extra });
}

const story: ScriptSegment = {
  id: 'story-defence',
  kind: 'story',
  title: 'Defence minister replaced',
  text: 'Defence minister replaced. Shoigu left the ministry on 2024-05-12. "We will continue the work that was started," his successor said.',
};
const lexicon = { Shoigu: { ipa: 'ʃɐjˈɡu', say: 'Shoy-goo' } };

describe('SSML and the lexicon, from the same script', () => {
  it('sends SSML with phonemes to Polly and respelled plain text to OpenAI', async () => {
    const ctx = await context();
    const pollyBefore = vendors.polly.requests.length;
    const openaiBefore = vendors.openai.requests.length;
    const base = { text: story.text, kind: story.kind, lexicon, speed: 1 } as const;
    await renderSegment(ctx, { ...base, provider: 'polly', voice: 'Joanna' });
    await renderSegment(ctx, { ...base, provider: 'openai', voice: 'alloy' });

    const polly = vendors.polly.requests.slice(pollyBefore).map(jsonOf);
    expect(polly).toHaveLength(1);
    expect(polly[0]!.TextType).toBe('ssml');
    const ssml = String(polly[0]!.Text);
    expect(ssml).toMatch(/^<speak>.*<\/speak>$/);
    expect(ssml).toContain('<phoneme alphabet="ipa" ph="ʃɐjˈɡu">Shoigu</phoneme>');
    expect(ssml).toContain('<say-as interpret-as="date" format="ymd">2024-05-12</say-as>');
    // Neural voices reject <emphasis>: the headline is set apart by a pause instead.
    expect(ssml).not.toContain('<emphasis');
    expect(ssml).toMatch(/<s>Defence minister replaced\.<break time="\d+ms"\/><\/s>/);

    const openai = vendors.openai.requests.slice(openaiBefore).map(jsonOf);
    expect(openai).toHaveLength(1);
    expect(openai[0]!.input).toBe(story.text.replace('Shoigu', 'Shoy-goo'));
    expect(String(openai[0]!.input)).not.toContain('<');
  });
});

describe('fallback chain', () => {
  it('has the next voice speak the segment when the primary provider is down after its retries, and says who spoke', async () => {
    const ctx = await context();
    vendors.openai.faults.always({ status: 503, body: { error: { message: 'Service Unavailable', type: 'server_error', param: null, code: null } } });
    const before = vendors.openai.requests.length;
    const request: SegmentRenderRequest = {
      text: 'Good morning.',
      provider: 'openai',
      voice: 'alloy',
      speed: 1,
      fallback: [{ provider: 'espeak', voice: 'en-gb', speed: 1 }],
    };
    const rendered = await renderSegment(ctx, request);
    expect(vendors.openai.requests.length - before).toBe(3);
    expect(rendered).toMatchObject({ provider: 'espeak', voice: 'en-gb', cached: false });
    expect(await readPieceInfo(ctx, rendered.cacheKey)).not.toBeNull();
    // The primary's own key stays empty, so the real voice is used again once the vendor is back.
    expect(rendered.cacheKey).not.toBe(await segmentCacheKey(ctx, request));
  });

  it('does not hide an unknown voice behind the fallback', async () => {
    const ctx = await context();
    const error = await renderSegment(ctx, { text: 'Hello.', provider: 'openai', voice: 'nobody', speed: 1, fallback: [{ provider: 'espeak', voice: 'en-us', speed: 1 }] }).catch((e: unknown) => e);
    expect(isBriefcastError(error, 'VOICE_UNKNOWN')).toBe(true);
  });
});

describe('multi-voice shows', () => {
  it('has the anchor read the intro, a story voice the story and the quotes voice the quotation', async () => {
    const ctx = await context();
    const cast = show({
      voices: {
        anchor: { provider: 'openai', name: 'alloy' },
        stories: [{ provider: 'openai', name: 'onyx' }],
        quotes: { provider: 'openai', name: 'nova' },
      },
    });
    const before = vendors.openai.requests.length;
    const intro = await renderSegment(ctx, segmentRequest(cast, { id: 'intro', kind: 'intro', text: 'This is Morning Brief.' }));
    const told = await renderSegment(ctx, segmentRequest(cast, story));
    expect(intro).toMatchObject({ provider: 'openai', voice: 'alloy' });
    expect(told).toMatchObject({ provider: 'openai', voice: 'onyx' });
    const sent = vendors.openai.requests.slice(before).map(jsonOf).map((body) => [body.voice, body.input]);
    expect(sent).toEqual([
      ['alloy', 'This is Morning Brief.'],
      ['onyx', 'Defence minister replaced. Shoigu left the ministry on 2024-05-12.'],
      ['nova', '"We will continue the work that was started,"'],
      ['onyx', 'his successor said.'],
    ]);
  });

  it('keeps existing single-voice shows that name eSpeak NG as they were', () => {
    const plain = show({ voice: { provider: 'espeak' } });
    expect(segmentRequest(plain, story)).toMatchObject({ provider: 'espeak', voice: 'en-us', speed: 1 });
    expect(segmentRequest(plain, { ...story, voice: 'en-gb' }).voice).toBe('en-gb');
  });
});

describe('segment cache key', () => {
  const base: SegmentRenderRequest = { text: 'Markets rose today.', provider: 'openai', voice: 'alloy', speed: 1, model: 'tts-1', kind: 'story' };

  it('changes with provider, model, voice, speed, options, text and lexicon words in the text, and with nothing else', async () => {
    const ctx = await context();
    const key = await segmentCacheKey(ctx, base);
    const changed: SegmentRenderRequest[] = [
      { ...base, provider: 'polly', voice: 'Joanna', model: undefined },
      { ...base, model: 'tts-1-hd' },
      { ...base, voice: 'onyx' },
      { ...base, speed: 1.1 },
      { ...base, options: { instructions: 'Warm.' } },
      { ...base, text: 'Markets fell today.' },
      { ...base, lexicon: { Markets: { say: 'Mar-kets' } } },
    ];
    for (const variant of changed) expect(await segmentCacheKey(ctx, variant), JSON.stringify(variant)).not.toBe(key);
    const unchanged: SegmentRenderRequest[] = [
      { ...base, fallback: [{ provider: 'espeak', voice: 'en-us', speed: 1 }] },
      { ...base, lexicon: { Shoigu: { say: 'Shoy-goo' } } },
      { ...base, quotes: { provider: 'openai', voice: 'nova', speed: 1 } },
      { ...base, language: 'en-GB' },
    ];
    for (const variant of unchanged) expect(await segmentCacheKey(ctx, variant), JSON.stringify(variant)).toBe(key);
    // The provider's default model is part of its engine id.
    const other = await context('tts-1-hd');
    expect(await segmentCacheKey(other, { ...base, model: undefined })).not.toBe(await segmentCacheKey(ctx, { ...base, model: undefined }));
  });

  it('re-synthesises after a change and not otherwise', async () => {
    const ctx = await context();
    const before = vendors.openai.requests.length;
    expect((await renderSegment(ctx, base)).cached).toBe(false);
    expect((await renderSegment(ctx, { ...base, fallback: [{ provider: 'espeak', voice: 'en-us', speed: 1 }] })).cached).toBe(true);
    expect(vendors.openai.requests.length - before).toBe(1);
    expect((await renderSegment(ctx, { ...base, model: 'tts-1-hd' })).cached).toBe(false);
    expect(jsonOf(vendors.openai.requests.at(-1)!).model).toBe('tts-1-hd');
    expect(vendors.openai.requests.length - before).toBe(2);
  });
});
