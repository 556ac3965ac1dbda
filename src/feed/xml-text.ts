/**
 * Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates,
 * U+FFFE/U+FFFF): escaping does not help, so they are dropped before text
 * reaches the feed. Scraped headlines do contain them.
 */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text: string): string {
  return text.replace(INVALID_XML, '');
}

/**
 * feedsmith pretty-prints, which puts line breaks and indentation around CDATA
 * sections, and parsers that keep whitespace (xml2js, used by rss-parser) then
 * hand apps titles starting with a newline. CDATA sections are opaque here:
 * only the indentation between a tag and a CDATA section is removed.
 */
export function tightenCdata(xml: string): string {
  const parts = xml.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/);
  return parts
    .map((part, index) => {
      if (index % 2 === 1) return part;
      let markup = part;
      if (index + 1 < parts.length) markup = markup.replace(/>\s+$/, '>');
      if (index > 0) markup = markup.replace(/^\s+<\//, '</');
      return markup;
    })
    .join('');
}

/**
 * feedsmith writes itunes:explicit as "yes"/"no"; Apple documents "true"/"false",
 * the W3C validator rejects anything else and feedparser reads "no" as unknown.
 * Only markup outside CDATA is rewritten, so a headline quoting the tag is left alone.
 */
export function explicitAsTrueFalse(xml: string): string {
  return xml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, index) =>
      index % 2 === 1 ? part : part.replace(/<itunes:explicit>(yes|no)<\/itunes:explicit>/g, (_, value: string) => `<itunes:explicit>${value === 'yes'}</itunes:explicit>`),
    )
    .join('');
}
