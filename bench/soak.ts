import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import sharp from 'sharp';
import { quantile } from './server-database';
import { SERVER_NODE_FLAGS, waitForReady } from './server-process';

/*
 * Issue #19: the soak of two server processes on one PostgreSQL database and one Redis. Usage:
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/soak.ts [--minutes 10] [--capacity-seconds 30]
 * It creates its own database (tipline_soak, dropped at the end), uses Redis database 14 (flushed at the
 * start), starts two servers on 127.0.0.1 with the rate limits off, measures the capacity of the mix
 * (a short ramp of concurrency) against both and against one, then runs `--minutes` at 70 % of the
 * two-process capacity, arrivals paced, and prints errors, p50/p99 of each kind and the RSS of each process.
 */

const PORTS = [39_401, 39_402];
const DB_NAME = 'tipline_soak';
const REDIS_URL = 'redis://127.0.0.1:6379/14';
const PASSWORD = 'benchmark-password';
/** Reports made before the load: the tracking codes looked up and the cases acted on. */
const POOL = 24;
/** The mix, one request of each entry per cycle: 1 report with a photo, 4 trackings, 3 queue reads, 2 case actions. */
const MIX = ['report', 'track', 'queue', 'track', 'action', 'queue', 'track', 'action', 'queue', 'track'] as const;
type Kind = (typeof MIX)[number];
const KINDS: Kind[] = ['report', 'track', 'queue', 'action'];
/** Concurrency steps of the capacity ramp. */
const RAMP = [2, 4, 8, 16, 32];
/** At most this many requests in flight during the soak, so an overloaded server cannot grow the bench without bound. */
const SOAK_MAX_IN_FLIGHT = 64;
const SKIPPED = Symbol('skipped');

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} wants a positive number`);
  return v;
}

/** The resident memory of a process now (VmRSS), in MB. */
function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return kb / 1024;
}

/** CPU seconds a process has used (utime + stime of /proc/pid/stat, at 100 ticks a second). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds of every live process named `comm` (PostgreSQL backends, redis-server), by pid. */
function cpuByName(comm: string): Map<number, number> {
  const found = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === comm)
        found.set(Number(entry), cpuSeconds(Number(entry)));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** CPU seconds used between two `cpuByName` readings, by the processes alive at both. */
function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, t] of after) sum += t - (before.get(pid) ?? t);
  return sum;
}

/** Busy and total ticks of the whole machine (/proc/stat), for its CPU use over an interval. */
function machineTicks(): { busy: number; total: number } {
  const ticks = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: total - (ticks[3] ?? 0) - (ticks[4] ?? 0), total };
}

interface Server {
  base: string;
  child: ChildProcess;
}

interface Case {
  code: string;
  secret: string;
  version: number;
  busy: boolean;
}

class Load {
  readonly latencies = new Map<Kind, number[]>(KINDS.map((k) => [k, []]));
  readonly errors: string[] = [];
  done = 0;
  /** Case actions not sent because every case of the pool had one in flight (not counted as requests). */
  skippedActions = 0;
  private turn = 0;
  private cycle = 0;

  constructor(
    private readonly servers: Server[],
    private readonly staff: { cookie: string; csrf: string },
    private readonly cases: Case[],
    private readonly photo: Buffer,
  ) {}

  /** Round-robin over the processes: what the balancer does. */
  private base(): string {
    this.turn += 1;
    return this.servers[this.turn % this.servers.length]?.base ?? '';
  }

  reset(): void {
    for (const k of KINDS) this.latencies.set(k, []);
    this.errors.length = 0;
    this.done = 0;
    this.skippedActions = 0;
  }

  async one(): Promise<void> {
    const kind = MIX[this.cycle % MIX.length] ?? 'track';
    this.cycle += 1;
    const t0 = performance.now();
    try {
      const problem = await this.request(kind);
      if (problem === SKIPPED) {
        this.skippedActions += 1;
        return;
      }
      if (problem) this.errors.push(`${kind}: ${problem}`);
    } catch (err) {
      this.errors.push(`${kind}: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.latencies.get(kind)?.push(performance.now() - t0);
    this.done += 1;
  }

  private async request(kind: Kind): Promise<string | null | typeof SKIPPED> {
    const base = this.base();
    if (kind === 'report') {
      const res = await fetch(`${base}/api/public/reports`, {
        method: 'POST',
        body: reportForm(this.photo, this.done),
      });
      await res.arrayBuffer();
      return res.status === 201 ? null : `HTTP ${res.status}`;
    }
    if (kind === 'track') {
      const c = this.cases[this.cycle % this.cases.length];
      const res = await fetch(`${base}/api/public/track`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ trackingCode: c?.code, secret: c?.secret }),
      });
      await res.arrayBuffer();
      return res.status === 200 ? null : `HTTP ${res.status}`;
    }
    if (kind === 'queue') {
      const res = await fetch(`${base}/api/staff/cases`, { headers: { Cookie: this.staff.cookie } });
      await res.arrayBuffer();
      return res.status === 200 ? null : `HTTP ${res.status}`;
    }
    // A case action: an internal note on a case no other request is acting on, with its version.
    const c = this.cases.find((x) => !x.busy);
    if (!c) return SKIPPED;
    c.busy = true;
    try {
      const res = await fetch(`${base}/api/staff/cases/${c.code}/notes`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: this.staff.cookie, 'X-CSRF-Token': this.staff.csrf },
        body: JSON.stringify({ version: c.version, text: `Soak: ghi chú nội bộ lúc ${new Date().toISOString()}` }),
      });
      const body = (await res.json()) as { version?: number };
      if (res.status !== 200) return `HTTP ${res.status}`;
      if (typeof body.version === 'number') c.version = body.version;
      return null;
    } finally {
      c.busy = false;
    }
  }
}

