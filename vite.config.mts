import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rollup } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { PUBLIC_PAGES, precachedPageFiles, type BuildManifest } from './client/build/citizen-path.ts';

const api = 'http://127.0.0.1:3000';
const outDir = fileURLToPath(new URL('./client/dist', import.meta.url));

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;

/**
 * Issue #14: every text file of the build (index.html and sw.js included) gets a `.br` (Brotli
 * quality 11) and a `.gz` (gzip -9) beside it, made once here rather than on each request; the
 * server (server/http/static-client.ts) sends the one the browser accepts. Runs after the service
 * worker is written. Same input, same bytes: both encoders are deterministic.
 */
function precompress(): Plugin {
  return {
    name: 'tipline:precompress',
    apply: 'build',
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const files: string[] = [];
        const walk = (dir: string) => {
          for (const name of readdirSync(dir)) {
            const full = path.join(dir, name);
            if (statSync(full).isDirectory()) walk(full);
            else if (COMPRESSIBLE.test(name) && !name.startsWith('.')) files.push(full);
          }
        };
        walk(outDir);
        await Promise.all(
          files.map(async (file) => {
            const raw = readFileSync(file);
            const [br, gz] = await Promise.all([
              brotli(raw, {
                params: {
                  // Quality 11, the most: made once per build, and every byte counts on a 3G citizen's first
                  // visit (issue #16 brought /report to the 170 KB budget; 11 takes ~2 % off quality 10).
                  [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
                  [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
                },
              }),
              gzip(raw, { level: 9 }),
            ]);
            // A tiny file can grow when compressed: then only the original is served.
            if (br.length < raw.length) writeFileSync(`${file}.br`, br);
            if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
          }),
        );
      },
    },
  };
}

/**
 * Issue #14: without help, a page's own chunks are asked for only once the entry script has arrived
 * and run (a waterfall of about a second on a weak link). A tiny script, loaded `async` beside the
 * entry, adds `<link rel="modulepreload">` for the chunks of the public page being opened, so they
 * come down alongside the entry. A separate file because the CSP allows no inline script.
 */
function routePreload(): Plugin {
  let script: { fileName: string; source: string } | undefined;
  return {
    name: 'tipline:route-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return;
        const chunks = Object.values(ctx.bundle).filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const closure = (fileName: string, into = new Set<string>()): Set<string> => {
          if (into.has(fileName)) return into;
          into.add(fileName);
          for (const imported of byFile.get(fileName)?.imports ?? []) closure(imported, into);
          return into;
        };
        const entry = chunks.find((chunk) => chunk.isEntry);
        if (!entry) return;
        const withEntry = closure(entry.fileName);
        const routes: Record<string, string[]> = {};
        for (const { page, source } of PUBLIC_PAGES) {
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(`/client/${source}`));
          if (chunk)
            routes[page] = [...closure(chunk.fileName)]
              .filter((file) => !withEntry.has(file))
              .map((file) => `/${file}`);
        }
        const source = `(function(){var r=${JSON.stringify(routes)};var p=location.pathname;if(p.length>1&&p.charAt(p.length-1)==="/")p=p.slice(0,-1);(r[p]||[]).forEach(function(h){var l=document.createElement("link");l.rel="modulepreload";l.href=h;document.head.appendChild(l);});})();\n`;
        const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
        script = { fileName: `assets/route-preload-${hash}.js`, source };
        return [{ tag: 'script', attrs: { src: `/${script.fileName}`, async: true }, injectTo: 'head' }];
      },
    },
    writeBundle() {
      if (script) writeFileSync(path.join(outDir, script.fileName), script.source);
    },
  };
}

/**
 * The server and the tests load every language (shared/i18n/dictionaries.ts); the browser gets
 * client/lib/dictionaries.ts instead, which fetches English only when a reader switches to it, so a
 * Vietnamese citizen's first visit does not carry the English texts (~12 KB Brotli).
 */
function clientDictionaries(): Plugin {
  const shared = fileURLToPath(new URL('./shared/i18n/dictionaries.ts', import.meta.url));
  const client = fileURLToPath(new URL('./client/lib/dictionaries.ts', import.meta.url));
  return {
    name: 'tipline:client-dictionaries',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || source !== './dictionaries') return null;
      return path.resolve(path.dirname(importer), `${source}.ts`) === shared ? client : null;
    },
  };
}

/**
 * The files the service worker precaches: the shell and the public pages' code, with the chunks they load later
 * (the English dictionary, the province hotlines and picker), never the staff area's.
 */
function isPrecached(url: string): boolean {
  if (url === 'index.html' || url === 'favicon.svg' || url.startsWith('assets/route-preload-')) return true;
  const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as BuildManifest;
  return precachedPageFiles(manifest).includes(url);
}

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [
    clientDictionaries(),
    react(),
    routePreload(),
    VitePWA({
      // Registered by client/main.tsx, only from the public pages.
      injectRegister: false,
      registerType: 'prompt',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        manifestTransforms: [
          async (entries) => ({ manifest: entries.filter((entry) => isPrecached(entry.url)), warnings: [] }),
        ],
        inlineWorkboxRuntime: true,
        sourcemap: false,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        // Offline, a visit to a public page opens the cached shell; /staff and /api never come from it.
        navigateFallback: '/index.html',
        // Workbox tests these on path + query (/track?code=…).
        navigateFallbackAllowlist: [/^\/((report|track|stats)\/?)?(\?.*)?$/],
        navigateFallbackDenylist: [/^\/staff(\/|$)/, /^\/api(\/|$)/],
        runtimeCaching: [
          {
            // Reference data only (provinces and their communes): shown from the cache, refreshed behind.
            urlPattern: ({ url, request }) =>
              request.method === 'GET' && /^\/api\/public\/provinces(\/[^/]+\/communes)?$/.test(url.pathname),
            handler: 'StaleWhileRevalidate',
            options: { cacheName: 'reference-data', expiration: { maxEntries: 80, maxAgeSeconds: 30 * 24 * 3600 } },
          },
          {
            // Hashed files never change: a chunk loaded once (e.g. the public figures) is kept.
            urlPattern: ({ url }) => url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'assets', expiration: { maxEntries: 120 } },
          },
        ],
      },
    }),
    precompress(),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    // .vite/manifest.json: which files each page needs (client/build/citizen-path.ts); never served.
    manifest: true,
  },
  server: {
    proxy: { '/api': api, '/healthz': api, '/readyz': api },
  },
});
