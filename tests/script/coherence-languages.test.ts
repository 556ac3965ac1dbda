import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/types.js';
import { checkScript } from '../../src/ear-check/index.js';
import { coherenceRequirements, dependence, dropLeadingConnective } from '../../src/script/coherence.js';
import { createExtractiveWriter } from '../../src/script/extractive-writer.js';
import { splitSentences } from '../../src/script/sentences.js';
import { briefingInput } from './fixtures.js';

interface LanguageCase {
  language: string;
  /** A story: a lead opening with a droppable conjunction, a pronoun sentence, a back-pointing one, one that stands. */
  title: string;
  sentences: [string, string, string, string];
  /** The lead without its conjunction. */
  leadRewritten: string;
  /** Look-alikes that stand on their own: a time demonstrative, a word that starts like a connective. */
  standAlone: string[];
}

const CASES: LanguageCase[] = [
  {
    language: 'de',
    title: 'Neue Straßenbahn für Lübeck',
    sentences: [
      'Aber die neue Straßenbahn in Lübeck kommt erst 2028, sagte Bürgermeisterin Undine Berger am Montag.',
      'Sie nannte die Kosten des alten Plans zu hoch.',
      'Deshalb soll die Strecke nun kürzer werden.',
      'Der Bau beginnt im Frühjahr am Hauptbahnhof.',
    ],
    leadRewritten: 'Die neue Straßenbahn in Lübeck kommt erst 2028',
    standAlone: ['Diese Woche beginnt der Bau am Hafen.', 'Undine Berger leitet das Rathaus.', 'Außenminister Weber reist nach Rom.'],
  },
  {
    language: 'fr',
    title: 'Le tramway de Rouen roulera la nuit',
    sentences: [
      'Mais le tramway de Rouen roulera désormais la nuit, a annoncé la maire Claire Duval lundi.',
      'Elle a jugé la demande des étudiants légitime.',
      'Ainsi, les rames circuleront jusqu’à deux heures du matin.',
      'Le service de nuit commence le premier juin.',
    ],
    leadRewritten: 'Le tramway de Rouen roulera désormais la nuit',
    standAlone: ['Cette semaine, le marché ouvre plus tôt.', 'Il y a trois pharmacies de garde.', 'Maintenant que le pont est ouvert, le trafic reprend.'],
  },
  {
    language: 'es',
    title: 'Valencia estrena una línea de metro',
    sentences: [
      'Pero la nueva línea de metro de Valencia abre por fin, anunció la alcaldesa Marta Ruiz el lunes.',
      'Ella explicó que las obras duraron seis años.',
      'Por eso el billete será gratuito durante un mes.',
      'La línea tiene once estaciones entre el puerto y el aeropuerto.',
    ],
    leadRewritten: 'La nueva línea de metro de Valencia abre por fin',
    standAlone: ['Esta semana abre el mercado central.', 'Estados Unidos firmó el acuerdo.', 'Después de la reunión, el alcalde habló con la prensa.'],
  },
  {
    language: 'ru',
    title: 'В Казани откроют новую линию метро',
    sentences: [
      'Но новая линия метро в Казани откроется уже летом, сообщил мэр Ильдар Сафин в понедельник.',
      'Он назвал прежние сроки нереальными.',
      'Поэтому первые поезда пойдут без пассажиров.',
      'На линии будет пять станций.',
    ],
    leadRewritten: 'Новая линия метро в Казани откроется уже летом',
    standAlone: ['Этим летом в городе откроют парк.', 'Ноябрьский снег парализовал движение.', 'Ирина Волкова возглавила комитет.'],
  },
];

describe('context-dependent sentences in German, French, Spanish and Russian', () => {
  for (const c of CASES) {
    it(`reads the signals in ${c.language}: a dropped conjunction, a pronoun and a back-pointing adverb need what came before`, () => {
      const [lead, pronoun, backPointing, plain] = c.sentences;
      expect(dependence(lead, undefined, '', c.language)).toBe('droppable-opener');
      expect(dropLeadingConnective(lead, c.language)).toMatch(new RegExp(`^${c.leadRewritten}`));
      expect(dependence(pronoun, lead, '', c.language)).toBe('needs-previous');
      expect(dependence(backPointing, pronoun, '', c.language)).toBe('needs-previous');
      expect(dependence(plain, backPointing, '', c.language)).toBe('none');
      expect(coherenceRequirements(c.sentences, c.title, 4, c.language)).toEqual([[], [0], [0, 1], []]);
      for (const sentence of c.standAlone) expect(dependence(sentence, plain, '', c.language)).toBe('none');
      // English rules do not read another language's words.
      expect(dependence(pronoun, lead, '', 'en')).toBe('none');
    });
  }

  it('keeps a German sentence adverb, which pushes the verb after it, and reads it as pointing back', () => {
    expect(dropLeadingConnective('Jedoch sagte die Stadt nein.', 'de')).toBe('Jedoch sagte die Stadt nein.');
    expect(dependence('Jedoch sagte die Stadt nein.', 'Die Händler wollten mehr Parkplätze.', '', 'de')).toBe('needs-previous');
    expect(dropLeadingConnective('Und die Stadt sagte nein.', 'de')).toBe('Die Stadt sagte nein.');
  });

  it('opens every story in the article language on a sentence that stands alone, at every length', async () => {
    const writer = createExtractiveWriter({ order: 'given' });
    for (const c of CASES) {
      const article: Article = { id: `story-${c.language}`, title: c.title, text: c.sentences.join(' '), source: 'test', language: c.language };
      for (const targetSeconds of [20, 30, 45, 60]) {
        const doc = await writer.write(briefingInput({ articles: [article], language: c.language, targetSeconds }));
        const story = doc.segments.find((s) => s.kind === 'story')!;
        expect(story.text).not.toContain(c.sentences[0].split(' ')[0]! + ' ');
        // A kept pronoun sentence is read with the sentence naming who it points to.
        if (story.text.includes(c.sentences[1])) expect(story.text).toContain(c.leadRewritten);
        const sentences = splitSentences(story.text, c.language);
        expect(sentences.length).toBeGreaterThan(0);
        expect(checkScript(doc).counts['context-opener']).toBe(0);
      }
    }
  });
});
