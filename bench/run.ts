/**
 * Benchmarks print figures; they are not timed tests. Usage: `npm run bench [-- name…]`.
 * Each benchmark measures against a baseline run in the same process, so figures read as ratios.
 */
import { alertsBenchmark } from './alerts';
import { dashboardBenchmark } from './dashboard';
import { duplicatesBenchmark } from './duplicates';
import { fieldBenchmark } from './field';
import { intakeBenchmark } from './intake';
import { lighthouseBenchmark } from './lighthouse';
import { queueBenchmark } from './queue';
import { referenceApiBenchmark } from './reference-api';
import { routingBenchmark } from './routing';

const benchmarks: Record<string, () => Promise<void>> = {
  'reference-api': referenceApiBenchmark,
  routing: routingBenchmark,
  intake: intakeBenchmark,
  duplicates: duplicatesBenchmark,
  queue: queueBenchmark,
  dashboard: dashboardBenchmark,
  field: fieldBenchmark,
  lighthouse: lighthouseBenchmark,
  alerts: alertsBenchmark,
};

async function main(): Promise<void> {
  const selected = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = selected.length > 0 ? selected : Object.keys(benchmarks);
  for (const name of names) {
    const run = benchmarks[name];
    if (!run) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(benchmarks).join(', ')}`);
    await run();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
