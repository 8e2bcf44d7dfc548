import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Hashed build files never change under their name: a year, and no revalidation. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built client (issue #14). Vite writes a Brotli and a gzip copy beside every text file
 * (vite.config.mts, `precompress`); express-static-gzip sends the one the browser accepts, with
 * `Content-Encoding` and `Vary: Accept-Encoding`, or the plain file. Hashed files under /assets are
 * cached for a year; everything else (index.html, sw.js, favicon) with `no-cache`, so a new release
 * and a new service worker are seen on the next visit. Any other GET is a client route: it answers
 * index.html, compressed the same way. The compressed copies are found when the app is created, so a
 * client rebuilt under a running server is served uncompressed until the restart.
 */
export function clientRoutes(distDir: string): RequestHandler[] {
  const indexFile = path.join(distDir, 'index.html');
  const assetsDir = `${path.sep}assets${path.sep}`;
  const files = expressStaticGzip(distDir, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      index: false,
      setHeaders: (res, filePath) => {
        res.setHeader('Cache-Control', filePath.includes(assetsDir) ? IMMUTABLE : 'no-cache');
      },
    },
  });
  const fallback: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!existsSync(indexFile)) {
      res.status(503).type('text/plain').send('The client is not built: run `npm run build`.');
      return;
    }
    // A missing hashed file is a 404, not the page: a stale tab would otherwise run HTML as a script.
    if (req.path.startsWith('/assets/')) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    req.url = '/index.html';
    files(req, res, next);
  };
  return [files, fallback];
}
