import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CITIZEN_PAGES, pageFiles, type BuildManifest } from '../../client/build/citizen-path';
import { CLIENT_DIST_DIR } from '../../server/paths';

/** Vite's manifest of the last build (client/dist/.vite/manifest.json). */
export function readBuildManifest(): BuildManifest {
  return JSON.parse(readFileSync(path.join(CLIENT_DIST_DIR, '.vite', 'manifest.json'), 'utf8')) as BuildManifest;
}

export interface PageBytes {
  page: string;
  files: string[];
  raw: number;
  brotli: number;
  gzip: number;
}

const sizeOf = (file: string): number => statSync(file).size;
/** A file too small to gain from compression has no .br/.gz: it is sent as it is. */
const compressedSize = (file: string, ext: string): number =>
  existsSync(`${file}.${ext}`) ? sizeOf(`${file}.${ext}`) : sizeOf(file);

/** JavaScript and CSS a first visit to each citizen page downloads, plain and as the build compressed it. */
export function citizenPageBytes(manifest = readBuildManifest()): PageBytes[] {
  return CITIZEN_PAGES.map(({ page, source }) => {
    const files = pageFiles(manifest, source);
    const full = files.map((file) => path.join(CLIENT_DIST_DIR, file));
    const sum = (size: (file: string) => number) => full.reduce((total, file) => total + size(file), 0);
    return {
      page,
      files,
      raw: sum(sizeOf),
      brotli: sum((f) => compressedSize(f, 'br')),
      gzip: sum((f) => compressedSize(f, 'gz')),
    };
  });
}

/** Regular-expression literals (as in the generated, minified sw.js) turned back into RegExps. */
function regexList(source: string): RegExp[] {
  return new Function(`return [${source}];`)() as RegExp[];
}

/**
 * What the generated service worker (client/dist/sw.js, Workbox) does, read from its code: the
 * files it precaches, which navigations it answers from the cache (Workbox's NavigationRoute: the
 * denylist first, then the allowlist, on path + query) and which API paths it caches at run time.
 */
export function serviceWorkerConfig(): {
  precached: string[];
  servesNavigation: (pathAndQuery: string) => boolean;
  cachesApi: (pathname: string) => boolean;
} {
  const sw = readFileSync(path.join(CLIENT_DIST_DIR, 'sw.js'), 'utf8');
  const lists = /allowlist:\[(.*?)\],denylist:\[(.*?)\]\}/.exec(sw);
  if (!lists) throw new Error('sw.js has no navigation route with an allowlist and a denylist');
  const allow = regexList(lists[1]!);
  const deny = regexList(lists[2]!);
  const precached = [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]!);
  const apiRoutes = [...sw.matchAll(/&&(\/\^\\\/api[^\s,]*?\/)\.test\(/g)].flatMap((m) => regexList(m[1]!));
  return {
    precached,
    servesNavigation: (url) => !deny.some((re) => re.test(url)) && allow.some((re) => re.test(url)),
    cachesApi: (pathname) => apiRoutes.some((re) => re.test(pathname)),
  };
}
