import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createDiskPhotoStore } from '../server/reports/photo-store';
import { createPhotoQueue, reencodePhoto } from '../server/reports/photos';
import { quantile } from './server-database';
import { peakRssMb, waitForReady } from './server-process';

const PORT = 39_389;
const PHOTOS_PER_REPORT = 3;
const ROUNDS: { concurrency: number; reports: number }[] = [
  { concurrency: 1, reports: 6 },
  { concurrency: 4, reports: 32 },
  { concurrency: 8, reports: 48 },
];

/** A 12-megapixel phone photo: noisy enough to weigh what a real one weighs, with EXIF and GPS. */
async function twelveMegapixelJpeg(seed: number): Promise<Buffer> {
  return sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: { r: 90 + seed * 40, g: 120, b: 80 },
      noise: { type: 'gaussian', mean: 128, sigma: 12 },
    },
  })
    .jpeg({ quality: 85 })
    .withExif({ IFD0: { Make: 'BenchCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 49/1 3/1' } })
    .toBuffer();
}

function reportForm(photos: Buffer[]): FormData {
  const form = new FormData();
  const fields = {
    category: 'counterfeit',
    placeType: 'market',
    provinceCode: '04',
    communeCode: '01447',
    address: 'Chợ Trà Lĩnh',
    observedAt: new Date(Date.now() - 3_600_000).toISOString(),
    description: 'Benchmark: bán hàng giả nhãn hiệu nổi tiếng tại chợ, giá rẻ bất thường.',
  };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  photos.forEach((p, i) => form.append('photos', new Blob([p], { type: 'image/jpeg' }), `IMG_${i}.jpg`));
  return form;
}

/**
 * Issue #4 targets: intake throughput at concurrency 4 at least 0.7 of what sharp alone does with the
 * same photos on this machine, p99 under 3 s at concurrency 8, server peak RSS under 600 MB, no
 * failed request. The server runs as `npm start` does (its own process, embedded PGlite, rate limits
 * off); the load comes from this process over loopback; the sharp-only ceiling runs here too, through
 * the same re-encoding function and the same two-slot queue.
 */
export async function intakeBenchmark(): Promise<void> {
  const photos = await Promise.all(Array.from({ length: PHOTOS_PER_REPORT }, (_, i) => twelveMegapixelJpeg(i)));
  const work = mkdtempSync(path.join(os.tmpdir(), 'tipline-bench-intake-'));

  // Ceiling: sharp alone, the same photos, the same queue of two.
  const store = createDiskPhotoStore(path.join(work, 'ceiling'));
  const sources = photos.map((p, i) => {
    const file = path.join(work, `source-${i}.jpg`);
    writeFileSync(file, p);
    return file;
  });
  const queue = createPhotoQueue({ concurrency: 2, queueMax: 1000 });
  const ceilingReports = 8;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: ceilingReports * PHOTOS_PER_REPORT }, (_, i) =>
      queue.run(() => reencodePhoto(sources[i % PHOTOS_PER_REPORT] ?? '', store)),
    ),
  );
  const ceiling = ceilingReports / ((performance.now() - started) / 1000);

  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: path.join(work, 'data'),
    UPLOAD_DIR: path.join(work, 'uploads'),
    PORT: String(PORT),
    RATE_LIMIT_DISABLED: '1',
    LOG_LEVEL: 'warn',
    DEMO_PASSWORD: 'benchmark-password',
    // As npm start and the Docker image set it (package.json, Dockerfile).
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
    ...(process.env.PHOTO_CONCURRENCY ? { PHOTO_CONCURRENCY: process.env.PHOTO_CONCURRENCY } : {}),
  };
  // `--import tsx` keeps the server in this one process, so its pid is the one whose RSS we read.
  const start = () =>
    spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: path.join(__dirname, '..'),
      env,
      stdio: 'ignore',
    });
  const stop = async (child: ReturnType<typeof start>) => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  const base = `http://127.0.0.1:${PORT}`;
  // STACK.md: the first start of a data directory runs initdb at about 800 MB RSS. That is a one-off
  // of installation, not of serving: create the database first, then measure a normal start.
  const first = start();
  await waitForReady(base);
  await stop(first);
  const server = start();
  const lines = [
    `intake: reports with ${PHOTOS_PER_REPORT} photos of 12 MP (${(photos.reduce((s, p) => s + p.length, 0) / 1024 / 1024).toFixed(1)} MB), server on embedded PGlite, Node ${process.version}`,
    `sharp-only ceiling (same photos, same re-encoding, 2 at once): ${ceiling.toFixed(2)} reports/s`,
    '| concurrency | reports | failed | reports/s | ratio to ceiling | p50 s | p99 s | server peak RSS MB |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  try {
    await waitForReady(base);
    const idle = peakRssMb(server.pid ?? 0);
    lines.splice(2, 0, `server peak RSS after start, before any report: ${idle.toFixed(0)} MB`);
    for (const round of ROUNDS) {
      const latencies: number[] = [];
      let failed = 0;
      let next = 0;
      const roundStart = performance.now();
      await Promise.all(
        Array.from({ length: round.concurrency }, async () => {
          while (next < round.reports) {
            next += 1;
            const t0 = performance.now();
            const res = await fetch(`${base}/api/public/reports`, { method: 'POST', body: reportForm(photos) });
            await res.arrayBuffer();
            latencies.push((performance.now() - t0) / 1000);
            if (res.status !== 201) failed += 1;
          }
        }),
      );
      const seconds = (performance.now() - roundStart) / 1000;
      const rate = round.reports / seconds;
      latencies.sort((a, b) => a - b);
      lines.push(
        `| ${round.concurrency} | ${round.reports} | ${failed} | ${rate.toFixed(2)} | ${(rate / ceiling).toFixed(2)} | ${quantile(latencies, 0.5).toFixed(2)} | ${quantile(latencies, 0.99).toFixed(2)} | ${peakRssMb(server.pid ?? 0).toFixed(0)} |`,
      );
    }
  } finally {
    await stop(server);
    rmSync(work, { recursive: true, force: true });
  }
  lines.push(
    '',
    "Targets (issue #4): ratio ≥ 0.7 at concurrency 4; p99 < 3 s at concurrency 8; peak RSS < 600 MB; 0 failed. Peak RSS is the server process's VmHWM, cumulative over the rounds.",
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}
