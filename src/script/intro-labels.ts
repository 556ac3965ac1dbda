/** The short label the intro names a story by, shared by the extractive and the LLM writer. */
import type { Article } from '../core/types.js';
import { resolveLocale, textLocale } from './spoken-language.js';
import { storyLabel } from './story-label.js';
import { spokenHeadline } from './story-extract.js';
import type { WriteScriptInput } from './writer.js';

/**
 * A label for the story `lead` leads, cut from its headline as it is said (so the word limit counts spoken words:
 * "NY" is "New York"), read by its own language's rules, with its text to tell nouns from verbs.
 */
export function introLabel(lead: Article | undefined, input: Pick<WriteScriptInput, 'language' | 'locale'>, spoken = true): string {
  if (!lead) return '';
  const locale = textLocale(lead.language, resolveLocale(input.language, input.locale));
  return storyLabel(spokenHeadline(lead.title, spoken, locale), { body: lead.text, language: lead.language ?? input.language });
}
