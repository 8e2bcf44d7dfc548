/**
 * A shop URL reduced to what identifies the shop: host without `www.`, lower case, and the path
 * without a trailing slash; scheme, query and fragment dropped. `https://WWW.Shopee.vn/shop-abc/?x=1`
 * → `shopee.vn/shop-abc`. Undefined when it is not a URL.
 */
export function urlKey(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
    const path = decodeURIComponent(parsed.pathname).replace(/\/+$/, '').toLowerCase();
    return `${host}${path}`;
  } catch {
    return undefined;
  }
}
