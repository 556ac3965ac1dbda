import type { ScriptDocument } from '../core/types.js';
import type { ShowConfig } from '../config/show-config.js';
import type { PipelineContext } from './context.js';
import { segmentRequest } from './episode-steps.js';
import { planCacheKey, planRequest, readPieceInfo } from './render-segment.js';
import { limitsOf } from '../tts/synthesize-text.js';
import { resolveVoicePick } from '../tts/auto-voice.js';
import type { EpisodeVoicePick } from '../core/episode.js';

/**
 * What a run would cost before it starts: the characters each provider would
 * be sent, less what the segment cache already holds, priced at the vendor's
 * published rate. Fallback voices are not counted: they only speak on failure.
 */
export interface ProviderCostEstimate {
  provider: string;
  /** The model or engine as sent (the provider's default when the show names none). */
  model?: string;
  /** Segments (or quotation runs) this provider would synthesise. */
  segments: number;
  /** Billed characters still to synthesise: words only, SSML markup excluded. */
  characters: number;
  /** Requests those characters take, after chunking under the provider's limit. */
  requests: number;
  cachedSegments: number;
  /** Characters the cache saves on this run. */
  cachedCharacters: number;
  /** US$ per million characters; undefined when the vendor publishes none (e.g. a self-hosted server). */
  pricePerMillionCharacters?: number;
  estimatedCostUsd?: number;
}

export interface EpisodeCostEstimate {
  showId: string;
  segments: number;
  cachedSegments: number;
  characters: number;
  cachedCharacters: number;
  /** Sum over providers with a published price. */
  estimatedCostUsd: number;
  /** Providers that will be sent text but have no published price. */
  unpricedProviders: string[];
  providers: ProviderCostEstimate[];
}

export async function estimateEpisodeCost(ctx: PipelineContext, show: ShowConfig, script: ScriptDocument, pick?: EpisodeVoicePick): Promise<EpisodeCostEstimate> {
  // Under `auto`, the engines this machine would pick now (an episode's recorded pick when the caller has one).
  const voicePick = pick ?? (await resolveVoicePick(ctx.providers, show));
  const rows = new Map<string, ProviderCostEstimate>();
  const row = (provider: string, model: string | undefined, price: number | undefined): ProviderCostEstimate => {
    const key = `${provider}\u0000${model ?? ''}`;
    let entry = rows.get(key);
    if (!entry) {
      entry = { provider, model, segments: 0, characters: 0, requests: 0, cachedSegments: 0, cachedCharacters: 0, pricePerMillionCharacters: price };
      rows.set(key, entry);
    }
    return entry;
  };
  let cachedSegments = 0;
  for (const segment of script.segments) {
    if (!segment.text.trim()) continue;
    const request = segmentRequest(show, segment, voicePick);
    const plan = await planRequest(ctx, request);
    const cached = (await readPieceInfo(ctx, planCacheKey(ctx, plan))) !== null;
    if (cached) cachedSegments += 1;
    for (const run of plan.runs) {
      const model = run.choice.model ?? run.provider.defaultModel;
      const entry = row(run.choice.provider, model, limitsOf(run.provider, run.choice.model).pricePerMillionCharacters);
      if (cached) {
        entry.cachedSegments += 1;
        entry.cachedCharacters += run.billedCharacters;
      } else {
        entry.segments += 1;
        entry.characters += run.billedCharacters;
        entry.requests += run.chunks.length;
      }
    }
  }
  const providers = [...rows.values()].map((entry) => ({
    ...entry,
    ...(entry.pricePerMillionCharacters === undefined ? {} : { estimatedCostUsd: roundCents((entry.characters * entry.pricePerMillionCharacters) / 1_000_000) }),
  }));
  return {
    showId: show.id,
    segments: script.segments.length,
    cachedSegments,
    characters: providers.reduce((sum, p) => sum + p.characters, 0),
    cachedCharacters: providers.reduce((sum, p) => sum + p.cachedCharacters, 0),
    estimatedCostUsd: roundCents(providers.reduce((sum, p) => sum + (p.estimatedCostUsd ?? 0), 0)),
    unpricedProviders: providers.filter((p) => p.pricePerMillionCharacters === undefined && p.characters > 0).map((p) => p.provider),
    providers,
  };
}

/** To a hundredth of a cent: small episodes cost fractions of a cent and should not read as free. */
function roundCents(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
