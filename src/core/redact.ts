/** Query parameters that carry a credential; their values never reach a log line, record or error message. */
const SECRET_PARAMS = /^(?:key|api[-_]?key|apikey|token|access[-_]?token|auth|password|passwd|secret|signature|sig|x-amz-signature|x-amz-credential|x-amz-security-token)$/i;

/**
 * A URL (absolute, or a request path with a query) with `user:pass@` and the
 * values of credential-like query parameters replaced by "REDACTED". Text that
 * does not parse as a URL is returned with any `user:pass@` still removed.
 */
export function redactUrl(value: string): string {
  const withoutUserinfo = value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/i, '$1REDACTED@');
  const query = withoutUserinfo.indexOf('?');
  if (query < 0) return withoutUserinfo;
  const head = withoutUserinfo.slice(0, query + 1);
  const [params = '', fragment] = withoutUserinfo.slice(query + 1).split('#', 2);
  const redacted = params
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // A malformed name is compared as written.
      }
      return eq >= 0 && SECRET_PARAMS.test(decoded) ? `${name}=REDACTED` : pair;
    })
    .join('&');
  return `${head}${redacted}${fragment !== undefined ? `#${fragment}` : ''}`;
}

/** Every URL inside free text (an error message), redacted. */
export function redactUrlsIn(text: string): string {
  return text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, (url) => redactUrl(url));
}
