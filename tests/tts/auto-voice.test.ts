import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { showConfigSchema, type ShowConfigInput } from '../../src/config/show-config.js';
import { registerDefaultProviders } from '../../src/app.js';
import { segmentRequest } from '../../src/pipeline/episode-steps.js';
import { ProviderRegistry } from '../../src/tts/provider-registry.js';
import { createEspeakProvider } from '../../src/tts/providers/espeak.js';
import { applyVoicePick, resolveVoicePick, surveyEngines } from '../../src/tts/auto-voice.js';
import { formatPick } from '../../src/tts/voice-report.js';
import { VOICE_RANKING } from '../../src/tts/voice-ranking.js';
import { segmentCacheKey } from '../../src/pipeline/render-segment.js';
import { createTestContext } from './support/test-context.js';

function show(extra: Partial<ShowConfigInput> = {}) {
  return showConfigSchema.parse({ id: 'auto', title: 'Auto Brief', description: 'News.', author: 'Briefcast', ...extra });
}

/** The providers the app registers, as on a machine with what .ci/run installs (festival, flite, espeak-ng). */
function installedRegistry(): ProviderRegistry {
  return registerDefaultProviders(new ProviderRegistry(), loadConfig({}));
}

describe('the auto voice', () => {
  it('is the default for a new show; a show that names eSpeak NG keeps it', () => {
    expect(show().voice.provider).toBe('auto');
    expect(show({ voice: { provider: 'espeak', name: 'en-gb' } }).voice).toMatchObject({ provider: 'espeak', name: 'en-gb' });
  });

  it('ranks by the measured word error rates, and ends with the bundled eSpeak NG build that always works', () => {
    // eSpeak NG's two builds close the list whatever their figures: the CLI first (faster), the WASM build that always works last.
    // A row placed above a lower figure must say why.
    const measured = VOICE_RANKING.filter((row) => row.provider !== 'espeak' && !row.placement).map((row) => row.wer!);
    expect(measured).toEqual([...measured].sort((a, b) => a - b));
    expect(Math.max(...measured)).toBeLessThan(Math.min(...VOICE_RANKING.filter((row) => row.provider === 'espeak').map((row) => row.wer!)));
    expect(VOICE_RANKING.at(-1)).toMatchObject({ provider: 'espeak', engine: 'espeak-ng-wasm', languages: ['*'] });
  });

  it('picks Festival HTS for English on this machine, and eSpeak NG for a language the others lack', async () => {
    const providers = installedRegistry();
    const english = await resolveVoicePick(providers, show());
    expect(english?.anchor).toMatchObject({ provider: 'festival', voice: 'cmu_us_slt_arctic_hts' });
    expect(english?.reason).toMatch(/Festival HTS.*word error rate 0\.\d+/);
    const german = await resolveVoicePick(providers, show({ language: 'de' }));
    expect(german?.anchor).toMatchObject({ provider: 'espeak', voice: 'de' });
    expect(german?.reason).toMatch(/Festival HTS, US English female: does not speak de/);
    await providers.closeAll();
  });

  it('gives a cast distinct engines in rank order, and the episode request uses them', async () => {
    const providers = installedRegistry();
    const cast = show({ voices: { quotes: { provider: 'auto', name: 'auto' } } });
    const pick = (await resolveVoicePick(providers, cast))!;
    expect(pick.anchor.provider).toBe('festival');
    expect(pick.quotes).toMatchObject({ provider: 'flite', voice: 'rms' });
    const request = segmentRequest(cast, { id: 'story-1', kind: 'story', text: 'A story.' }, pick);
    expect(request).toMatchObject({ provider: 'festival', voice: 'cmu_us_slt_arctic_hts', quotes: { provider: 'flite', voice: 'rms' } });
    // Roles that name a provider keep it.
    const mixed = applyVoicePick(show({ voices: { anchor: { provider: 'espeak', name: 'en-gb' } } }), pick);
    expect(mixed.voices?.anchor).toMatchObject({ provider: 'espeak', name: 'en-gb' });
    await providers.closeAll();
  });

  it('gives a second host the next engine, and keys the cache on the engine actually chosen', async () => {
    const providers = installedRegistry();
    const duo = show({ script: { writer: 'llm', hosts: [{ name: 'Ann', voice: 'ann' }, { name: 'Bo', voice: 'bo' }] } });
    const pick = (await resolveVoicePick(providers, duo))!;
    expect(pick.hosts).toMatchObject({ ann: { provider: 'festival' }, bo: { provider: 'flite', voice: 'rms' } });
    const line = { id: 'story-1', kind: 'story' as const, text: 'A story.' };
    expect(segmentRequest(duo, { ...line, voice: 'bo' }, pick)).toMatchObject({ provider: 'flite', voice: 'rms' });
    // The third speaker skips flite slt (the HTS voice's own speaker) for kal16.
    const trio = (await resolveVoicePick(providers, show({ voices: { quotes: { provider: 'auto', name: 'auto' } }, script: { writer: 'llm', hosts: [{ name: 'Ann', voice: 'ann' }, { name: 'Bo', voice: 'bo' }] } })))!;
    expect(trio.hosts?.['bo']).toMatchObject({ provider: 'flite', voice: 'kal16' });
    const { ctx, cleanup } = await createTestContext(providers);
    try {
      const festivalKey = await segmentCacheKey(ctx, segmentRequest(duo, { ...line, voice: 'ann' }, pick));
      const fliteKey = await segmentCacheKey(ctx, segmentRequest(duo, { ...line, voice: 'bo' }, pick));
      const espeakPick = { ...pick, anchor: { provider: 'espeak', voice: 'en-us', engine: 'espeak-ng', label: 'eSpeak NG' } };
      const espeakKey = await segmentCacheKey(ctx, segmentRequest(show(), line, espeakPick));
      expect(new Set([festivalKey, fliteKey, espeakKey]).size).toBe(3);
    } finally {
      await providers.closeAll();
      await cleanup();
    }
  });

  it('tells an en-GB show which voice it gets', async () => {
    const providers = installedRegistry();
    const british = show({ language: 'en-GB' });
    const lines = formatPick(british, await resolveVoicePick(providers, british));
    expect(lines.join('\n')).toMatch(/this en-GB show is read by Festival HTS, US English female/);
    await providers.closeAll();
  });

  it('skips engines this machine lacks, and falls to eSpeak NG with the apt line for a better voice', async () => {
    const providers = new ProviderRegistry()
      .register('festival', () => Promise.reject(new Error('festival not found')))
      .register('flite', () => Promise.reject(new Error('flite not found')))
      .register('espeak', () => createEspeakProvider({ engine: 'wasm', threads: 1 }));
    const rows = await surveyEngines(providers, 'en');
    expect(rows.filter((row) => row.choice).map((row) => row.choice!.engine)).toEqual([expect.stringMatching(/^espeak-ng-wasm@/)]);
    const pick = await resolveVoicePick(providers, show());
    expect(pick?.anchor).toMatchObject({ provider: 'espeak', voice: 'en-us' });
    expect(formatPick(show(), pick).join('\n')).toContain('apt-get install festival festvox-us-slt-hts');
    await providers.closeAll();
  });

  it('refuses to build a request for an auto show without the episode pick (no silent mixing)', () => {
    expect(() => segmentRequest(show(), { id: 'intro', kind: 'intro', text: 'Hello.' })).toThrow(/no voice pick/);
  });
});
