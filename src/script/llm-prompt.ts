/** The messages sent to the model: instructions, style, and the articles it may draw on. */
import type { Article } from '../core/types.js';
import { primaryLanguage } from './framing-phrases.js';
import { spokenLongDate } from './spoken-numbers.js';
import type { WriteScriptInput } from './writer.js';

export interface LlmHost {
  /** Name the host is called by in the script. */
  name: string;
  /** Voice (of the show's TTS provider) that reads this host's segments. */
  voice?: string;
}

export interface LlmStyle {
  /** One host reads everything; two hosts talk in turns. */
  hosts?: LlmHost[];
  /** Free-form tone, e.g. "calm and plain". */
  tone?: string;
}

export const DEFAULT_SYSTEM_PROMPT =
  'You write scripts for a spoken news briefing. Write for the ear: short sentences, no lists, no links, no symbols; ' +
  'spell out units and currencies.';

const GROUNDING_RULES = [
  'Use only facts stated in the articles. Do not add numbers, dates, names or places that the articles do not contain.',
  'Quote only words that appear verbatim in an article, and always say who said them.',
  'Segments: one "intro", then one "story" segment (or, with two hosts, a few consecutive ones) per story, ' +
    'short "transition" segments between stories, and one "outro".',
  'A story segment lists the ids of the articles it uses in articleIds; other segments use an empty list.',
  'Articles about the same event are told together as one story; when outlets differ, say which said what.',
].join('\n');

function styleRules(style: LlmStyle): string {
  const hosts = style.hosts ?? [];
  const lines: string[] = [];
  if (hosts.length >= 2) {
    lines.push(`Two hosts, ${hosts[0]?.name} and ${hosts[1]?.name}, talk in turns; set speaker on every segment to the host speaking.`);
  } else {
    lines.push(`One host${hosts[0] ? ` named ${hosts[0].name}` : ''} reads everything; set speaker to null.`);
  }
  if (style.tone) lines.push(`Tone: ${style.tone}.`);
  return lines.join('\n');
}

/** "Write the script in German (Deutsch)." — the language named in English and in itself, so no model guesses. */
export function languageRule(language: string): string {
  const primary = primaryLanguage(language);
  const name = (inLanguage: string) => {
    try {
      return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(primary) ?? primary;
    } catch {
      return primary;
    }
  };
  const english = name('en');
  const own = name(primary);
  return `Write the script in ${english}${own !== english ? ` (${own})` : ''}.`;
}

export function buildMessages(
  input: WriteScriptInput,
  articles: readonly Article[],
  systemPrompt: string,
  style: LlmStyle,
  maxArticleChars: number,
): Array<{ role: 'system' | 'user'; content: string }> {
  const targetWords = Math.round((input.targetSeconds * input.wordsPerMinute) / 60);
  const payload = articles.map((a) => ({
    id: a.id,
    title: a.title,
    outlet: a.siteName ?? null,
    publishedAt: a.publishedAt ?? null,
    priority: a.priority ?? 0,
    text: a.text.length > maxArticleChars ? `${a.text.slice(0, maxArticleChars)} [...]` : a.text,
  }));
  const brief = [
    `Show: ${input.showTitle}. Language: ${input.language}. Date: ${spokenLongDate(input.date)}.`,
    languageRule(input.language),
    `Length: about ${targetWords} words in total.`,
    'Articles (JSON):',
    JSON.stringify(payload),
  ].join('\n');
  return [
    { role: 'system', content: `${systemPrompt}\n\n${GROUNDING_RULES}\n${styleRules(style)}` },
    { role: 'user', content: brief },
  ];
}
