/**
 * The words that make a sentence lean on the one before it, per language (see coherence.ts for the rules). Each
 * language has the same five small classes; a language without a table uses English's, which then simply never
 * matches its words. German adverbs take the first place of the clause and push the verb after them ("Jedoch
 * sagte die Stadt ..."), so dropping one would leave the verb first: only its coordinating conjunctions (und,
 * aber, oder, doch), which stand outside the clause, are droppable; its sentence adverbs point back instead.
 */

export interface CoherenceSignals {
  /** Openers that can be dropped without changing what the rest of the sentence claims ("But", "However,"). */
  droppable: RegExp;
  /** Openers that refer to what came before ("Instead", "As a result"). */
  backPointing: RegExp;
  /** Skipped before looking for a pronoun: "Although they ...". */
  subordinator: RegExp;
  /** Personal and demonstrative pronouns (and "both", "the latter") that need an antecedent. */
  pronoun: RegExp;
  /** A concession answers a claim made before it: it does not open a story. */
  concession: RegExp;
}

/** End of a word in any script (`\b` only knows ASCII letters). */
const END = '(?![\\p{L}\\p{N}])';

/** `words` (|-separated) as regex alternatives, longest first, each ending at a word end (an elided "qu'" needs none). */
function alternatives(words: string): string {
  return words
    .split('|')
    .map((w) => w.trim())
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/\s+/g, '\\s+').replace(/'/g, "['’]") + (w.endsWith("'") ? '' : END))
    .join('|');
}

/** A sentence opening with one of `words`, unless one of `not` follows; `consume` takes an optional comma and the space after. */
function opener(words: string, options: { consume?: boolean; not?: string | undefined } = {}): RegExp {
  const not = options.not ? `(?!\\s+(?:${alternatives(options.not)}))` : '';
  const tail = options.consume ? ',?\\s+' : '';
  return new RegExp(`^(?:${alternatives(words)})${not}${tail}`, 'iu');
}

interface SignalWords {
  droppable: string;
  /** Words after which a droppable opener is no conjunction ("So far", "So many"). */
  droppableNot?: string;
  backPointing: string;
  /** Words after which a back-pointing opener starts a clause or phrase of its own ("Alors que", "Después de"). */
  backPointingNot?: string;
  subordinator: string;
  pronoun: string;
  /** Words after a demonstrative that make it point to now, not back ("This week"). */
  timeWords: string;
  concession: string;
}

