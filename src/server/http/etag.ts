/** Conditional requests: the one place that reads If-None-Match. */

/** Whether If-None-Match names this ETag (a list, `*`, and weak forms compare as RFC 9110 says). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}
