/** Normal forms used to recognise the same story across feeds, runs and sources. */

/** Lower case, accents folded, punctuation dropped, single spaces: "Storm Ciarán: 'Red' warning" -> "storm ciaran red warning". */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const TRACKING_PARAM = /^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$|at_|ocid$|cmpid$|ns_)/i;

/** Scheme, `www.`, fragment, trailing slash and tracking parameters do not make a different story. */
export function normaliseLink(link: string): string {
  try {
    const url = new URL(link);
    const params = [...url.searchParams.entries()].filter(([key]) => !TRACKING_PARAM.test(key));
    params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const query = new URLSearchParams(params).toString();
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    return `${host}${url.port ? `:${url.port}` : ''}${path}${query ? `?${query}` : ''}`;
  } catch {
    return link.trim().toLowerCase();
  }
}

/** Words too common in headlines to say two of them tell the same story. */
const STOPWORDS = new Set(
  ('a an and are as at be by for from has have how in into is it its of on or over says the their this to up was ' +
    'were what who why will with after amid as new more than about not but out off after before live latest')
    .split(' '),
);

/** Content tokens of a title, plural "s" folded so "rate" and "rates" match. */
export function titleTokens(title: string): Set<string> {
  const tokens = normaliseTitle(title)
    .split(' ')
    .filter((token) => token && !STOPWORDS.has(token))
    .map((token) => (token.length > 3 && token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token));
  return new Set(tokens);
}

/** |A ∩ B| / |A ∪ B|; two empty sets are not similar. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  return shared / (a.size + b.size - shared);
}
