import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { PROJECT_ROOT } from '../../server/paths';
import { noisyJpeg, phoneJpeg } from '../helpers/images';
import { adminQuery, TEST_DEMO_PASSWORD, withDatabase } from '../helpers/test-db';

/**
 * Issue #19, "Done when": two `server/main.ts` processes on one PostgreSQL database, one Redis
 * (database 13, helper K's, flushed first) and one UPLOAD_DIR, behind a small round-robin proxy
 * (per request, as nginx's default upstream does; it passes a connection refused on to the other
 * process, as nginx's `proxy_next_upstream error` does). Needs a PostgreSQL server (DATABASE_URL).
 */
const onServer = process.env.DATABASE_URL ? describe : describe.skip;
if (!process.env.DATABASE_URL)
  // PGlite is one process's database (the data directory is locked): two processes cannot share it.
  console.info(
    'two-processes.test.ts: two server processes on one database need DATABASE_URL (a PostgreSQL server); skipped',
  );

jest.setTimeout(90_000);

const REDIS_URL = 'redis://127.0.0.1:6379/13';
/** Ends the description of each of the 20 reports sent while a process is killed. */
const MARK = ', gửi trong lúc một máy chủ bị tắt.';
const PORTS = [43_000 + (process.pid % 1000) * 2, 43_001 + (process.pid % 1000) * 2] as const;
const NAMES = ['A', 'B'] as const;

interface Running {
  name: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(index: 0 | 1, env: Record<string, string>): Running {
  // `node --import tsx`, not the tsx command: that runs the server in a child of its own, which a SIGKILL would miss.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(PORTS[index]), ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { name: NAMES[index], port: PORTS[index], child, output: () => output, exited };
}

async function waitFor(check: () => boolean, what: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Proxy {
  url: string;
  /** Requests sent to each backend whose answer has not begun. */
  inFlight: Record<string, number>;
  close(): Promise<void>;
}

/**
 * Round-robin HTTP proxy: each request to the next backend in turn; `X-Test-Backend` in the answer
 * names the process that answered. Bodies are read whole first, so a refused connection can be
 * tried on the other backend; a backend that fails mid-request gives 502.
 */
async function startProxy(backends: { name: string; port: number }[]): Promise<Proxy> {
  let next = 0;
  const inFlight: Record<string, number> = Object.fromEntries(backends.map((b) => [b.name, 0]));
  const forward = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, tries: number): void => {
    const backend = backends[next++ % backends.length]!;
    inFlight[backend.name]! += 1;
    let done = false;
    const finish = () => {
      if (!done) inFlight[backend.name]! -= 1;
      done = true;
    };
    const upstream = http.request(
      { host: '127.0.0.1', port: backend.port, method: req.method, path: req.url, headers: req.headers, agent: false },
      (answer) => {
        finish();
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-test-backend': backend.name });
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      finish();
      if (err.code === 'ECONNREFUSED' && tries < backends.length) return forward(req, res, body, tries + 1);
      if (!res.headersSent) res.writeHead(502, { 'x-test-backend': backend.name }).end();
      else res.destroy();
    });
    upstream.end(body);
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    inFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const report = {
  category: 'counterfeit',
  placeType: 'market',
  provinceCode: '04',
  communeCode: '01447',
  address: 'Chợ Trà Lĩnh, gian hàng số 12',
  observedAt: new Date(Date.now() - 3_600_000).toISOString(),
  description: 'Bán nước hoa giả nhãn hiệu nổi tiếng, giá rẻ bất thường, không có hóa đơn.',
};

/** A report with photos as the citizen client sends it: multipart, with an Idempotency-Key. */
function reportForm(description: string, photos: Buffer[]): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...report, description })) form.append(k, v);
  photos.forEach((p, i) => form.append('photos', new Blob([p], { type: 'image/jpeg' }), `${i}.jpg`));
  return form;
}

