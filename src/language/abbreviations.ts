/**
 * Abbreviations that end in a period, by language (lowercase, without the period).
 * `never` precede a name or a number, so their period never ends a sentence;
 * `mayEnd` can also close one ("... of Acme Inc. The firm ..."), so a boundary
 * is only taken when the next word is a typical sentence opener.
 */
export interface AbbreviationSet {
  never: ReadonlySet<string>;
  mayEnd: ReadonlySet<string>;
  /** Words that usually open a sentence: after a `mayEnd` abbreviation or an acronym they signal a boundary. */
  starters: ReadonlySet<string>;
  /** Abbreviations only before a number: "Jan. 5", "No. 10". */
  beforeNumber: ReadonlySet<string>;
  /** German writes ordinals with a period ("am 3. Oktober"): a number's period ends no sentence unless an opener follows. */
  ordinalDot?: boolean;
}

const words = (list: string): Set<string> => new Set(list.split(/\s+/).filter(Boolean));

const ENGLISH: AbbreviationSet = {
  never: words(`mr mrs ms messrs dr prof st sen rep gov gen lt col sgt capt cmdr adm maj cpl rev hon pres supt mt ft
    e.g i.e vs approx cf ca est fig univ assn ave blvd ste vol pp op`),
  mayEnd: words(`inc ltd co corp plc jr sr bros etc llc fed yr yrs mo mos hr hrs min mins pct bn mln dept govt
    mon tue tues wed thu thur thurs fri sat sun`),
  starters: words(`the a an he she it they we i you but and in on at this that these those his her its their our there when while
    after before if as so yet however meanwhile still then now some many most officials police critics one`),
  beforeNumber: words('jan feb mar apr jun jul aug sep sept oct nov dec no nos'),
};

const GERMAN: AbbreviationSet = {
  never: words(`dr prof hr fr nr str bzw ca usw vgl abs inkl evtl ggf gem lt sog zzgl bspw mio mrd jh jhd
    st dipl ing mag min abt art bd bzgl`),
  mayEnd: words('etc usw gmbh ag co'),
  starters: words('der die das ein eine er sie es wir ich aber und in im am auf dies diese doch dann nun auch als wenn'),
  beforeNumber: words('jan feb mär märz apr jun jul aug sep sept okt nov dez'),
  ordinalDot: true,
};

const FRENCH: AbbreviationSet = {
  never: words('mm mme mlle dr pr me st ste av bd env cf ex vol art no n° p.ex chap fig'),
  mayEnd: words('etc cie'),
  starters: words('le la les un une il elle ils elles nous je on mais et en au dans ce cette ces puis alors donc'),
  beforeNumber: words('janv févr fév avr juil sept oct nov déc no'),
};

const SPANISH: AbbreviationSet = {
  never: words('sr sra srta sres dr dra ud uds vd vds lic ing gral av avda pág núm art aprox cap fig dña dn prof sto sta'),
  mayEnd: words('etc cía'),
  starters: words('el la los las un una él ella ellos nosotros yo pero y en al del este esta estos luego entonces también'),
  beforeNumber: words('ene feb mar abr jun jul ago sep sept oct nov dic no núm'),
};

const RUSSIAN: AbbreviationSet = {
  never: words('им ул пр просп проф акад доц стр см напр тыс млн млрд руб долл коп ст пос обл кв тел рис гл'),
  mayEnd: words('гг др пр'),
  starters: words('в на он она они мы я но и а это эти по после однако тогда теперь также'),
  beforeNumber: words('янв февр мар апр июн июл авг сент окт нояб дек'),
};

const BY_LANGUAGE: Record<string, AbbreviationSet> = { en: ENGLISH, de: GERMAN, fr: FRENCH, es: SPANISH, ru: RUSSIAN };

/** The set for a BCP 47 tag's primary language; English when none is known (most input is English). */
export function abbreviationsFor(language: string | undefined): AbbreviationSet {
  const primary = (language ?? 'en').toLowerCase().split('-')[0] ?? 'en';
  return BY_LANGUAGE[primary] ?? ENGLISH;
}
