/**
 * Context-dependent openers: a story's first sentence must stand on its own. Two general
 * signals say it does not: a discourse connective that answers something unsaid (contrast,
 * addition, consequence, sequence), and a pronoun or demonstrative whose antecedent is absent.
 */

/** Discourse connectives by class, per language; multi-word ones are matched as phrases. */
const CONNECTIVES: Record<string, string[]> = {
  en: [
    // contrast and concession
    'but', 'however', 'yet', 'still', 'although', 'though', 'even so', 'nevertheless', 'nonetheless', 'instead', 'rather',
    'on the other hand', 'by contrast', 'in contrast', 'despite this', 'despite that', 'even though', 'whereas', 'conversely',
    // addition
    'and', 'also', 'moreover', 'furthermore', 'besides', 'in addition', 'additionally', 'what is more', 'likewise', 'similarly', 'too',
    // consequence
    'so', 'therefore', 'thus', 'hence', 'as a result', 'consequently', 'accordingly', 'because of this', 'that is why', "that's why",
    // sequence and reference to a prior event
    'then', 'afterwards', 'later', 'meanwhile', 'at the same time', 'after that', 'before that', 'since then', 'until then', 'by then', 'in turn', 'otherwise', 'indeed', 'in fact', 'again',
  ],
  de: [
    'aber', 'doch', 'jedoch', 'allerdings', 'dennoch', 'trotzdem', 'obwohl', 'stattdessen', 'hingegen', 'dagegen',
    'und', 'auch', 'außerdem', 'zudem', 'ebenfalls', 'ebenso', 'darüber hinaus',
    'deshalb', 'deswegen', 'daher', 'darum', 'also', 'folglich', 'somit',
    'dann', 'danach', 'später', 'inzwischen', 'seitdem', 'damals', 'daraufhin', 'tatsächlich',
  ],
  fr: [
    'mais', 'cependant', 'pourtant', 'toutefois', 'néanmoins', 'bien que', "bien qu'", 'quoique', 'au contraire', 'en revanche', 'malgré cela',
    'et', 'aussi', 'de plus', 'en outre', 'par ailleurs', "d'ailleurs", 'également',
    'donc', 'ainsi', 'alors', 'par conséquent', "c'est pourquoi",
    'puis', 'ensuite', 'plus tard', 'entre-temps', 'depuis', 'en effet', 'en fait',
  ],
  es: [
    'pero', 'sin embargo', 'no obstante', 'aunque', 'aun así', 'en cambio', 'por el contrario', 'a pesar de ello',
    'y', 'además', 'también', 'asimismo', 'tampoco',
    'por eso', 'por ello', 'por lo tanto', 'así que', 'en consecuencia', 'por consiguiente',
    'luego', 'después', 'entonces', 'mientras tanto', 'más tarde', 'desde entonces', 'de hecho', 'en realidad',
  ],
  ru: [
    'но', 'однако', 'хотя', 'тем не менее', 'зато', 'впрочем', 'напротив', 'вместо этого', 'несмотря на это',
    'и', 'а', 'также', 'тоже', 'кроме того', 'к тому же', 'более того',
    'поэтому', 'итак', 'в результате', 'следовательно', 'так что',
    'потом', 'затем', 'тогда', 'после этого', 'между тем', 'с тех пор', 'действительно', 'на самом деле',
  ],
};

/** Third-person pronouns and demonstratives that point back, per language; dummy subjects ("it", "es", "il") are left out. */
const POINTERS: Record<string, string[]> = {
  en: ['he', 'she', 'they', 'him', 'her', 'them', 'his', 'hers', 'their', 'theirs', 'its', 'this', 'that', 'these', 'those', 'such', 'the former', 'the latter', 'the same', 'the pair', 'the couple', 'the duo', 'the trio'],
  de: ['er', 'sie', 'ihm', 'ihn', 'ihnen', 'sein', 'seine', 'seinen', 'seinem', 'seiner', 'ihr', 'ihre', 'ihren', 'ihrem', 'ihrer', 'dies', 'diese', 'dieser', 'dieses', 'diesen', 'diesem', 'beide', 'letzterer', 'letztere'],
  fr: ['elle', 'ils', 'elles', 'lui', 'leur', 'leurs', 'son', 'sa', 'ses', 'ce', 'cet', 'cette', 'ces', 'cela', 'ceci', 'celui-ci', 'celle-ci', 'ceux-ci', 'les deux', 'ce dernier', 'cette dernière'],
  es: ['él', 'ella', 'ellos', 'ellas', 'su', 'sus', 'este', 'esta', 'estos', 'estas', 'esto', 'ese', 'esa', 'esos', 'esas', 'eso', 'ambos', 'ambas', 'dicho', 'dicha'],
  ru: ['он', 'она', 'они', 'его', 'её', 'ее', 'их', 'ему', 'ей', 'им', 'этот', 'эта', 'это', 'эти', 'этого', 'этой', 'этих', 'тот', 'та', 'те', 'оба', 'обе'],
};

