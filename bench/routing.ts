import { CATEGORIES } from '../shared/domain/categories';
import { PLACE_TYPES } from '../shared/domain/place-types';
import { prepareDatabase } from '../server/bootstrap';
import { openDatabase } from '../server/db/client';
import { seedDemo } from '../server/demo/seed-demo';
import { compileRouting } from '../server/routing/compile';
import { decide } from '../server/routing/decision';
import { snapshotAt } from '../server/routing/routing.model';
import { loadRoutingData } from '../server/routing/routing.repository';
import { validateFrom } from '../server/routing/routing.service';

const DECISIONS = 1_000_000;
const RUNS = 5;

/** A small deterministic generator, so that every run draws the same triples. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function timeRuns(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return median(times);
}

/**
 * Issue #3 targets: at least 500,000 decisions/s and a whole-country validation under 2 s.
 * Decisions are resolved from the compiled tables of the embedded demo data (all 3,321 communes);
 * the baseline is a loop doing only the input lookups (three Map.get per triple) in the same process.
 */
export async function routingBenchmark(): Promise<void> {
  const database = await openDatabase({});
  await prepareDatabase(database);
  await seedDemo(database.db, { password: 'benchmark-password' });
  const data = await loadRoutingData(database.db);
  await database.close();
  const now = new Date();

  const compileMs = timeRuns(() => compileRouting(snapshotAt(data, now), data.communes, data.provinces));
  const compiled = compileRouting(snapshotAt(data, now), data.communes, data.provinces);
  const publishMs = timeRuns(() => validateFrom(data, now));

  const random = mulberry32(389);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const categories = Array.from({ length: DECISIONS }, () => pick(CATEGORIES));
  const placeTypes = Array.from({ length: DECISIONS }, () => pick(PLACE_TYPES));
  const communes = Array.from({ length: DECISIONS }, () => pick(data.communes).code);

  const lookups = new Map<string, number>(
    [...CATEGORIES, ...PLACE_TYPES, ...data.communes.map((c) => c.code)].map((k, i) => [k, i]),
  );
  let sink = 0;
  const baselineMs = timeRuns(() => {
    for (let i = 0; i < DECISIONS; i += 1) {
      sink +=
        (lookups.get(categories[i] ?? '') ?? 0) +
        (lookups.get(placeTypes[i] ?? '') ?? 0) +
        (lookups.get(communes[i] ?? '') ?? 0);
    }
  });
  let gaps = 0;
  const resolveMs = timeRuns(() => {
    for (let i = 0; i < DECISIONS; i += 1) {
      const r = compiled.resolve(categories[i] ?? '', placeTypes[i] ?? '', communes[i] ?? '');
      if (!r.ok) gaps += 1;
    }
  });
  // The API path also writes the explanation in both languages: measured on a tenth of the triples.
  const explained = DECISIONS / 10;
  const decideMs = timeRuns(() => {
    for (let i = 0; i < explained; i += 1) {
      const category = categories[i] ?? 'smuggling';
      const placeType = placeTypes[i] ?? 'market';
      decide(compiled, { category, placeType, communeCode: communes[i] ?? '' }, now);
    }
  });

  const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000).toLocaleString('en-US');
  const lines = [
    `routing, demo data: ${data.communes.length.toLocaleString('en-US')} communes × ${CATEGORIES.length} × ${PLACE_TYPES.length} = ${compiled.report.cellsChecked.toLocaleString('en-US')} cells, ${data.units.length} units, Node ${process.version}; median of ${RUNS} runs`,
    '| measure | time | rate | ratio to baseline |',
    '|---|---:|---:|---:|',
    `| baseline: 3 Map.get per triple, ${DECISIONS.toLocaleString('en-US')} triples | ${baselineMs.toFixed(0)} ms | ${perSecond(DECISIONS, baselineMs)}/s | 1.00 |`,
    `| resolve (lead, units, rule), ${DECISIONS.toLocaleString('en-US')} random triples | ${resolveMs.toFixed(0)} ms | ${perSecond(DECISIONS, resolveMs)} decisions/s | ${(resolveMs / baselineMs).toFixed(2)} |`,
    `| decide with explanations in vi and en, ${explained.toLocaleString('en-US')} triples | ${decideMs.toFixed(0)} ms | ${perSecond(explained, decideMs)} decisions/s | ${((decideMs * 10) / baselineMs).toFixed(2)} |`,
    `| compile = validate the whole country once | ${compileMs.toFixed(0)} ms | | |`,
    `| validate a publish (every epoch from now on) | ${publishMs.toFixed(0)} ms | | |`,
    '',
    `Targets (issue #3): ≥ 500,000 decisions/s: ${resolveMs > 0 && DECISIONS / resolveMs >= 500 ? 'met' : 'NOT met'}; validation < 2 s: ${compileMs < 2000 ? 'met' : 'NOT met'}. ` +
      `Gaps met while resolving: ${gaps}; report ok: ${compiled.report.ok}. (sink ${sink % 10})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
