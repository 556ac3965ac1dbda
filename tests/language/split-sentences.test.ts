import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/language/split-sentences.js';

describe('splitSentences per language', () => {
  it('keeps English abbreviations, initials, acronyms and decimals inside one sentence', () => {
    const text =
      'Fed. Chair Jerome H. Powell spoke on Wed. Jan. 5 at 10 a.m. in St. Louis. The U.K. Treasury said the 10-yr. yield rose 3.5 pct. to 4.25%. ' +
      'Dr. Amy Lee of the Justice Dept. said No. 10 had been told. She left the U.S. The talks went on.';
    expect(splitSentences(text, 'en')).toEqual([
      'Fed. Chair Jerome H. Powell spoke on Wed. Jan. 5 at 10 a.m. in St. Louis.',
      'The U.K. Treasury said the 10-yr. yield rose 3.5 pct. to 4.25%.',
      'Dr. Amy Lee of the Justice Dept. said No. 10 had been told.',
      'She left the U.S.',
      'The talks went on.',
    ]);
  });

  it('splits after an abbreviation that may end a sentence when an opener follows', () => {
    expect(splitSentences('Shares of Acme Inc. The firm denied it. He met the Fed. It said no.', 'en')).toEqual([
      'Shares of Acme Inc.',
      'The firm denied it.',
      'He met the Fed.',
      'It said no.',
    ]);
  });

  it('knows German abbreviations and ordinals', () => {
    const text = 'Am 3. Oktober sprach Dr. Müller, z. B. über Steuern. Die Regierung plant bzw. prüft Nr. 5 der Liste. Der 2. Weltkrieg endete 1945. Danach kam der Frieden.';
    expect(splitSentences(text, 'de')).toEqual([
      'Am 3. Oktober sprach Dr. Müller, z. B. über Steuern.',
      'Die Regierung plant bzw. prüft Nr. 5 der Liste.',
      'Der 2. Weltkrieg endete 1945.',
      'Danach kam der Frieden.',
    ]);
  });

  it('knows French and Spanish titles and inverted openers', () => {
    expect(splitSentences('M. Dupont et Mme Martin ont parlé. Le maire a répondu.', 'fr')).toEqual([
      'M. Dupont et Mme Martin ont parlé.',
      'Le maire a répondu.',
    ]);
    expect(splitSentences('El Sr. García y la Dra. López llegaron. ¿Qué pasará ahora? ¡Nadie lo sabe!', 'es')).toEqual([
      'El Sr. García y la Dra. López llegaron.',
      '¿Qué pasará ahora?',
      '¡Nadie lo sabe!',
    ]);
  });

  it('splits and keeps Cyrillic text, with Russian initials and abbreviations', () => {
    const text = 'Президент В. В. Путин выступил в Москве. В 2024 г. рост составил 3,6%. Об этом сообщает ТАСС.';
    expect(splitSentences(text, 'ru')).toEqual([
      'Президент В. В. Путин выступил в Москве.',
      'В 2024 г. рост составил 3,6%.',
      'Об этом сообщает ТАСС.',
    ]);
  });

  it('never drops text in another script, and splits at full stops without spaces', () => {
    expect(splitSentences('Ο πρωθυπουργός μίλησε. Η βουλή ψήφισε.', 'el')).toHaveLength(2);
    expect(splitSentences('政府は発表した。市場は上昇した。', 'ja')).toEqual(['政府は発表した。', '市場は上昇した。']);
    expect(splitSentences('שלום עולם. זה משפט שני.', 'he')).toHaveLength(2);
    expect(splitSentences('... — !', 'en')).toEqual([]);
  });
});
