/**
 * What a citizen's browser downloads for the public pages (issue #14), read from Vite's build
 * manifest (client/dist/.vite/manifest.json): the entry (index.html) and the pages `/`, `/report`,
 * `/track` with every chunk they import statically and the CSS of each. The public statistics page
 * keeps its charts in a chunk of its own and is left out, as is the staff area.
 * Pure (no file access): the Vite config (service-worker precache), the tests and bench/field use it.
 */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type BuildManifest = Record<string, ManifestChunk>;

/** The citizen pages and the manifest key (source path relative to client/) the router loads for each. */
export const CITIZEN_PAGES = [
  { page: '/', source: 'pages/home/HomePage.tsx' },
  { page: '/report', source: 'pages/report/ReportPage.tsx' },
  { page: '/track', source: 'pages/track/TrackPage.tsx' },
] as const;

/**
 * Every public page: the citizen pages and the public figures, whose charts are too heavy for the
 * citizen budget but which the service worker keeps too (after a release, the first visit is answered
 * by the previous service worker with the previous index.html: every chunk it may ask for must be
 * in its cache, the server no longer has them).
 */
export const PUBLIC_PAGES = [...CITIZEN_PAGES, { page: '/stats', source: 'pages/stats/PublicStatsPage.tsx' }] as const;

/**
 * The output files (relative to client/dist), JS and CSS, that the entry and the given pages need: their static
 * imports and CSS, and with `lazyToo` what they load later by `import()` as well. The entry's own dynamic imports
 * are the router's pages, staff area included: they are never followed (each page is walked by name).
 */
function filesOf(manifest: BuildManifest, sources: readonly string[], lazyToo: boolean): string[] {
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('the build manifest has no entry');
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest has no chunk ${key}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
    if (lazyToo && key !== entry) for (const imported of chunk.dynamicImports ?? []) visit(imported);
  };
  visit(entry);
  for (const source of sources) visit(source);
  return [...files].filter((file) => file.endsWith('.js') || file.endsWith('.css')).sort();
}

/** The output files that a first visit to one page downloads. */
export function pageFiles(manifest: BuildManifest, source: string): string[] {
  return filesOf(manifest, [source], false);
}

/** Every output file of the given pages together (by default the three citizen pages), sorted. */
export function citizenPathFiles(
  manifest: BuildManifest,
  pages: readonly { source: string }[] = CITIZEN_PAGES,
): string[] {
  return [...new Set(pages.flatMap(({ source }) => pageFiles(manifest, source)))].sort();
}

/**
 * What the service worker precaches for the given pages (by default every public page): their first-visit files
 * and what they load later by `import()` (issue #17 review): the English dictionary, the province hotlines and
 * picker. Larger than the citizen budget's `citizenPathFiles`, which counts only what a first visit downloads.
 */
export function precachedPageFiles(
  manifest: BuildManifest,
  pages: readonly { source: string }[] = PUBLIC_PAGES,
): string[] {
  return filesOf(
    manifest,
    pages.map(({ source }) => source),
    true,
  );
}