function reportForm(photo: Buffer, i: number): FormData {
  const form = new FormData();
  const fields = {
    category: 'counterfeit',
    placeType: 'market',
    provinceCode: '04',
    communeCode: '01447',
    address: `Chợ Trà Lĩnh, ki-ốt ${i}`,
    observedAt: new Date(Date.now() - 3_600_000).toISOString(),
    description: `Soak: bán hàng giả nhãn hiệu nổi tiếng tại chợ, giá rẻ bất thường (lần ${i}).`,
  };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('photos', new Blob([photo], { type: 'image/jpeg' }), 'IMG_0001.jpg');
  return form;
}

/** Closed loop at `concurrency` for `seconds`: requests per second of the mix. */
async function closedLoop(load: Load, concurrency: number, seconds: number): Promise<number> {
  load.reset();
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) await load.one();
    }),
  );
  return load.done / ((performance.now() - started) / 1000);
}

/** The ramp: the best throughput of the steps, with the errors seen on the way. */
async function capacity(load: Load, seconds: number, label: string, out: string[], servers: Server[]): Promise<number> {
  let best = 0;
  const cpu0 = servers.map((s) => cpuSeconds(s.child.pid ?? 0));
  const m0 = machineTicks();
  const own0 = process.cpuUsage();
  const pg0 = cpuByName('postgres');
  const redis0 = cpuByName('redis-server');
  const t0 = performance.now();
  const steps: string[] = [];
  for (const c of RAMP) {
    const rate = await closedLoop(load, c, seconds / RAMP.length);
    const p99 = quantile(
      [...load.latencies.values()].flat().sort((a, b) => a - b),
      0.99,
    );
    steps.push(`c${c} ${rate.toFixed(1)}/s (p99 ${p99.toFixed(0)} ms, errors ${load.errors.length})`);
    if (load.errors.length > 0) out.push(`  ${label} errors: ${load.errors.slice(0, 5).join('; ')}`);
    best = Math.max(best, rate);
  }
  const wall = (performance.now() - t0) / 1000;
  const m1 = machineTicks();
  const own = process.cpuUsage(own0);
  const pgPct = (cpuBetween(pg0, cpuByName('postgres')) / wall) * 100;
  const redisPct = (cpuBetween(redis0, cpuByName('redis-server')) / wall) * 100;
  const ownPct = ((own.user + own.system) / 1e6 / wall) * 100;
  const used = servers.map((s, i) => ((cpuSeconds(s.child.pid ?? 0) - (cpu0[i] ?? 0)) / wall) * 100);
  out.push(
    `capacity, ${label}: ${best.toFixed(1)} requests/s of the mix — ${steps.join(', ')}`,
    `  CPU during the ramp: server process${servers.length > 1 ? 'es' : ''} ${used.map((u) => `${u.toFixed(0)} %`).join(' + ')} of one core, this load generator ${ownPct.toFixed(0)} %, ` +
      `PostgreSQL (every backend on the machine) ${pgPct.toFixed(0)} %, Redis ${redisPct.toFixed(0)} %; ` +
      `the whole machine ${(((m1.busy - m0.busy) / (m1.total - m0.total)) * 100).toFixed(0)} % busy of ${os.cpus().length} cores`,
  );
  return best;
}

