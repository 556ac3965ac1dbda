import type { SegmentKind } from '../core/types.js';
import { respell, type Lexicon } from './lexicon.js';
import type { ProviderRegistry } from './provider-registry.js';
import { splitQuoteRuns } from './quote-runs.js';
import type { SpeechProvider } from './speech-provider.js';
import { toSsml } from './ssml.js';
import { limitsOf, planChunks, type FormattedChunk } from './synthesize-text.js';
import type { VoiceChoice } from './segment-voices.js';

/**
 * Everything one voice (or a narrator plus a quotes voice) will send for a
 * segment, decided before any request: the runs, their chunks as sent (SSML
 * or respelled text) and the characters billed. The cache key, the cost
 * estimate and the synthesis all read this one plan, so they cannot disagree.
 */
export interface SegmentText {
  text: string;
  kind?: SegmentKind;
  lexicon?: Lexicon;
  /** BCP 47 tag of the show, for sentence splitting and numeric date order. */
  language?: string;
}

export interface PlannedRun {
  choice: VoiceChoice;
  provider: SpeechProvider;
  chunks: FormattedChunk[];
  /** Characters the vendor bills: the words, not the SSML markup. */
  billedCharacters: number;
}

export interface SegmentPlan {
  runs: PlannedRun[];
  billedCharacters: number;
  /** What the segment cache key hashes (besides the encoding). */
  keyMaterial: Record<string, unknown>;
}

export async function planSegment(providers: ProviderRegistry, segment: SegmentText, narrator: VoiceChoice, quotes?: VoiceChoice): Promise<SegmentPlan> {
  const pieces = quotes && segment.kind === 'story' ? splitQuoteRuns(segment.text) : [{ text: segment.text, quote: false }];
  const runs: PlannedRun[] = [];
  for (const [index, piece] of pieces.entries()) {
    const choice = piece.quote && quotes ? quotes : narrator;
    const provider = await providers.get(choice.provider);
    const chunks = formatRun(provider, choice, piece.text, segment, index === 0);
    const billedCharacters = chunks.reduce((sum, chunk) => sum + (chunk.ssml ? chunk.billed : chunk.text.length), 0);
    runs.push({ choice, provider, chunks: chunks.map(({ text, ssml }) => ({ text, ssml })), billedCharacters });
  }
  return { runs, billedCharacters: runs.reduce((sum, run) => sum + run.billedCharacters, 0), keyMaterial: keyMaterial(runs) };
}

function formatRun(provider: SpeechProvider, choice: VoiceChoice, text: string, segment: SegmentText, first: boolean): Array<FormattedChunk & { billed: number }> {
  const limits = limitsOf(provider, choice.model);
  const billed: number[] = [];
  const chunks = planChunks(limits, text, (chunk, index) => {
    billed[index] = limits.ssml ? chunk.length : 0;
    if (!limits.ssml) return { text: respell(chunk, segment.lexicon), ssml: false };
    return {
      ssml: true,
      text: toSsml(chunk, {
        tags: limits.ssmlTags,
        lexicon: segment.lexicon,
        headline: first && index === 0 && segment.kind === 'story',
        speed: choice.speed,
        dateOrder: /^en-us$/i.test(segment.language ?? '') ? 'mdy' : 'dmy',
        locale: segment.language,
      }),
    };
  });
  return chunks.map((chunk, index) => ({ ...chunk, billed: billed[index] ?? 0 }));
}

/**
 * Provider, engine (which names the default model), model, voice, speed,
 * options and the exact text sent: a change to any of them is a new key,
 * and nothing else is. A single plain run keeps the key's original shape.
 */
function keyMaterial(runs: PlannedRun[]): Record<string, unknown> {
  const describe = (run: PlannedRun) => ({
    engine: run.provider.engineId,
    provider: run.choice.provider,
    model: run.choice.model,
    voice: run.choice.voice,
    speed: run.choice.speed,
    options: run.choice.options ?? {},
    text: run.chunks.map((chunk) => chunk.text).join('\n'),
  });
  const [first, ...rest] = runs;
  if (!first) return {};
  return { ...describe(first), ...(rest.length > 0 ? { runs: rest.map(describe) } : {}) };
}