/** Demonstratives before a time word refer to the present, not back: "This week", "Diese Woche", "Cette semaine". */
const DEMONSTRATIVES: Record<string, string[]> = {
  en: ['this', 'that', 'these', 'those'],
  de: ['dies', 'diese', 'dieser', 'dieses', 'diesen', 'diesem'],
  fr: ['ce', 'cet', 'cette', 'ces'],
  es: ['este', 'esta', 'estos', 'estas', 'ese', 'esa', 'esos', 'esas'],
  ru: ['этот', 'эта', 'это', 'эти', 'этой', 'этим', 'этом'],
};
const TIME_WORDS: Record<string, string[]> = {
  en: ['week', 'weekend', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'season', 'spring', 'summer', 'autumn', 'fall', 'winter', 'time', 'decade', 'century', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  de: ['woche', 'wochenende', 'monat', 'jahr', 'morgen', 'abend', 'nacht', 'saison', 'sommer', 'winter', 'frühjahr', 'herbst', 'mal', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag'],
  fr: ['matin', 'soir', 'semaine', 'week-end', 'mois', 'année', 'été', 'hiver', 'printemps', 'automne', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  es: ['semana', 'mes', 'año', 'mañana', 'tarde', 'noche', 'verano', 'invierno', 'primavera', 'otoño', 'temporada', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  ru: ['утром', 'вечером', 'ночью', 'летом', 'зимой', 'весной', 'осенью', 'неделе', 'году'],
};

/** Not a word going on: a letter, digit, hyphen or apostrophe after the match ("Andrews", "so-called", "Butler"). */
const WORD_END = "(?![\\p{L}\\p{N}'’-])";
const LEAD = "^[\"“‘'«„(]?";

function phrases(list: readonly string[]): string {
  return [...list]
    .sort((a, b) => b.length - a.length)
    .map((c) => c.replace(/ /g, '\\s+').replace(/'/g, "['’]") + (c.endsWith("'") ? '' : WORD_END))
    .join('|');
}

interface OpenerRules {
  connective: RegExp;
  pointer: RegExp;
  timeAfterDemonstrative: RegExp;
}

const RULES = new Map<string, OpenerRules>(
  Object.keys(CONNECTIVES).map((language) => [
    language,
    {
      connective: new RegExp(`${LEAD}(?:${phrases(CONNECTIVES[language] ?? [])})`, 'iu'),
      pointer: new RegExp(`${LEAD}(?:${phrases(POINTERS[language] ?? [])})`, 'iu'),
      timeAfterDemonstrative: new RegExp(`${LEAD}(?:${phrases(DEMONSTRATIVES[language] ?? [])})\\s+(?:${phrases(TIME_WORDS[language] ?? [])})`, 'iu'),
    },
  ]),
);
/** "So" before a degree word is an adverb of that word, not the connective: "So far, ...", "So many people ...". */
const SO_ADVERB = /^["“‘'(]?so\s+(?:far|much|many|long|few|little)\b/i;

function rulesFor(language: string): OpenerRules {
  return RULES.get(language.toLowerCase().split(/[-_]/)[0] ?? 'en') ?? (RULES.get('en') as OpenerRules);
}

export function opensWithConnective(sentence: string, language = 'en'): boolean {
  const text = sentence.trim();
  return rulesFor(language).connective.test(text) && !SO_ADVERB.test(text);
}

export function opensWithPointer(sentence: string, language = 'en'): boolean {
  const text = sentence.trim();
  const rules = rulesFor(language);
  return rules.pointer.test(text) && !rules.timeAfterDemonstrative.test(text);
}

/** True when a sentence names someone or something a pronoun could refer to (a capitalised word after the first). */
export function offersAntecedent(sentence: string): boolean {
  return /\s["“‘'«„]?\p{Lu}\p{L}/u.test(sentence.trim());
}
