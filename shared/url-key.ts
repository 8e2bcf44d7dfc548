/**
 * A shop URL reduced to what identifies the shop: host without `www.`, lower case, and the path
 * without a trailing slash; scheme, query and fragment dropped. `https://WWW.Shopee.vn/shop-abc/?x=1`
 * → `shopee.vn/shop-abc`. Undefined when it is not a URL, or its path does not decode to storable text.
 */
export function urlKey(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
    const path = decodeURIComponent(parsed.pathname).replace(/\/+$/, '').toLowerCase();
    // `%00` decodes to a NUL, which PostgreSQL cannot store (issue #15): no key, and the schemas refuse the URL.
    // eslint-disable-next-line no-control-regex -- matching NUL is the point
    if (/[\u0000]/.test(path)) return undefined;
    return `${host}${path}`;
  } catch {
    return undefined;
  }
}
