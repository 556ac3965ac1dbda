/** Turns a validated model reply into a ScriptDocument with the same ids and metadata the extractive writer uses. */
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import type { Article, ScriptDocument, ScriptSegment } from '../core/types.js';
import type { LlmHost } from './llm-prompt.js';
import type { LlmScript } from './llm-response.js';
import { parseScriptDocument } from './script-schema.js';
import { framingSegmentId, storySegmentId, uniqueIds } from './segment-ids.js';
import { resolveLocale, textLocale } from './spoken-language.js';
import { toSpoken } from './spoken.js';
import { isoDay } from './spoken-numbers.js';
import type { WriteScriptInput } from './writer.js';

function invalid(message: string): never {
  throw new BriefcastError(ErrorCodes.SCRIPT_INVALID, message);
}

export function replyToDocument(
  reply: LlmScript,
  input: WriteScriptInput,
  articles: readonly Article[],
  hosts: readonly LlmHost[],
  writer: string,
): ScriptDocument {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const dialogue = hosts.length >= 2;
  const locale = resolveLocale(input.language, input.locale);
  const drafts = reply.segments.map((segment, i): ScriptSegment => {
    const text = segment.kind === 'story' ? '' : toSpoken(segment.text, { locale });
    let voice: string | undefined;
    if (dialogue) {
      const host = hosts.find((h) => h.name.toLowerCase() === (segment.speaker ?? '').toLowerCase());
      if (!host) invalid(`segments[${i}].speaker: "${segment.speaker}" is not one of the hosts`);
      voice = host.voice;
    }
    const withVoice = voice ? { voice } : {};
    if (segment.kind !== 'story') return { id: framingSegmentId(segment.kind, text), kind: segment.kind, text, ...withVoice };
    const ids = [...new Set(segment.articleIds)];
    if (ids.length === 0) invalid(`segments[${i}].articleIds: a story must name its articles`);
    const members = ids.map((id) => byId.get(id) ?? invalid(`segments[${i}].articleIds: unknown article "${id}"`));
    return {
      id: storySegmentId(ids),
      kind: 'story',
      // A story written from articles in another language is read by that language's rules.
      text: toSpoken(segment.text, { locale: textLocale(members[0]?.language, locale) }),
      ...(members[0]?.title ? { title: members[0].title } : {}),
      articleIds: ids,
      sources: members.map((a) => ({ title: a.title, ...(a.url ? { url: a.url } : {}), ...(a.siteName ? { siteName: a.siteName } : {}) })),
      ...withVoice,
    };
  });
  if (!drafts.some((s) => s.kind === 'story')) invalid('segments: the script tells no story');
  const ids = uniqueIds(drafts.map((d) => d.id));
  return parseScriptDocument({
    version: 1,
    showTitle: input.showTitle,
    date: isoDay(input.date),
    language: input.language,
    writer,
    segments: drafts.map((d, i) => ({ ...d, id: ids[i] ?? d.id })),
  });
}
