/** BCP 47 tags, kept apart from the detector so the main thread can read tags without loading tinyld. */

/** The primary subtag of a BCP 47 tag, lower-cased ("en-GB" -> "en"). */
export function primaryLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}
