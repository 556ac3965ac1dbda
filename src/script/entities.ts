/**
 * Surface facts of a text: numbers and named entities. Grouping compares
 * them across articles; the grounding check requires every one in a
 * generated script to occur in the sources.
 */

const NUMBER_WORDS = new Map(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((w, i) => [w, String(i)] as const),
);

/** Capitalised words that start sentences or are titles, not names on their own. */
const NOT_NAMES = new Set(
  (
    'The A An This That These Those It Its He She They We I You His Her Their Our But And Or So Yet If When While After Before ' +
    'As At In On Of For From To By With Without About Over Under Into During Since Until Today Tomorrow Yesterday Tonight ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September ' +
    'October November December Mister Missus Doctor Professor Next Also Finally Meanwhile However Still Then Now There Here ' +
    'What Who Why How Where Which Some Many Most All No Not One Two Three Four Five Six Seven Eight Nine Ten Thanks That\'s ' +
    'This\'s Today: Number Percent'
  ).split(' '),
);

/**
 * Numbers as canonical strings: digits without separators ("14,200" -> "14200"),
 * decimals kept, small number words mapped to digits ("nine" -> "9").
 */
export function numbersIn(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    const value = match[0].replace(/,(?=\d{3}\b)/g, '').replace(/[.,]$/, '');
    out.push(value.includes('.') ? String(Number(value)) : value.replace(/^0+(?=\d)/, ''));
  }
  for (const match of text.toLowerCase().matchAll(/\b[a-z]+\b/g)) {
    const digit = NUMBER_WORDS.get(match[0]);
    if (digit !== undefined && Number(digit) > 1) out.push(digit);
  }
  return out;
}

/**
 * Names: runs of capitalised words ("Laura Whitfield", "Arctic Ocean Institute",
 * "Department for Transport"), plus single capitalised words that are not
 * merely the first word of a sentence.
 */
export function namedEntities(text: string): string[] {
  const out: string[] = [];
  const tokens = text.match(/[A-Za-z][A-Za-z'’-]*|[.!?:;"“”]/g) ?? [];
  let run: string[] = [];
  let runAtStart = false;
  let sentenceStart = true;
  const flush = (): void => {
    const words = [...run];
    while (words.length > 0 && /^(of|for|the|and|de|van|von)$/.test(words[words.length - 1] ?? '')) words.pop();
    while (words.length > 0 && NOT_NAMES.has(words[0] ?? '')) {
      words.shift();
      runAtStart = false;
    }
    if (words.length > 1 || (words.length === 1 && !runAtStart)) out.push(words.join(' ').replace(/['’]s$/, ''));
    run = [];
  };
  for (const token of tokens) {
    if (/^[.!?:;]$/.test(token)) {
      flush();
      sentenceStart = true;
      continue;
    }
    if (/^["“”]$/.test(token)) continue;
    const capital = /^[A-Z]/.test(token);
    const connector = run.length > 0 && /^(of|for|the|and|de|van|von)$/.test(token);
    if (capital || connector) {
      if (run.length === 0) runAtStart = sentenceStart;
      run.push(token);
    } else flush();
    sentenceStart = false;
  }
  flush();
  return out.filter((name) => name.length > 1 && !NOT_NAMES.has(name));
}

/** Two statements whose figures disagree: each has a number the other lacks. */
export function conflictingFigures(a: string, b: string): boolean {
  const na = new Set(numbersIn(a));
  const nb = new Set(numbersIn(b));
  return [...na].some((x) => !nb.has(x)) && [...nb].some((x) => !na.has(x));
}
