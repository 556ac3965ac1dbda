/**
 * The fixed words around the stories, per show language. Each entry is written for
 * the ear in its language (no abbreviations, dates in the spoken order of the language).
 */
export interface FramingPhrases {
  intro: (show: string, date: string) => string;
  /** Label before the list of the day's headlines. */
  today: string;
  /** Joins the last headline of the intro's list. */
  and: string;
  transitions: readonly string[];
  finally: string;
  outro: (show: string) => string;
  /** Said before a story read in another language, naming it ("In German."). */
  inLanguage: (languageName: string) => string;
}

const PHRASES: Record<string, FramingPhrases> = {
  en: {
    intro: (show, date) => `This is ${show}, your briefing for ${date}.`,
    today: 'Today',
    and: 'and',
    transitions: ['Next.', 'In other news.', 'Also today.', 'Turning to another story.'],
    finally: 'And finally.',
    outro: (show) => `That's all for today. This has been ${show}. Thanks for listening.`,
    inLanguage: (name) => `The next report is in ${name}.`,
  },
  de: {
    intro: (show, date) => `Hier ist ${show}, Ihr Überblick für ${date}.`,
    today: 'Heute',
    and: 'und',
    transitions: ['Weiter.', 'Außerdem.', 'Auch heute.', 'Zu einem anderen Thema.'],
    finally: 'Und zum Schluss.',
    outro: (show) => `Das war ${show} für heute. Danke fürs Zuhören.`,
    inLanguage: (name) => `Die nächste Meldung ist auf ${name}.`,
  },
  fr: {
    intro: (show, date) => `Ici ${show}, votre point sur l'actualité du ${date}.`,
    today: "Aujourd'hui",
    and: 'et',
    transitions: ['Ensuite.', 'Autre information.', "Également aujourd'hui.", 'Passons à un autre sujet.'],
    finally: 'Et pour finir.',
    outro: (show) => `C'est tout pour aujourd'hui. Vous écoutiez ${show}. Merci de votre écoute.`,
    inLanguage: (name) => `L'information suivante est en ${name}.`,
  },
  es: {
    intro: (show, date) => `Esto es ${show}, su resumen del ${date}.`,
    today: 'Hoy',
    and: 'y',
    transitions: ['A continuación.', 'En otras noticias.', 'También hoy.', 'Pasamos a otro tema.'],
    finally: 'Y para terminar.',
    outro: (show) => `Eso es todo por hoy. Ha escuchado ${show}. Gracias por su atención.`,
    inLanguage: (name) => `La siguiente noticia está en ${name}.`,
  },
  ru: {
    intro: (show, date) => `Это ${show}, ваш выпуск новостей за ${date}.`,
    today: 'Сегодня',
    and: 'и',
    transitions: ['Далее.', 'Другие новости.', 'Также сегодня.', 'К другой теме.'],
    finally: 'И напоследок.',
    outro: (show) => `На сегодня всё. Вы слушали ${show}. Спасибо, что были с нами.`,
    inLanguage: (name) => `Следующее сообщение на языке: ${name}.`,
  },
};

/** Phrases for a BCP 47 tag's primary language; English for a language without its own table. */
export function framingPhrases(language: string | undefined): FramingPhrases {
  return PHRASES[framingLanguage(language)] as FramingPhrases;
}

/** The language the framing is actually said in: the show's when it has a table, else English. */
export function framingLanguage(language: string | undefined): string {
  const primary = primaryLanguage(language);
  return primary in PHRASES ? primary : 'en';
}

export function primaryLanguage(language: string | undefined): string {
  return (language ?? 'en').toLowerCase().split('-')[0] || 'en';
}

/** Languages with their own framing. */
export const FRAMED_LANGUAGES = Object.keys(PHRASES);