onServer('two server processes on one database, one Redis and one UPLOAD_DIR (issue #19)', () => {
  const dbName = `tipline_cluster_${randomBytes(6).toString('hex')}`;
  const dbUrl = process.env.DATABASE_URL ? withDatabase(process.env.DATABASE_URL, dbName) : '';
  let dir: string;
  let redis: Redis;
  let pg: Client;
  let proxy: Proxy;
  const servers: Running[] = [];
  let photo: Buffer;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tipline-cluster-'));
    redis = new Redis(REDIS_URL);
    await redis.flushdb();
    await adminQuery(`create database ${dbName}`);
    env = {
      DATABASE_URL: dbUrl,
      REDIS_URL,
      UPLOAD_DIR: path.join(dir, 'uploads'),
      DATA_DIR: path.join(dir, 'data'),
      SESSION_SECRET: randomBytes(32).toString('hex'),
      CONTACT_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      DEMO_PASSWORD: TEST_DEMO_PASSWORD,
      DEMO_REPORTS: '0',
      // The proxy passes the test's X-Forwarded-For on, as nginx sets it: one client per address.
      TRUST_PROXY_HOPS: '1',
      // The 20 reports in flight and the one after come from one client.
      RATE_LIMIT_REPORTS_MAX: '100',
      LOG_LEVEL: 'warn',
    };
    photo = await phoneJpeg(800, 600);
    // The first migrates and loads the demo units; the second starts on a ready database.
    servers.push(startServer(0, env));
    await waitFor(() => servers[0]!.output().includes('Tipline 389 is running at'), 'process A', 60_000);
    servers.push(startServer(1, env));
    await waitFor(() => servers[1]!.output().includes('Tipline 389 is running at'), 'process B', 30_000);
    proxy = await startProxy(servers);
    pg = new Client({ connectionString: dbUrl });
    await pg.connect();
  }, 85_000);

  afterAll(async () => {
    for (const s of servers) s.child.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.exited));
    await proxy?.close();
    await pg?.end();
    await redis?.quit();
    await adminQuery(`drop database if exists ${dbName} with (force)`);
    rmSync(dir, { recursive: true, force: true });
  });

  const track = (client: string, body: object) =>
    fetch(`${proxy.url}/api/public/track`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': client },
      body: JSON.stringify(body),
    });

  it('refuses the 21st tracking request of one client in a window, whichever process answers', async () => {
    const answered = new Set<string>();
    for (let i = 0; i < 20; i += 1) {
      const res = await track('203.0.113.21', {
        trackingCode: `389-ZZZZ-ZZ${String(i).padStart(2, '0')}`,
        secret: 'AAAA-BBBB-CCCC-DDDD',
      });
      expect(res.status).toBe(404);
      answered.add(res.headers.get('x-test-backend') ?? '');
    }
    expect([...answered].sort()).toEqual(['A', 'B']);
    // The 21st and the 22nd: one to each process.
    const refusedBy = new Set<string>();
    for (let i = 0; i < 2; i += 1) {
      const res = await track('203.0.113.21', { trackingCode: '389-ZZZZ-ZY00', secret: 'AAAA-BBBB-CCCC-DDDD' });
      expect(res.status).toBe(429);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
      refusedBy.add(res.headers.get('x-test-backend') ?? '');
    }
    expect([...refusedBy].sort()).toEqual(['A', 'B']);
  });

  it("holds a tracking code's wrong-secret lock on both processes", async () => {
    const made = await fetch(`${proxy.url}/api/public/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.30' },
      body: JSON.stringify(report),
    });
    expect(made.status).toBe(201);
    const { trackingCode, secret } = (await made.json()) as { trackingCode: string; secret: string };
    const receipt = { trackingCode, secret };
    // Five wrong secrets from five clients (no rate limit is reached), alternating between the processes.
    for (let i = 0; i < 5; i += 1) {
      const res = await track(`203.0.113.${40 + i}`, { ...receipt, secret: 'AAAA-BBBB-CCCC-DDDD' });
      expect(res.status).toBe(404);
    }
    const lockedBy = new Set<string>();
    for (let i = 0; i < 2; i += 1) {
      // The right secret, from a fresh client: still locked.
      const res = await track('203.0.113.50', receipt);
      expect(res.status).toBe(429);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('report.too_many_attempts');
      lockedBy.add(res.headers.get('x-test-backend') ?? '');
    }
    expect([...lockedBy].sort()).toEqual(['A', 'B']);
  });

  it('serves through one process a photo stored through the other, to a session made on the first', async () => {
    const [a, b] = servers as [Running, Running];
    const made = await fetch(`http://127.0.0.1:${b.port}/api/public/reports`, {
      method: 'POST',
      headers: { 'X-Forwarded-For': '203.0.113.60' },
      body: reportForm(report.description, [photo]),
    });
    expect(made.status).toBe(201);
    const { trackingCode } = (await made.json()) as { trackingCode: string };
    const {
      rows: [stored],
    } = await pg.query<{ id: string; bytes: number }>(
      'select p.id, p.bytes from report_photos p join reports r on r.id = p.report_id where r.tracking_code = $1',
      [trackingCode],
    );
    expect(stored).toBeDefined();

    const signIn = await fetch(`http://127.0.0.1:${a.port}/api/staff/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.61' },
      body: JSON.stringify({ username: 'coordinator', password: TEST_DEMO_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^tipline_staff=./);

    // The session made on A works on B…
    const session = await fetch(`http://127.0.0.1:${b.port}/api/staff/session`, { headers: { Cookie: cookie } });
    expect(session.status).toBe(200);
    // …and A serves the photo stored through B (one UPLOAD_DIR).
    const served = await fetch(`http://127.0.0.1:${a.port}/api/staff/photos/${stored!.id}`, {
      headers: { Cookie: cookie },
    });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect((await served.arrayBuffer()).byteLength).toBe(stored!.bytes);
  });

  it('SIGKILL of one process with 20 reports with photos in flight: every 201 is whole, audit:verify passes, the other serves on', async () => {
    const [a, b] = servers as [Running, Running];
    // Photos that take the server a while to re-encode: the kill lands while A is still at work.
    const photos = [await noisyJpeg(2400, 1800), await noisyJpeg(2000, 1500)];
    let firstAnswer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (firstAnswer = resolve));
    const sent = Array.from({ length: 20 }, (_, i) => {
      const description = `${report.description} Lần gửi ${i + 1}${MARK}`;
      return fetch(`${proxy.url}/api/public/reports`, {
        method: 'POST',
        headers: { 'X-Forwarded-For': '203.0.113.70', 'Idempotency-Key': randomUUID() },
        body: reportForm(description, photos),
      })
        .then(async (res) => {
          if (res.headers.get('x-test-backend') === 'A') firstAnswer();
          return {
            description,
            status: res.status,
            backend: res.headers.get('x-test-backend'),
            body: res.status === 201 ? ((await res.json()) as { trackingCode: string }) : undefined,
          };
        })
        .catch(() => ({ description, status: 0, backend: null, body: undefined }));
    });
    // Killed once A has answered one of the 20: it still has others under way.
    await Promise.race([answered, new Promise((r) => setTimeout(r, 3_000))]);
    const killedWith = proxy.inFlight.A ?? 0;
    a.child.kill('SIGKILL');
    const results = await Promise.all(sent);
    expect(killedWith).toBeGreaterThan(0);

    const created = results.filter((r) => r.status === 201);
    const cut = results.filter((r) => r.status !== 201);
    expect(cut.length).toBeGreaterThan(0);
    // Those not answered were cut by the kill (502 from the proxy), none refused by the other process.
    for (const r of cut) expect(r.status).toBe(502);
    expect(created.length).toBeGreaterThan(0);

    // Every report stored, answered or not (A may have committed one and died before its 201), is whole;
    // those that got a 201 have their photos in photos/, the others there or still in pending/ (the next
    // start settles them).
    const { rows: stored } = await pg.query<{
      id: string;
      tracking_code: string;
      description: string;
      lead_unit_id: string | null;
      decision: string | null;
    }>(
      `select r.id, r.tracking_code, r.description, r.lead_unit_id, d.id as decision
         from reports r left join routing_decisions d on d.id = r.routing_decision_id
        where r.description like $1`,
      [`%${MARK}`],
    );
    expect(stored.length).toBeGreaterThanOrEqual(created.length);
    expect(stored.length).toBeLessThanOrEqual(20);
    for (const r of created) {
      expect(stored.find((s) => s.tracking_code === r.body!.trackingCode)?.description).toBe(r.description);
    }
    const createdCodes = new Set(created.map((r) => r.body!.trackingCode));
    const inDir = (name: string) =>
      ['photos', 'pending'].map((sub) => path.join(env.UPLOAD_DIR!, sub, name)).find((file) => existsSync(file));
    for (const row of stored) {
      expect(row.lead_unit_id).not.toBeNull();
      expect(row.decision).not.toBeNull();
      const { rows: files } = await pg.query<{ file_name: string; thumb_name: string; bytes: number }>(
        'select file_name, thumb_name, bytes from report_photos where report_id = $1',
        [row.id],
      );
      expect(files).toHaveLength(2);
      for (const f of files) {
        const file = createdCodes.has(row.tracking_code)
          ? path.join(env.UPLOAD_DIR!, 'photos', f.file_name)
          : inDir(f.file_name);
        expect(file).toBeDefined();
        expect(statSync(file!).size).toBe(f.bytes);
        const thumb = createdCodes.has(row.tracking_code)
          ? path.join(env.UPLOAD_DIR!, 'photos', f.thumb_name)
          : inDir(f.thumb_name);
        expect(statSync(thumb!).size).toBeGreaterThan(0);
      }
      const { rows: events } = await pg.query<{ seq: number; prev_hash: string | null; hash: string | null }>(
        'select seq, prev_hash, hash from report_events where report_id = $1 order by seq',
        [row.id],
      );
      expect(events.length).toBeGreaterThan(0);
      events.forEach((e, i) => {
        expect(e.seq).toBe(i + 1);
        expect(e.hash).toBeTruthy();
        if (i > 0) expect(e.prev_hash).toBe(events[i - 1]!.hash);
      });
    }

    const verify = spawn(
      process.execPath,
      [path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'server/cases/audit-verify-command.ts'],
      { cwd: PROJECT_ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } },
    );
    let verifyOutput = '';
    verify.stdout.on('data', (c: Buffer) => (verifyOutput += c.toString()));
    verify.stderr.on('data', (c: Buffer) => (verifyOutput += c.toString()));
    const verified = await new Promise<number | null>((resolve) => verify.on('exit', resolve));
    expect(verifyOutput).toMatch(/\d+ reports, \d+ events checked: every chain is whole/);
    expect(verified).toBe(0);

    // B keeps serving, through the proxy too (which passes A's refused connections on to it).
    for (const url of [`http://127.0.0.1:${b.port}`, proxy.url]) {
      const fresh = await fetch(`${url}/api/public/reports`, {
        method: 'POST',
        headers: { 'X-Forwarded-For': '203.0.113.71', 'Idempotency-Key': randomUUID() },
        body: reportForm(report.description, [photo]),
      });
      expect(fresh.status).toBe(201);
    }
    console.info(
      `two-processes: A killed with ${killedWith} request(s) in flight; ${created.length} of 20 got 201 (${created.filter((r) => r.backend === 'A').length} from A), ${cut.length} cut; ${stored.length} stored, all whole`,
    );
  });
});
