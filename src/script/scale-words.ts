/**
 * The words scale.ts reads figures by, per language: vague quantities ("thousands", "Tausende"), multipliers
 * ("million", "Mrd.", "mil millones"), and what a figure counts (the dead and hurt, people affected, money). Word
 * patterns are stems anchored at the word's start, so inflections match ("Tote", "Toten"; "погибли", "погибших").
 * English writes 2,000.5; German, French, Spanish and Russian write 2.000,5 or 2 000,5.
 */

export interface ScaleWords {
  /** Vague quantities, longest first when matched. */
  vague: Record<string, number>;
  multiplier: Record<string, number>;
  /** A word after the figure that makes it a toll. */
  casualty: RegExp;
  /** A word just before the figure that makes it a toll ("killing 2,000"). */
  killing: RegExp;
  affected: RegExp;
  currency: RegExp;
  /** Words between the figure and what it counts that say nothing ("of", "more than", "mindestens"). */
  filler: RegExp;
  /** Decimal comma and point (or space) between thousands. */
  decimalComma: boolean;
}

const word = (pattern: string): RegExp => new RegExp(`^(?:${pattern})`, 'u');
const exact = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`, 'u');

export const SCALE_WORDS: Record<string, ScaleWords> = {
  en: {
    vague: { dozens: 24, scores: 40, hundreds: 100, thousands: 1_000, 'tens of thousands': 10_000, 'hundreds of thousands': 100_000, millions: 1_000_000 },
    multiplier: { thousand: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12 },
    casualty: exact('dead|deaths?|killed|killing|kills|died|dying|lives|bodies|fatalities|injured|injuring|wounded|hurt|casualties|missing|victims'),
    killing: exact('killing|killed|kills|injuring|wounding|claiming|toll'),
    affected: exact('people|residents|homes|houses|families|evacuated|evacuate|displaced|homeless|households|refugees|customers|passengers|workers|jobs|children'),
    currency: exact('dollars?|pounds?|euros?|yen|rupees?|francs?'),
    filler: exact('of|more|than|the|at|least|an|estimated|about|were|was|have|had|been|are|who'),
    decimalComma: false,
  },
  de: {
    vague: { dutzende: 24, hunderte: 100, tausende: 1_000, zehntausende: 10_000, hunderttausende: 100_000, millionen: 1_000_000 },
    // German "Billion" is a million million.
    multiplier: { tausend: 1e3, million: 1e6, millionen: 1e6, 'mio.': 1e6, mio: 1e6, milliarde: 1e9, milliarden: 1e9, 'mrd.': 1e9, mrd: 1e9, billion: 1e12, billionen: 1e12 },
    // "2.000 Menschen ums Leben": the idiom's "ums" follows the figure's noun.
    casualty: word('tote|todesopfer|getötet|verletzt|verwundet|opfer|vermisst|starben|gestorben|leichen|menschenleben|ums$'),
    killing: word('tötete|töteten|getötet|forderte|verletzte'),
    affected: word('menschen|personen|einwohner|bewohner|häuser|wohnungen|haushalte|familien|evakuiert|obdachlos|vertrieben|flüchtlinge|kunden|passagiere|fahrgäste|arbeitsplätze|beschäftigte|kinder'),
    currency: word('euro|dollar|pfund|franken|yen'),
    filler: exact('von|der|die|den|mehr|als|mindestens|rund|etwa|wurden|sind|waren|haben|hat|kamen|kam|gekommen'),
    decimalComma: true,
  },
  fr: {
    vague: { dizaines: 24, centaines: 100, milliers: 1_000, 'dizaines de milliers': 10_000, 'centaines de milliers': 100_000, millions: 1_000_000 },
    multiplier: { mille: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9, md: 1e9, mds: 1e9, mrd: 1e9 },
    casualty: word('morts?$|mortes|tués|tuées|blessés|blessées|victimes|disparus|décès|péri|décédé'),
    killing: word('tuant|tué|blessant|faisant'),
    affected: word('personnes|habitants|foyers|maisons|logements|familles|évacué|déplacés|réfugiés|clients|passagers|voyageurs|emplois|salariés|enfants'),
    currency: word('euros?$|dollars?$|livres|francs'),
    filler: exact('de|d|des|plus|au|moins|environ|ont|été|sont|qui'),
    decimalComma: true,
  },
  es: {
    vague: { decenas: 24, cientos: 100, centenares: 100, miles: 1_000, 'decenas de miles': 10_000, 'cientos de miles': 100_000, millones: 1_000_000 },
    // Spanish "billón" is a million million; "mil millones" is a thousand million.
    multiplier: { mil: 1e3, millón: 1e6, millones: 1e6, 'mil millones': 1e9, billón: 1e12, billones: 1e12 },
    casualty: word('muert|fallecid|herid|víctimas|desaparecid|murieron|vidas'),
    killing: word('matando|mató|dejando|causando'),
    affected: word('personas|habitantes|vecinos|viviendas|casas|hogares|familias|evacuad|desplazad|damnificad|refugiados|clientes|pasajeros|empleos|trabajadores|niños'),
    currency: word('euros?$|dólares|libras|pesos'),
    filler: exact('de|más|al|menos|unos|unas|han|sido|fueron'),
    decimalComma: true,
  },
  ru: {
    vague: { десятки: 24, сотни: 100, тысячи: 1_000, 'десятки тысяч': 10_000, 'сотни тысяч': 100_000, миллионы: 1_000_000 },
    multiplier: { тысяча: 1e3, тысячи: 1e3, тысяч: 1e3, 'тыс.': 1e3, миллион: 1e6, миллиона: 1e6, миллионов: 1e6, млн: 1e6, миллиард: 1e9, миллиарда: 1e9, миллиардов: 1e9, млрд: 1e9, триллион: 1e12, трлн: 1e12 },
    casualty: word('погиб|убит|умер|жертв|ранен|пострадавш|пропал|тела?$'),
    killing: word('унёс|унес|убив|погубив'),
    affected: word('человек|жител|дом|семей|семьи|эвакуир|беженц|бездомн|клиент|пассажир|рабочих|сотрудник|детей'),
    currency: word('рубл|доллар|евро|фунт'),
    filler: exact('более|менее|около|свыше|не|по|из|было|были'),
    decimalComma: true,
  },
};

/** The words for a BCP 47 tag; English for a language without its own. */
export function scaleWords(language = 'en'): ScaleWords {
  return SCALE_WORDS[language.toLowerCase().split(/[-_]/)[0] ?? 'en'] ?? (SCALE_WORDS.en as ScaleWords);
}
