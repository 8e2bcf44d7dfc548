import type { Server } from 'node:http';
import { announceMail, closeMail } from './alerts/deliver';
import { startAlertWork } from './alerts/schedule';
import { createApp } from './app';
import { exitOnUncaught } from './crash';
import { prepareDatabase } from './bootstrap';
import { exitOnError } from './command-line';
import { ConfigError, loadConfig, type Config } from './config';
import { openDatabase } from './db/client';
import type { Database } from './db/types';
import { assembleDeps, systemClock } from './deps';
import { formatSampleSummary, seedSampleReports, type SampleSummary } from './demo/sample-reports';
import { formatDemoLogins, seedDemo, type DemoLogin } from './demo/seed-demo';
import { registerJobs } from './jobs/registry';
import { createLogger } from './logger';
import { startKeySweep } from './reports/idempotency';
import { settlePendingPhotos } from './reports/reports.service';
import { ensureSecrets } from './secrets';
import { closeRedis, redisConnected } from './http/redis';

function banner(
  config: Config,
  database: Database,
  logins: DemoLogin[] | undefined,
  samples: { summary: SampleSummary; seconds: number } | undefined,
): string {
  const lines = [
    '',
    `  Tipline 389 is running at ${config.http.publicUrl}`,
    `  Database: ${database.engine === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL server (DATABASE_URL)'}`,
  ];
  if (logins) {
    lines.push(...formatDemoLogins(logins));
    if (samples) lines.push(...formatSampleSummary(samples.summary, `${config.http.publicUrl}/track`, samples.seconds));
  } else if (config.demo.enabled) {
    lines.push('', '  Demo accounts were created on the first start; their passwords were printed then.');
  }
  return `${lines.join('\n')}\n\n`;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  exitOnUncaught(logger);
  if (config.rateLimit.disabled) logger.warn('RATE_LIMIT_DISABLED is set: every rate limit is off');

  const secrets = ensureSecrets(config);
  if (secrets.generated)
    logger.info({ file: secrets.file }, 'generated secret keys (mode 0600); back this file up with the data');
  if (secrets.keyMovedOut)
    logger.info(
      { file: secrets.file },
      'removed the contact key from this file: it now comes from CONTACT_ENCRYPTION_KEY_FILE (or the environment)',
    );

  const database = await openDatabase({
    url: config.database.url,
    poolSize: config.database.poolSize,
    dataDir: config.database.dataDir,
  });
  const prepared = await prepareDatabase(database);
  if (prepared.communesImported > 0)
    logger.info({ communes: prepared.communesImported }, 'imported administrative units');
  const logins = config.demo.enabled ? await seedDemo(database.db, { password: config.demo.password }) : undefined;

  const deps = assembleDeps({ config, database, clock: systemClock, logger, secrets });
  // Issue #7: with the demo units, on the first start only, so that the dashboards have a past.
  let samples: { summary: SampleSummary; seconds: number } | undefined;
  if (logins && config.demo.reports > 0) {
    const started = performance.now();
    const summary = await seedSampleReports(deps, config.demo.reports);
    samples = { summary, seconds: (performance.now() - started) / 1000 };
  }
  const settled = await settlePendingPhotos(deps);
  if (settled.kept + settled.removed > 0) logger.info(settled, 'settled photos left by an interrupted upload');
  // Compiled before the first request, so that no citizen waits for it.
  await deps.routing.compiledAt();
  // Issue #19: the first requests count in Redis, not in memory (not waited for past 2 s: memory then).
  await redisConnected(deps);
  const app = createApp(deps);
  const server: Server = app.listen(config.http.port, config.http.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  process.stdout.write(banner(config, database, logins, samples));

  const stopKeySweep = startKeySweep(deps);
  announceMail(deps);
  const stopAlertWork = startAlertWork(deps);
  // Background jobs (issue #17): the deadline sweep and what features declare in server/jobs/registry.ts.
  await registerJobs(deps);
  await deps.jobs.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Issue #19: /readyz answers 503 from now on, to a balancer that still reaches us on an open connection.
    deps.lifecycle.stopping = true;
    stopKeySweep();
    logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    // Open alert streams would hold the server open until the grace period ends.
    deps.streams.closeAll();
    const force = setTimeout(() => server.closeAllConnections(), config.http.shutdownGraceMs).unref();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    clearTimeout(force);
    // A job running now finishes (or is handed back to the queue) before the database closes.
    await deps.jobs.stop(config.http.shutdownGraceMs);
    await stopAlertWork(config.http.shutdownGraceMs);
    closeMail(deps);
    await database.close();
    // Issue #19: the shared counters' connection, after the last request that could count.
    await closeRedis(deps);
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch(exitOnError('Tipline 389 could not start', 1));
