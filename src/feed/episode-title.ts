/**
 * Episode titles a podcast app can tell apart: "<Show>: <day> – <lead story>".
 * The date keeps the back catalogue readable, the lead story separates several
 * editions of one day, and a repeat of the same title on the same day gets
 * "(edition N)", since apps list episodes by title alone.
 */
const LEAD_MAX_CHARS = 70;

/** "Saturday, 28 November 2026" for an ISO day. */
export function titleDay(isoDay: string): string {
  return new Date(`${isoDay}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function episodeTitle(showTitle: string, isoDay: string, leadStory?: string): string {
  const lead = leadStory ? shorten(leadStory.replace(/\s+/g, ' ').trim()) : '';
  return `${showTitle}: ${titleDay(isoDay)}${lead ? ` – ${lead}` : ''}`;
}

/** `title`, or "title (edition N)" when earlier episodes of the same day already use it. */
export function distinctTitle(title: string, sameDayTitles: string[]): string {
  const taken = new Set(sameDayTitles);
  if (!taken.has(title)) return title;
  let edition = 2;
  while (taken.has(`${title} (edition ${edition})`)) edition += 1;
  return `${title} (edition ${edition})`;
}

function shorten(text: string): string {
  if (text.length <= LEAD_MAX_CHARS) return text;
  const cut = text.slice(0, LEAD_MAX_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > LEAD_MAX_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}
