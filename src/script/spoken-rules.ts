/** The shape of one language's rules for the ear; kept apart so rule files and the registry do not import each other. */
export interface SpokenContext {
  /** BCP 47 locale, e.g. "en-GB". */
  locale: string;
  dateOrder: 'dmy' | 'mdy';
  /** American spelling and number style ("meters", "one hundred five"). */
  us: boolean;
}

export interface SpokenRules {
  /** Letters of other scripts than these are dropped: the voice would spell them or say nothing useful. */
  scripts: readonly string[];
  /** The word for "&". */
  and: string;
  /** The word for "#" before a number. */
  number: string;
  /** Applied in order after links, symbols and foreign scripts are gone. */
  steps: ReadonlyArray<(text: string, ctx: SpokenContext) => string>;
}