const WORDS: Record<string, SignalWords> = {
  en: {
    droppable:
      'and|but|or|so|yet|plus|however|meanwhile|still|also|moreover|furthermore|nonetheless|nevertheless|besides|indeed|in fact|likewise|similarly|additionally|now',
    droppableNot: 'far|much|many|long|few|little|that',
    backPointing:
      'instead|otherwise|therefore|thus|consequently|hence|then|later|afterwards|again|even so|in response|in return|in contrast|by contrast|on the other hand|as a result|despite this|despite that|because of this|in turn|in addition|that is why|for that reason|at the time|at that point|since then|until then',
    subordinator: 'although|though|even though|while|when|after|before|because|since|as|if|once|until|whereas',
    pronoun:
      'he|she|they|it|his|her|hers|their|theirs|its|him|them|this|that|these|those|such|others|both|either|neither|the latter|the former|the same|the two|the pair|the other|another|there,',
    timeWords: '',
    concession: 'although|though|even though|even so|despite this|despite that',
  },
  de: {
    droppable: 'und|aber|oder|doch',
    backPointing:
      'jedoch|allerdings|außerdem|zudem|dennoch|trotzdem|deshalb|deswegen|daher|darum|stattdessen|danach|dann|später|damals|daraufhin|dabei|dagegen|ebenfalls|auch|somit|folglich|infolgedessen|seitdem',
    subordinator: 'obwohl|obgleich|wenn|als|nachdem|bevor|weil|da|während|sobald|seit|falls',
    pronoun:
      'er|sie|ihm|ihn|ihnen|sein|seine|seinen|seinem|seiner|seines|ihr|ihre|ihren|ihrem|ihrer|ihres|dies|diese|dieser|dieses|diesen|diesem|jene|jener|jenes|beide|beiden|letztere|letzterer|erstere|ersterer|solche|solcher',
    timeWords: 'woche|wochenende|monat|jahr|jahres|morgen|abend|nacht|saison|sommer|winter|frühjahr|herbst|mal|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag',
    concession: 'obwohl|obgleich|wenngleich|trotzdem|dennoch',
  },
  fr: {
    droppable: "mais|et|ou|or|cependant|toutefois|pourtant|néanmoins|par ailleurs|en outre|de plus|d'ailleurs|en effet|en fait",
    backPointingNot: "que|qu'",
    backPointing:
      "ainsi|donc|alors|puis|ensuite|par conséquent|en conséquence|au lieu de cela|en revanche|en réponse|malgré cela|malgré tout|pour cette raison|c'est pourquoi|depuis|plus tard|auparavant|aussi",
    subordinator: "bien que|bien qu'|quoique|lorsque|lorsqu'|quand|alors que|tandis que|si|puisque|parce que|parce qu'|même si|comme",
    pronoun: 'il|elle|ils|elles|lui|leur|leurs|son|sa|ses|ce|cet|cette|ces|cela|ceci|ça|celui|celle|ceux|celles|tous deux|toutes deux|les deux|ce dernier|cette dernière',
    // Time words, and what makes "il" or "ce" point to nothing ("Il y a", "Il faut", "Ce que ...").
    timeWords: "matin|soir|semaine|week-end|mois|année|an|été|hiver|printemps|automne|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|y a|faut|s'agit|que|qu'|qui",
    concession: "bien que|bien qu'|quoique|même si|malgré cela|malgré tout",
  },
  es: {
    droppable: 'pero|y|e|o|u|sin embargo|no obstante|además|asimismo|de hecho|en realidad|mientras tanto',
    backPointingNot: 'de|del|que',
    backPointing:
      'por eso|por ello|por lo tanto|por tanto|así que|en cambio|en respuesta|a cambio|en consecuencia|como resultado|luego|después|entonces|más tarde|desde entonces|aun así|a pesar de ello|a pesar de eso|en su lugar|también|tampoco',
    subordinator: 'aunque|cuando|mientras|después de que|antes de que|porque|ya que|si|como|aun cuando|pese a que|a pesar de que|si bien',
    pronoun:
      'él|ella|ellos|ellas|su|sus|le|les|este|esta|estos|estas|esto|ese|esa|esos|esas|eso|aquel|aquella|aquellos|aquellas|ambos|ambas|dicho|dicha|dichos|dichas|el primero|el segundo|este último|esta última',
    timeWords: 'semana|fin de semana|mes|año|mañana|tarde|noche|verano|invierno|primavera|otoño|lunes|martes|miércoles|jueves|viernes|sábado|domingo|temporada',
    concession: 'aunque|pese a que|a pesar de que|aun así|si bien|a pesar de ello',
  },
  ru: {
    droppable: 'но|и|а|однако|кроме того|впрочем|тем не менее|между тем|кстати|к тому же',
    backPointing:
      'поэтому|потом|затем|тогда|после этого|в результате|в ответ|вместо этого|из-за этого|при этом|тем самым|также|тоже|в свою очередь|с тех пор|несмотря на это',
    subordinator: 'хотя|когда|если|после того как|пока|потому что|так как|поскольку|несмотря на то что|чтобы',
    pronoun:
      'он|она|оно|они|его|её|ее|их|ему|ей|им|ним|ней|нему|этот|эта|это|эти|этого|этой|этим|этих|этому|тот|та|те|того|той|тех|оба|обе|последний|последняя|последние|такой|такая|такие',
    timeWords: 'утром|вечером|днём|днем|ночью|летом|зимой|весной|осенью|году|неделе|месяце',
    concession: 'хотя|несмотря на это|несмотря на то что',
  },
};

function build(words: SignalWords): CoherenceSignals {
  return {
    droppable: opener(words.droppable, { consume: true, not: words.droppableNot }),
    backPointing: opener(words.backPointing, { not: words.backPointingNot }),
    subordinator: new RegExp(`^(?:${alternatives(words.subordinator)})\\s+`, 'iu'),
    pronoun: opener(words.pronoun, { not: words.timeWords }),
    concession: new RegExp(`^["“‘'«„(]?(?:${alternatives(words.concession)})`, 'iu'),
  };
}

const SIGNALS = new Map(Object.entries(WORDS).map(([language, words]) => [language, build(words)]));

/** The signals for a BCP 47 tag ("de-AT" is German); English for a language without its own. */
export function coherenceSignals(language = 'en'): CoherenceSignals {
  const base = language.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return SIGNALS.get(base) ?? (SIGNALS.get('en') as CoherenceSignals);
}
