import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showConfigSchema } from '../../src/config/show-config.js';
import type { ScriptDocument } from '../../src/core/types.js';
import { segmentRequest } from '../../src/pipeline/episode-steps.js';
import { renderSegment } from '../../src/pipeline/render-segment.js';
import { estimateEpisodeCost } from '../../src/pipeline/estimate-cost.js';
import { startVendors, vendorRegistry, type VendorStandIns } from './support/providers.js';
import { createTestContext, recordingRetryPolicy } from './support/test-context.js';

let vendors: VendorStandIns;
beforeAll(async () => {
  vendors = await startVendors();
});
afterAll(() => vendors.close());

const show = showConfigSchema.parse({
  id: 'cost',
  title: 'Cost Brief',
  description: 'News.',
  author: 'Briefcast',
  voices: { anchor: { provider: 'polly', name: 'Joanna' }, stories: [{ provider: 'openai', name: 'onyx', model: 'tts-1' }] },
  pronunciations: { NATO: { say: 'Nay-toe' } },
});

const script: ScriptDocument = {
  version: 1,
  showTitle: 'Cost Brief',
  date: '2025-03-04',
  language: 'en',
  writer: 'test',
  segments: [
    { id: 'intro', kind: 'intro', text: 'This is Cost Brief.' },
    { id: 'story-a', kind: 'story', text: 'NATO leaders met. They agreed.' },
    { id: 'outro', kind: 'outro', text: 'Thanks for listening.' },
  ],
};

describe('estimateEpisodeCost', () => {
  it('counts billed characters per provider at published prices, less what the cache holds', async () => {
    const providers = vendorRegistry(vendors, recordingRetryPolicy());
    const { ctx, cleanup } = await createTestContext(providers);
    try {
      const pollyChars = 'This is Cost Brief.'.length + 'Thanks for listening.'.length;
      const openaiChars = 'Nay-toe leaders met. They agreed.'.length;
      const first = await estimateEpisodeCost(ctx, show, script);
      expect(first.providers).toEqual([
        expect.objectContaining({ provider: 'polly', model: 'neural', segments: 2, characters: pollyChars, requests: 2, cachedSegments: 0, pricePerMillionCharacters: 16 }),
        // The stand-in sits at its own base URL, like a self-hosted server: no published price.
        expect.objectContaining({ provider: 'openai', model: 'tts-1', segments: 1, characters: openaiChars, requests: 1, cachedSegments: 0, pricePerMillionCharacters: undefined }),
      ]);
      expect(first.characters).toBe(pollyChars + openaiChars);
      expect(first.providers[0]!.estimatedCostUsd).toBeCloseTo((pollyChars * 16) / 1e6, 4);
      expect(first.estimatedCostUsd).toBe(first.providers[0]!.estimatedCostUsd);
      expect(first.unpricedProviders).toEqual(['openai']);
      // Nothing was sent while estimating.
      expect(vendors.openai.requests).toHaveLength(0);
      expect(vendors.polly.requests).toHaveLength(0);

      await renderSegment(ctx, segmentRequest(show, script.segments[0]!));
      const second = await estimateEpisodeCost(ctx, show, script);
      expect(second.cachedSegments).toBe(1);
      expect(second.providers[0]).toMatchObject({ provider: 'polly', segments: 1, characters: 'Thanks for listening.'.length, cachedSegments: 1, cachedCharacters: 'This is Cost Brief.'.length });
      expect(second.characters).toBe(first.characters - 'This is Cost Brief.'.length);
    } finally {
      await providers.closeAll();
      await cleanup();
    }
  });
});
