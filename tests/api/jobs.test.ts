import PgBoss from 'pg-boss';
import { openDatabase } from '../../server/db/client';
import type { Database } from '../../server/db/types';
import { createJobs, type JobRunner } from '../../server/jobs/jobs';
import { createTestApp, type TestApp } from '../helpers/test-app';

jest.setTimeout(60_000);

/** A queue of this test only: pg-boss creates it at start. */
type TestQueues = { 'test-echo': { n: number } };

function runner(database: Database, t: TestApp): JobRunner<TestQueues> {
  return createJobs<TestQueues>(database, {
    queues: { 'test-echo': 'standard' },
    pollSeconds: 0.5,
    logger: t.deps.logger,
  });
}

async function waitFor(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for jobs');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Long enough for every runner to poll several times more: a job run twice would show. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));

describe('background jobs (pg-boss in our database)', () => {
  let t: TestApp;
  const running: JobRunner<TestQueues>[] = [];
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    for (const r of running.splice(0)) await r.stop(1000);
    await t.close();
  });

  it('has its schema and queues from prepareDatabase (the test template)', async () => {
    const { rows } = await t.deps.database.executeSql(`select name, policy from pgboss.queue order by name`);
    expect(rows).toEqual(expect.arrayContaining([{ name: 'deadline-sweep', policy: 'short' }]));
  });

  it('runs a job sent once, once', async () => {
    const jobs = runner(t.deps.database, t);
    running.push(jobs);
    const seen: number[] = [];
    await jobs.work('test-echo', async ({ n }) => {
      seen.push(n);
    });
    await jobs.start();
    const ids = await Promise.all([1, 2, 3].map((n) => jobs.send('test-echo', { n })));
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    await waitFor(() => seen.length >= 3);
    await settle();
    expect(seen.sort()).toEqual([1, 2, 3]);
  });

  it('loses no job across a restart: sent before a stop, run after the next start', async () => {
    const first = runner(t.deps.database, t);
    await first.start();
    await first.send('test-echo', { n: 7 });
    await first.send('test-echo', { n: 8 }, { startAfter: new Date(Date.now() + 1_000) });
    await first.stop(1000);

    const second = runner(t.deps.database, t);
    running.push(second);
    const seen: number[] = [];
    await second.work('test-echo', async ({ n }) => {
      seen.push(n);
    });
    await second.start();
    await waitFor(() => seen.length >= 2);
    await settle();
    expect(seen.sort()).toEqual([7, 8]);
  });

  it('starts pg-boss once when start() is called twice at once', async () => {
    const jobs = runner(t.deps.database, t);
    running.push(jobs);
    const bossStart = jest.spyOn(PgBoss.prototype, 'start');
    try {
      await jobs.work('test-echo', async () => undefined);
      await Promise.all([jobs.start(), jobs.start()]);
      expect(jobs.started).toBe(true);
      expect(bossStart).toHaveBeenCalledTimes(1);
    } finally {
      bossStart.mockRestore();
    }
  });

  it('retries a job whose handler failed, and logs it without its message', async () => {
    const jobs = runner(t.deps.database, t);
    running.push(jobs);
    let calls = 0;
    await jobs.work('test-echo', async () => {
      calls += 1;
      if (calls === 1) throw new Error('first attempt fails: secret-text');
    });
    await jobs.start();
    // pg-boss's default: 2 retries, no delay.
    await jobs.send('test-echo', { n: 1 });
    await waitFor(() => calls >= 2);
    const failures = t.logs.filter((l) => l.msg === 'background job failed');
    expect(failures).toHaveLength(1);
    expect(JSON.stringify(t.logs)).not.toContain('secret-text');
  });
});

const onServer = process.env.DATABASE_URL ? describe : describe.skip;
if (!process.env.DATABASE_URL)
  // PGlite is one process's database (the data directory is locked): two processes cannot share it.
  console.info('jobs.test.ts: two job runners on one database need DATABASE_URL (a PostgreSQL server); skipped');

onServer('two server processes on one PostgreSQL database', () => {
  it('run each job once', async () => {
    const t = await createTestApp();
    const other = await openDatabase({ url: t.testDb.url, poolSize: 4 });
    const a = runner(t.deps.database, t);
    const b = runner(other, t);
    const seen: { n: number; by: string }[] = [];
    try {
      await a.work('test-echo', async ({ n }) => {
        seen.push({ n, by: 'a' });
      });
      await b.work('test-echo', async ({ n }) => {
        seen.push({ n, by: 'b' });
      });
      await Promise.all([a.start(), b.start()]);
      const numbers = Array.from({ length: 40 }, (_, i) => i);
      for (const n of numbers) await (n % 2 ? a : b).send('test-echo', { n });
      await waitFor(() => seen.length >= numbers.length);
      await settle();
      expect(seen.map((s) => s.n).sort((x, y) => x - y)).toEqual(numbers);
      // Both fetched: the test is not passing because one runner happened to take everything.
      expect(new Set(seen.map((s) => s.by)).size).toBe(2);
    } finally {
      await a.stop(1000);
      await b.stop(1000);
      await other.close();
      await t.close();
    }
  });
});
