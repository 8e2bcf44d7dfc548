import { once } from 'node:events';
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import request from 'supertest';
import { CLIENT_DIST_DIR } from '../../server/paths';
import { citizenPageBytes, readBuildManifest, serviceWorkerConfig } from '../helpers/client-bundle';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let server: http.Server;
beforeAll(async () => {
  t = await createTestApp();
  server = t.app.listen(0, '127.0.0.1');
  await once(server, 'listening');
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

/** A GET whose body is kept as sent on the wire (supertest decodes gzip and Brotli itself). */
function raw(
  url: string,
  acceptEncoding: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

const decoders: Record<string, (body: Buffer) => Buffer> = {
  br: (body) => zlib.brotliDecompressSync(body),
  gzip: (body) => zlib.gunzipSync(body),
  identity: (body) => body,
};

describe('the built client is served with a fallback to its index', () => {
  it.each(['/', '/report', '/staff/reference', '/no/such/page'])(
    'GET %s answers the client index page',
    async (url) => {
      const res = await request(t.app).get(url);
      expect(res.status).toBe(200);
      expect(res.type).toBe('text/html');
      expect(res.text).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
    },
  );

  it('serves hashed assets with a long cache, and never the index in place of an API answer', async () => {
    const asset = readdirSync(path.join(CLIENT_DIST_DIR, 'assets')).find((f) => f.endsWith('.js'));
    const res = await request(t.app).get(`/assets/${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const api = await request(t.app).get('/api/public/unknown');
    expect(api.type).toBe('application/json');
  });

  it('answers 404 for a hashed file that does not exist, not the page (a stale tab would run HTML as a script)', async () => {
    const res = await request(t.app).get('/assets/index-gone1234.js');
    expect(res.status).toBe(404);
    expect(res.type).toBe('text/plain');
  });

  it('refuses non-GET requests to client paths with the JSON 404', async () => {
    const res = await request(t.app).post('/staff/reference').send({});
    expect(res.status).toBe(404);
  });
});

describe('issue #14: compressed at build time, sent in the encoding the browser accepts', () => {
  it.each([
    ['br, gzip, deflate', 'br'],
    ['gzip, deflate', 'gzip'],
    ['identity', 'identity'],
  ])(
    'the first HTML with Accept-Encoding "%s" comes as %s and already shows the hotlines and the way to report',
    async (accept, encoding) => {
      for (const url of ['/', '/report', '/track?code=X']) {
        const res = await raw(url, accept);
        expect(res.status).toBe(200);
        expect(res.headers['content-encoding'] ?? 'identity').toBe(encoding);
        expect(res.headers['vary']).toContain('Accept-Encoding');
        expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8$/i);
        expect(res.headers['cache-control']).toBe('no-cache');
        const html = decoders[encoding]!(res.body).toString('utf8');
        expect(html).toContain('Báo tin buôn lậu, hàng giả, gian lận thương mại');
        expect(html).toContain('href="tel:0981389389"');
        expect(html).toContain('href="tel:0961389389"');
        expect(html).toMatch(/<a class="button button--primary button--large" href="\/report">Gửi tin báo<\/a>/);
        if (encoding !== 'identity') expect(res.body.length).toBeLessThan(html.length / 2);
      }
    },
  );

  it('serves each hashed script and style in Brotli with its type and the year-long immutable cache', async () => {
    const manifest = readBuildManifest();
    const entry = Object.values(manifest).find((chunk) => chunk.isEntry)!;
    for (const file of [entry.file, ...(entry.css ?? [])]) {
      const res = await raw(`/${file}`, 'gzip, deflate, br');
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['vary']).toContain('Accept-Encoding');
      expect(res.headers['content-type']).toMatch(
        file.endsWith('.css') ? /^text\/css/ : /^(text|application)\/javascript/,
      );
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(zlib.brotliDecompressSync(res.body).equals(readFileSync(path.join(CLIENT_DIST_DIR, file)))).toBe(true);
    }
  });

  it('lets the first HTML ask for the chunks of the citizen page being opened beside the entry, not after it', async () => {
    const html = (await request(t.app).get('/report')).text;
    const src = /<script src="(\/assets\/route-preload-[\w-]+\.js)" async><\/script>/.exec(html)?.[1];
    expect(src).toBeDefined();
    const res = await request(t.app).get(src!);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const script = res.text;
    const manifest = readBuildManifest();
    for (const [page, source] of [
      ['/report', 'pages/report/ReportPage.tsx'],
      ['/track', 'pages/track/TrackPage.tsx'],
      ['/', 'pages/home/HomePage.tsx'],
      ['/stats', 'pages/stats/PublicStatsPage.tsx'],
    ] as const) {
      expect(script).toContain(`"${page}":[`);
      expect(script).toContain(`/${manifest[source]!.file}`);
    }
    expect(script).not.toMatch(/StaffLayout|Intake|DashboardPage|CasePage|Queue/);
  });

  it('keeps each citizen page (/, /report, /track) within 170 KB of compressed JavaScript and CSS, React included, without staff or chart code', () => {
    const pages = citizenPageBytes();
    for (const page of pages) {
      expect(page.brotli).toBeLessThanOrEqual(170 * 1024);
      expect(page.files.join(' ')).not.toMatch(
        /StaffLayout|Intake|Dashboard|Cases|Queue|Rules|Units|Accounts|BarChart|recharts|PublicStats/i,
      );
    }
    expect(pages.map((p) => p.page)).toEqual(['/', '/report', '/track']);
  });
});

describe('issue #14: the service worker for the public pages', () => {
  it('is served from /sw.js, compressed, never cached by HTTP (a new release is seen on the next visit)', async () => {
    const res = await raw('/sw.js', 'br');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(res.body).toString()).toContain('precache');
  });

  it('answers navigations to the public pages from its cache and never the staff area or the API', () => {
    const sw = serviceWorkerConfig();
    for (const url of [
      '/',
      '/?lang=en',
      '/report',
      '/track',
      '/track?code=TB-ABC',
      '/stats',
      '/stats?from=2026-01-01',
    ]) {
      expect([url, sw.servesNavigation(url)]).toEqual([url, true]);
    }
    for (const url of [
      '/staff',
      '/staff/',
      '/staff/cases/TB-ABC',
      '/staff/dashboard?x=1',
      '/api/public/meta',
      '/report/../staff',
      '/no/such/page',
    ]) {
      expect([url, sw.servesNavigation(url)]).toEqual([url, false]);
    }
  });

  it('precaches the shell and the public pages (the figures too), never the staff area, and keeps no API answer except provinces and communes', () => {
    const sw = serviceWorkerConfig();
    const citizen = citizenPageBytes().flatMap((page) => page.files);
    const stats = readBuildManifest()['pages/stats/PublicStatsPage.tsx']!.file;
    expect(sw.precached).toEqual(expect.arrayContaining(['index.html', stats, ...citizen]));
    expect(sw.precached.some((url) => url.startsWith('assets/route-preload-'))).toBe(true);
    // What the public pages load later by import() (issue #17 review): offline, or after a release removed the
    // previous build's chunks, a switch to English or the hotlines below the receipt must still come.
    const manifest = readBuildManifest();
    for (const lazy of ['../shared/i18n/en.ts', 'ui/ProvinceHotlines.tsx', 'pages/home/ProvincePicker.tsx']) {
      expect([lazy, sw.precached.includes(manifest[lazy]!.file)]).toEqual([lazy, true]);
    }
    expect(sw.precached.some((url) => /^assets\/en-[\w-]+\.js$/.test(url))).toBe(true);
    expect(sw.precached.join(' ')).not.toMatch(
      /StaffLayout|Intake|DashboardPage|Queue|Rules|Units|Accounts|CasePage|Holidays|Reference/,
    );
    expect(sw.cachesApi('/api/public/provinces')).toBe(true);
    expect(sw.cachesApi('/api/public/provinces/04/communes')).toBe(true);
    for (const url of [
      '/api/public/reports',
      '/api/public/reports/TB-ABC',
      '/api/public/stats',
      '/api/staff/session',
      '/api/public/provinces/04/communes/x',
    ]) {
      expect([url, sw.cachesApi(url)]).toEqual([url, false]);
    }
  });
});
