import type { AddressInfo } from 'node:net';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createApp } from '../server/app';
import { prepareDatabase } from '../server/bootstrap';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { assembleDeps, systemClock } from '../server/deps';
import { createLogger } from '../server/logger';

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 8;

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

const AUTOCANNON = path.join(__dirname, '..', 'node_modules', 'autocannon', 'autocannon.js');

/** autocannon runs in its own process: in this one it would share the server's only thread. */
async function measure(url: string, name: string): Promise<Figures> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [AUTOCANNON, '--json', '-c', String(CONNECTIONS), '-d', String(DURATION_SECONDS), url],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
  };
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
  };
}

/**
 * Read path of the reporting form: provinces and the commune search, through the whole public
 * stack (helmet, rate-limit middleware, JSON logs to /dev/null, zod, SQL), against /healthz in the
 * same process as the baseline. Loopback only, bounded in time. DATABASE_URL selects the server.
 */
export async function referenceApiBenchmark(): Promise<void> {
  const config = loadConfig({ ...process.env, RATE_LIMIT_DISABLED: '1', LOG_LEVEL: 'silent', PORT: '0' });
  const database = await openDatabase({ url: config.database.url });
  await prepareDatabase(database);
  const app = createApp(
    assembleDeps({
      config,
      database,
      clock: systemClock,
      logger: createLogger('silent'),
      secrets: { contactEncryptionKey: '0'.repeat(64), sessionSecret: '0'.repeat(64) },
    }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const rows = [
    await measure(`${base}/healthz`, 'baseline GET /healthz'),
    await measure(`${base}/api/public/meta`, 'GET /api/public/meta'),
    await measure(`${base}/api/public/provinces`, 'GET /api/public/provinces'),
    await measure(`${base}/api/public/provinces/04/communes?q=trung%20khanh`, 'GET …/04/communes?q=trung khanh'),
    await measure(`${base}/api/public/provinces/79/communes`, 'GET …/79/communes (168 rows)'),
  ];
  server.close();
  await database.close();

  const baseline = rows[0]?.rps ?? 1;
  console.log(
    `\nreference-api on ${database.engine}, ${CONNECTIONS} connections, ${DURATION_SECONDS} s each, Node ${process.version}`,
  );
  console.log('| endpoint | req/s | ratio to baseline | p50 ms | p99 ms | non-2xx |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.rps.toFixed(0)} | ${(r.rps / baseline).toFixed(2)} | ${r.p50} | ${r.p99} | ${r.non2xx} |`,
    );
  }
}
