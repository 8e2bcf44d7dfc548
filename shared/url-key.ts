/**
 * A shop URL reduced to what identifies the shop: host without `www.`, lower case, and the path
 * without a trailing slash; scheme, query and fragment dropped. `https://WWW.Shopee.vn/shop-abc/?x=1`
 * → `shopee.vn/shop-abc`. Undefined when it is not a URL, or its path does not decode to storable text.
 */
/** A path's escapes decoded; a stray `%` (`/50%-off`) that is no escape leaves the path as it came. */
function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

export function urlKey(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
    const path = decodedPath(parsed.pathname).replace(/\/+$/, '').toLowerCase();
    // `%00` decodes to a NUL, which PostgreSQL cannot store (issue #15): no key, and the schemas refuse the URL.
    // eslint-disable-next-line no-control-regex -- matching NUL is the point
    if (/[\u0000]/.test(path)) return undefined;
    return `${host}${path}`;
  } catch {
    return undefined;
  }
}

/**
 * A seller handle reduced to what identifies the seller (issue #14): no diacritics, lower case, only
 * letters and digits, a leading +84 read as 0. `Zalo 0912.345.678` and `zalo +84 912 345 678` →
 * `zalo0912345678`. Undefined when nothing is left.
 */
export function sellerKey(handle: string): string | undefined {
  const folded = handle
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\+84(?=[\s.-]*\d)/g, '0')
    .replace(/[^a-z0-9]/g, '');
  return folded || undefined;
}