export async function soakBenchmark(): Promise<void> {
  const minutes = flag('minutes', 10);
  const capacitySeconds = flag('capacity-seconds', 30);
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.query(`create database ${DB_NAME}`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${DB_NAME}`;
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();
  await redis.quit();
  const work = mkdtempSync(path.join(os.tmpdir(), 'tipline-soak-'));
  const servers: Server[] = [];
  const out: string[] = [];
  const startedAt = new Date();
  try {
    for (const port of PORTS) {
      // One after the other: the first one migrates and seeds the demo units and accounts.
      const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/main.ts'], {
        cwd: path.join(__dirname, '..'),
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          DATABASE_URL: dbUrl.toString(),
          REDIS_URL,
          CONTACT_ENCRYPTION_KEY: '1'.repeat(64),
          SESSION_SECRET: '2'.repeat(64),
          UPLOAD_DIR: path.join(work, 'uploads'),
          DATA_DIR: path.join(work, `data-${port}`),
          PORT: String(port),
          HOST: '127.0.0.1',
          RATE_LIMIT_DISABLED: '1',
          LOG_LEVEL: 'warn',
          DEMO_REPORTS: '0',
          DEMO_PASSWORD: PASSWORD,
          MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const base = `http://127.0.0.1:${port}`;
      servers.push({ base, child });
      await waitForReady(base);
    }

    const signIn = await fetch(`${servers[0]?.base}/api/staff/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'market.cao-bang', password: PASSWORD }),
    });
    if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status}`);
    const staff = {
      cookie: (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      csrf: ((await signIn.json()) as { csrfToken: string }).csrfToken,
    };
    // A 1600×1200 phone-like photo (noise, so it weighs what a photo weighs): every report carries one.
    const photo = await sharp({
      create: {
        width: 1600,
        height: 1200,
        channels: 3,
        background: { r: 110, g: 120, b: 80 },
        noise: { type: 'gaussian', mean: 128, sigma: 12 },
      },
    })
      .jpeg({ quality: 85 })
      .toBuffer();
    const cases: Case[] = [];
    for (let i = 0; i < POOL; i += 1) {
      const base = servers[i % servers.length]?.base;
      const res = await fetch(`${base}/api/public/reports`, { method: 'POST', body: reportForm(photo, -i) });
      if (res.status !== 201) throw new Error(`pool report ${i}: ${res.status}`);
      const { trackingCode, secret } = (await res.json()) as { trackingCode: string; secret: string };
      const view = await fetch(`${servers[(i + 1) % servers.length]?.base}/api/staff/cases/${trackingCode}`, {
        headers: { Cookie: staff.cookie },
      });
      if (view.status !== 200) throw new Error(`case ${trackingCode}: ${view.status}`);
      cases.push({
        code: trackingCode,
        secret,
        version: ((await view.json()) as { version: number }).version,
        busy: false,
      });
    }

    out.push(
      `soak (issue #19): ${startedAt.toISOString()}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, ` +
        `PostgreSQL database ${DB_NAME} at 127.0.0.1, Redis ${REDIS_URL}, rate limits off, direct round-robin over 2 processes`,
      `mix per 10 requests: 1 report with a ${(photo.length / 1024).toFixed(0)} KB 1600×1200 photo, 4 trackings, 3 queue reads (market.cao-bang), 2 case actions (notes)`,
    );
    const one = new Load(servers.slice(0, 1), staff, cases, photo);
    const two = new Load(servers, staff, cases, photo);
    const capTwo = await capacity(two, capacitySeconds, 'two processes', out, servers);
    const capOne = await capacity(one, capacitySeconds, 'one process', out, servers);
    out.push(
      `two ÷ one: ${(capTwo / capOne).toFixed(2)} — expected about 1 on ${os.cpus().length} cores: with one process the ` +
        'machine is already (nearly) all busy (see the CPU lines): its event loop on one core, sharp (libvips threads), the ' +
        'PostgreSQL backends, Redis and this load generator on the rest. A second process adds no core, only a second event ' +
        'loop competing for the same ones; two processes scale when each has cores of its own (separate hosts or more cores).',
    );
    console.log(out.join('\n'));

    // The soak: paced arrivals at 70 % of the capacity of two processes, at most SOAK_MAX_IN_FLIGHT at once.
    const rate = capTwo * 0.7;
    two.reset();
    const totalMs = minutes * 60_000;
    const sampleAtMs = minutes > 2 ? 120_000 : totalMs / 2;
    let rssAtSample: number[] = [];
    const started = performance.now();
    const inFlight = new Set<Promise<void>>();
    let sent = 0;
    let skipped = 0;
    let nextLog = 60_000;
    while (performance.now() - started < totalMs) {
      const elapsed = performance.now() - started;
      if (rssAtSample.length === 0 && elapsed >= sampleAtMs) rssAtSample = servers.map((s) => rssMb(s.child.pid ?? 0));
      if (elapsed >= nextLog) {
        console.log(
          `  minute ${(elapsed / 60_000).toFixed(0)}: ${two.done} done, errors ${two.errors.length}, RSS ${servers.map((s) => rssMb(s.child.pid ?? 0).toFixed(0)).join(' / ')} MB`,
        );
        nextLog += 60_000;
      }
      const due = Math.floor((elapsed / 1000) * rate);
      while (sent < due) {
        sent += 1;
        if (inFlight.size >= SOAK_MAX_IN_FLIGHT) {
          skipped += 1;
          continue;
        }
        const p = two.one().finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(inFlight);
    const seconds = (performance.now() - started) / 1000;
    const rssEnd = servers.map((s) => rssMb(s.child.pid ?? 0));
    const soak: string[] = [
      `soak: ${minutes} min at 70 % of ${capTwo.toFixed(1)} = ${rate.toFixed(1)} requests/s offered; ${two.done} done (${(two.done / seconds).toFixed(1)}/s), ` +
        `${skipped} not sent (more than ${SOAK_MAX_IN_FLIGHT} in flight), ${two.skippedActions} case actions not sent (all ${POOL} cases busy)`,
      `errors: ${two.errors.length}${two.errors.length ? ` — ${two.errors.slice(0, 5).join('; ')}` : ''}`,
      '| kind | requests | p50 ms | p99 ms | max ms |',
      '|---|---:|---:|---:|---:|',
    ];
    for (const k of KINDS) {
      const l = [...(two.latencies.get(k) ?? [])].sort((a, b) => a - b);
      soak.push(
        `| ${k} | ${l.length} | ${quantile(l, 0.5).toFixed(0)} | ${quantile(l, 0.99).toFixed(0)} | ${(l.at(-1) ?? 0).toFixed(0)} |`,
      );
    }
    const at = (sampleAtMs / 60_000).toFixed(1);
    servers.forEach((s, i) => {
      const a = rssAtSample[i] ?? 0;
      const b = rssEnd[i] ?? 0;
      soak.push(
        `process ${i + 1} (pid ${s.child.pid}): RSS ${a.toFixed(0)} MB at minute ${at}, ${b.toFixed(0)} MB at the end: ${(((b - a) / a) * 100).toFixed(1)} % (target < 10 %)`,
      );
    });
    console.log(soak.join('\n'));
    if (two.errors.length > 0) process.exitCode = 1;
  } finally {
    for (const s of servers) {
      if (s.child.exitCode !== null || s.child.signalCode !== null) continue;
      const exited = new Promise((r) => s.child.once('exit', r));
      s.child.kill('SIGTERM');
      await exited;
    }
    rmSync(work, { recursive: true, force: true });
    await admin.query(`drop database if exists ${DB_NAME} with (force)`);
    await admin.end();
  }
}

if (process.argv[1]?.endsWith('soak.ts')) {
  soakBenchmark().then(
    () => process.exit(process.exitCode ?? 0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
