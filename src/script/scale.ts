/**
 * How big a story is, read from its own words: people killed or hurt, people
 * affected (evacuated, homeless, without power), and money. Each is the
 * largest figure found next to words of its kind in the headline and the
 * opening sentences; vague quantities count too ("thousands" = 1,000).
 */
export interface ScaleSignals {
  casualties: number;
  affected: number;
  /** Money in units of its currency (dollars, pounds, euros alike). */
  money: number;
}

const VAGUE: Record<string, number> = { dozens: 24, scores: 40, hundreds: 100, thousands: 1_000, 'tens of thousands': 10_000, 'hundreds of thousands': 100_000, millions: 1_000_000 };
const MULTIPLIER: Record<string, number> = { thousand: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12 };
const CASUALTY = /^(?:dead|deaths?|killed|killing|kills|died|dying|lives|bodies|fatalities|injured|injuring|wounded|hurt|casualties|missing|victims)$/;
/** Verbs before a figure that make it a toll: "killing more than 2,000". */
const KILLING = /^(?:killing|killed|kills|injuring|wounding|claiming|toll)$/;
const AFFECTED = /^(?:people|residents|homes|houses|families|evacuated|evacuate|displaced|homeless|households|refugees|customers|passengers|workers|jobs|children)$/;
const CURRENCY = /^(?:dollars?|pounds?|euros?|yen|rupees?|francs?)$/;

const QUANTITY = /(hundreds of thousands|tens of thousands|dozens|scores|hundreds|thousands|millions)|([$£€¥₹])?\s?(\d[\d,]*(?:\.\d+)?)(?:\s?(thousand|million|billion|trillion|bn|mn|m|b|tn)\b)?/gi;

function words(text: string, from: number, count: number): string[] {
  return (text.slice(from, from + 80).toLowerCase().match(/[a-z]+/g) ?? []).slice(0, count);
}

export function scaleSignals(text: string): ScaleSignals {
  const out: ScaleSignals = { casualties: 0, affected: 0, money: 0 };
  for (const match of text.matchAll(QUANTITY)) {
    const at = (match.index ?? 0) + match[0].length;
    const value = match[1]
      ? (VAGUE[match[1].toLowerCase()] ?? 0)
      : Number((match[3] ?? '0').replace(/,/g, '')) * (MULTIPLIER[(match[4] ?? '').toLowerCase()] ?? 1);
    if (!Number.isFinite(value) || value <= 0) continue;
    // Years and times are no quantity of anything.
    if (!match[1] && !match[2] && !match[4] && /^(1[89]|20)\d\d$/.test(match[3] ?? '')) continue;
    const next = words(text, at, 5)
      .filter((w) => !/^(?:of|more|than|the|at|least|an|estimated|about|were|was|have|had|been|are|who)$/.test(w))
      .slice(0, 2);
    const before = (text.slice(Math.max(0, (match.index ?? 0) - 40), match.index ?? 0).toLowerCase().match(/[a-z]+/g) ?? []).slice(-3);
    if (match[2] || next.some((w) => CURRENCY.test(w))) out.money = Math.max(out.money, value);
    else if (next.some((w) => CASUALTY.test(w)) || before.some((w) => KILLING.test(w))) out.casualties = Math.max(out.casualties, value);
    else if (next.some((w) => AFFECTED.test(w))) out.affected = Math.max(out.affected, value);
  }
  return out;
}

/** 0 for nothing, about 1 for a thousand dead, a million people affected or a trillion in money. */
export function scaleScore(signals: ScaleSignals): number {
  return Math.max(
    Math.log10(1 + signals.casualties) / 3,
    Math.log10(1 + signals.affected) / 6,
    Math.log10(1 + signals.money) / 12,
  );
}
