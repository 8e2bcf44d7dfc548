import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { openDatabase } from '../../server/db/client';
import { queryRows } from '../../server/db/query-rows';
import { PROJECT_ROOT } from '../../server/paths';
import { MAX_PHOTO_BYTES } from '../../shared/schemas/report';

jest.setTimeout(180_000);

/**
 * Issue #19: SIGTERM while a 10 MB photo is being uploaded. The process stops being ready at once,
 * takes no new connection, lets the upload finish (201, the photo whole), then exits 0; past
 * SHUTDOWN_GRACE_SECONDS the upload is cut and nothing of it is kept.
 */
interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(dir: string, port: number, env: Record<string, string>): Running {
  const child = spawn(
    process.execPath,
    [path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'server/main.ts'],
    {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATA_DIR: path.join(dir, 'data'),
        UPLOAD_DIR: path.join(dir, 'uploads'),
        PORT: String(port),
        DEMO_REPORTS: '0',
        RATE_LIMIT_DISABLED: '1',
        ...env,
      },
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(check: () => boolean, what: string, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A photo of nearly 10 MB (the most a photo may weigh): noise does not compress. */
async function tenMegabytePhoto(): Promise<Buffer> {
  let height = 3000;
  for (;;) {
    const photo = await sharp({
      create: {
        width: 4000,
        height,
        channels: 3,
        background: '#6a7850',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .jpeg({ quality: 95 })
      .toBuffer();
    if (photo.length <= MAX_PHOTO_BYTES - 64 * 1024) return photo;
    height -= 150;
  }
}

/** A request sent up to, not including, the blank line that ends its headers: the connection is busy, not idle. */
function halfSentRequest(port: number, pathname: string) {
  const socket = net.connect(port, '127.0.0.1');
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  return {
    opened: new Promise<void>((resolve) => socket.once('connect', () => resolve())).then(() => {
      socket.write(`GET ${pathname} HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
    }),
    /** Sends the blank line; resolves with the whole answer once the server closed the connection. */
    async finish(): Promise<string> {
      socket.write('Connection: close\r\n\r\n');
      await closed;
      return answer;
    },
  };
}

/** POST of one photo as multipart, written in `chunks` pieces `gapMs` apart; `sent(fraction)` is called after each. */
function slowPhotoUpload(
  port: number,
  receipt: { trackingCode: string; secret: string },
  photo: Buffer,
  { chunks, gapMs }: { chunks: number; gapMs: number },
  sent: (fraction: number) => void,
): Promise<{ status: number; body: string } | { error: string }> {
  const boundary = `----tipline${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="secret"\r\n\r\n${receipt.secret}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.concat([head, photo, tail]);
  return new Promise((resolve) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/api/public/reports/${receipt.trackingCode}/photos`,
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': body.length },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', (err) => resolve({ error: err.message }));
    });
    req.on('error', (err) => resolve({ error: err.message }));
    void (async () => {
      const size = Math.ceil(body.length / chunks);
      for (let i = 0; i < chunks; i += 1) {
        if (req.destroyed) return;
        req.write(body.subarray(i * size, (i + 1) * size));
        sent((i + 1) / chunks);
        await sleep(gapMs);
      }
      req.end();
    })();
  });
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

async function submitReport(port: number): Promise<{ trackingCode: string; secret: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/public/reports`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(report),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { trackingCode: string; secret: string };
}

async function photosOf(dir: string, trackingCode: string) {
  const database = await openDatabase({ dataDir: path.join(dir, 'data') });
  try {
    return await queryRows<{ file_name: string; thumb_name: string; bytes: number }>(
      database.db,
      sql`select p.file_name, p.thumb_name, p.bytes from report_photos p join reports r on r.id = p.report_id
          where r.tracking_code = ${trackingCode}`,
    );
  } finally {
    await database.close();
  }
}

const PORT = 41_000 + (process.pid % 1000);

describe('SIGTERM with a 10 MB photo upload in flight (issue #19)', () => {
  let dir: string;
  let photo: Buffer;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tipline-drain-'));
    photo = await tenMegabytePhoto();
    expect(photo.length).toBeGreaterThan(9 * 1024 * 1024);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('turns /readyz 503 at once, finishes the upload with its 201 and the photo whole, then exits 0', async () => {
    const server = startServer(dir, PORT, { SHUTDOWN_GRACE_SECONDS: '60' });
    try {
      await waitFor(() => server.output().includes('Tipline 389 is running at'), 'the start');
      const receipt = await submitReport(PORT);
      const ready = await fetch(`http://127.0.0.1:${PORT}/readyz`);
      expect(ready.status).toBe(200);

      // A balancer's probe on a connection it already holds.
      const probe = halfSentRequest(PORT, '/readyz');
      await probe.opened;
      let signalled = false;
      const upload = slowPhotoUpload(PORT, receipt, photo, { chunks: 40, gapMs: 50 }, (fraction) => {
        if (fraction >= 0.3 && !signalled) {
          signalled = true;
          server.child.kill('SIGTERM');
        }
      });
      await waitFor(() => signalled && server.output().includes('shutting down'), 'the shutdown to begin', 10_000);
      const answer = await probe.finish();
      expect(answer).toMatch(/^HTTP\/1\.1 503 /);
      expect(answer).toContain('"shutting_down"');
      // No new connection is taken: a balancer goes to another process.
      await expect(fetch(`http://127.0.0.1:${PORT}/readyz`)).rejects.toThrow();

      const done = await upload;
      expect(done).toEqual({ status: 201, body: JSON.stringify({ photosStored: 1, photosAccepted: 4 }) });
      expect(await server.exited).toBe(0);
      expect(server.output()).toContain('"msg":"stopped"');

      const [stored] = await photosOf(dir, receipt.trackingCode);
      expect(stored).toBeDefined();
      const photos = path.join(dir, 'uploads', 'photos');
      expect(statSync(path.join(photos, stored!.file_name)).size).toBe(stored!.bytes);
      expect((await sharp(path.join(photos, stored!.file_name)).metadata()).width).toBe(2560);
      expect(readdirSync(path.join(dir, 'uploads', 'pending'))).toEqual([]);
      expect(readdirSync(path.join(dir, 'uploads', 'incoming'))).toEqual([]);
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  });

  it('cuts an upload still running after SHUTDOWN_GRACE_SECONDS, keeps nothing of it, and exits 0', async () => {
    const server = startServer(dir, PORT + 1, { SHUTDOWN_GRACE_SECONDS: '1' });
    try {
      await waitFor(() => server.output().includes('Tipline 389 is running at'), 'the start');
      const receipt = await submitReport(PORT + 1);
      let signalled = false;
      let progress = 0;
      const upload = slowPhotoUpload(PORT + 1, receipt, photo, { chunks: 40, gapMs: 150 }, (fraction) => {
        progress = fraction;
        if (fraction >= 0.2 && !signalled) {
          signalled = true;
          server.child.kill('SIGTERM');
        }
      });
      const done = await upload;
      expect(done).toHaveProperty('error');
      // Cut after about a second of grace (some 7 more pieces), well before the 6 s the whole upload takes.
      expect(progress).toBeLessThan(0.8);
      expect(await server.exited).toBe(0);
      expect(await photosOf(dir, receipt.trackingCode)).toEqual([]);
      expect(readdirSync(path.join(dir, 'uploads', 'pending'))).toEqual([]);
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  });
});
