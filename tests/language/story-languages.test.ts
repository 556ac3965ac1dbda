import { describe, expect, it } from 'vitest';
import type { Article, ScriptDocument } from '../../src/core/types.js';
import { detectLanguage, articleLanguage } from '../../src/language/detect-language.js';
import { markStoryLanguages } from '../../src/language/other-languages.js';
import { parseScriptText, renderScriptText } from '../../src/script/script-text.js';

const article = (id: string, language?: string): Article => ({ id, title: id, text: 'x', source: id, ...(language ? { language } : {}) });

function script(ids: string[]): ScriptDocument {
  return {
    version: 1,
    showTitle: 'Show',
    date: '2026-12-01',
    language: 'en',
    writer: 'test',
    segments: [
      { id: 'intro-1', kind: 'intro', text: 'This is Show.' },
      ...ids.flatMap((id, i) => [
        ...(i > 0 ? [{ id: `transition-${i}`, kind: 'transition' as const, text: 'Next.' }] : []),
        { id, kind: 'story' as const, text: `Story ${id}.`, articleIds: [id] },
      ]),
      { id: 'outro-1', kind: 'outro', text: 'Bye.' },
    ],
  };
}

describe('markStoryLanguages', () => {
  it('names the language in the transition before a story in another language, or adds one before the first story', () => {
    const marked = markStoryLanguages(script(['ru1', 'en1', 'de1']), [article('ru1', 'ru'), article('en1', 'en-GB'), article('de1', 'de')], 'en');
    expect(marked.segments.map((s) => [s.kind, s.text, s.language])).toEqual([
      ['intro', 'This is Show.', undefined],
      ['transition', 'The next report is in Russian.', undefined],
      ['story', 'Story ru1.', 'ru'],
      ['transition', 'Next.', undefined],
      ['story', 'Story en1.', undefined],
      ['transition', 'Next. The next report is in German.', undefined],
      ['story', 'Story de1.', 'de'],
      ['outro', 'Bye.', undefined],
    ]);
    expect(new Set(marked.segments.map((s) => s.id)).size).toBe(marked.segments.length);
  });

  it('names it in the show language', () => {
    const marked = markStoryLanguages({ ...script(['a', 'b']), language: 'de' }, [article('a', 'de'), article('b', 'fr')], 'de');
    expect(marked.segments.find((s) => s.kind === 'transition')?.text).toBe('Next. Die nächste Meldung ist auf Französisch.');
  });

  it('survives the text format of drafts', () => {
    const marked = markStoryLanguages(script(['en1', 'de1']), [article('en1', 'en'), article('de1', 'de')], 'en');
    expect(parseScriptText(renderScriptText(marked)).segments.find((s) => s.id === 'de1')?.language).toBe('de');
  });
});

describe('language detection', () => {
  it('detects German, Spanish, French and Russian news text, and trusts neither a headline alone nor a close call', () => {
    expect(detectLanguage('Der Stadtrat von Harbach hat am Dienstag den Bau einer neuen Straßenbahnlinie beschlossen. Die Strecke führt zum Klinikum.')?.language).toBe('de');
    expect(detectLanguage('El ayuntamiento de Villaverde aprobó el martes la construcción de un gran parque junto al río. Las obras durarán dos años.')?.language).toBe('es');
    expect(detectLanguage("La ville de Belmont a inauguré samedi une nouvelle médiathèque dans l'ancienne gare du centre. Les travaux ont duré trois ans.")?.language).toBe('fr');
    expect(detectLanguage('В городе Озёрск во вторник открыли новый мост через реку Светлую. Движение будет круглосуточным.')?.language).toBe('ru');
    expect(detectLanguage('Mayor resigns')).toBeUndefined();
  });

  it('keeps a declared region when the text agrees, and the declared tag when detection is unsure', () => {
    const english = 'The harbour town opened a new lifeboat station on Tuesday, the first built on this stretch of coast in a century.';
    expect(articleLanguage('Lifeboat station opens', english, 'en-GB')).toBe('en-GB');
    expect(articleLanguage('Short', 'Too short.', 'fr')).toBe('fr');
    expect(articleLanguage('Lifeboat station opens', english, 'de')).toBe('en');
  });
});

describe('otherLanguages show setting', () => {
  const base = { id: 's', title: 't', description: 'd', author: 'a' };
  it('defaults to reading other-language articles and validates its fields', async () => {
    const { showConfigSchema } = await import('../../src/config/show-config.js');
    expect(showConfigSchema.parse(base).otherLanguages).toEqual({ handling: 'read' });
    expect(showConfigSchema.safeParse({ ...base, otherLanguages: { handling: 'maybe' } }).success).toBe(false);
    expect(showConfigSchema.safeParse({ ...base, otherLanguages: { voices: { German: { provider: 'espeak', name: 'de' } } } }).success).toBe(false);
    expect(showConfigSchema.safeParse({ ...base, otherLanguages: { handling: 'skip', extra: 1 } }).success).toBe(false);
  });
});
