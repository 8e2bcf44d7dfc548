/**
 * bench/lighthouse (issue #14): Lighthouse 12.2.3 with its default (mobile) preset, simulated slow 4G
 * and a mid-range phone, against Debian Chromium, on the public pages `/` and `/report` of the app
 * as `npm start` serves it. Targets: performance ≥ 90, accessibility 100. Prints the scores, the
 * metrics and any accessibility audit that fails; each page is audited RUNS times and the run with
 * the median performance score is the one shown (all scores are printed).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startBenchServer } from './app-server';

const PORT = 39_415;
const PAGES = ['/', '/report'];
/** Lighthouse's own advice for a noisy machine: several runs, the median one reported. */
const RUNS = 3;
const LIGHTHOUSE = path.join(__dirname, '..', 'node_modules', '.bin', 'lighthouse');

interface LighthouseResult {
  lighthouseVersion: string;
  categories: Record<
    'performance' | 'accessibility',
    { score: number | null; auditRefs: { id: string; weight: number }[] }
  >;
  audits: Record<string, { score: number | null; title: string; displayValue?: string }>;
}

/** Lighthouse now and then loses its own trace (NO_NAVSTART) on a busy machine; such a run is run again. */
async function audit(url: string, attempts = 3): Promise<LighthouseResult> {
  try {
    return await auditOnce(url);
  } catch (err) {
    if (attempts <= 1) throw err;
    console.error(`lighthouse failed on ${url}, running it again: ${String(err).split('\n')[0]}`);
    return audit(url, attempts - 1);
  }
}

async function auditOnce(url: string): Promise<LighthouseResult> {
  const { stdout } = await promisify(execFile)(
    LIGHTHOUSE,
    [
      url,
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      '--only-categories=performance,accessibility',
      `--chrome-path=${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}`,
      '--chrome-flags=--headless --no-sandbox',
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as LighthouseResult;
}

const score = (value: number | null) => (value === null ? '—' : String(Math.round(value * 100)));

export async function lighthouseBenchmark(): Promise<void> {
  const server = await startBenchServer(PORT);
  try {
    const lines: string[] = [];
    for (const page of PAGES) {
      const runs: LighthouseResult[] = [];
      for (let run = 0; run < RUNS; run += 1) runs.push(await audit(`${server.base}${page}`));
      runs.sort((a, b) => (a.categories.performance.score ?? 0) - (b.categories.performance.score ?? 0));
      const result = runs[Math.floor(runs.length / 2)]!;
      if (lines.length === 0) {
        lines.push(
          `lighthouse ${result.lighthouseVersion}: mobile preset (simulated throttling), Debian Chromium, server on embedded PGlite`,
          '',
          '| page | performance (median; all runs) | accessibility | FCP | LCP | TBT | CLS | Speed Index |',
          '|---|---:|---:|---:|---:|---:|---:|---:|',
        );
      }
      const metric = (id: string) => result.audits[id]?.displayValue ?? '—';
      const { performance, accessibility } = result.categories;
      lines.push(
        `| ${page} | ${score(performance.score)} (${runs.map((r) => score(r.categories.performance.score)).join(', ')}) | ${runs.map((r) => score(r.categories.accessibility.score)).join(', ')} | ${metric('first-contentful-paint')} | ${metric('largest-contentful-paint')} | ${metric('total-blocking-time')} | ${metric('cumulative-layout-shift')} | ${metric('speed-index')} |`,
      );
      for (const ref of accessibility.auditRefs) {
        const failed = result.audits[ref.id];
        if (ref.weight > 0 && failed && failed.score !== null && failed.score < 1)
          lines.push(`|   ${page} accessibility: ${failed.title} (${ref.id}) |`);
      }
    }
    console.log(lines.join('\n'));
  } finally {
    await server.stop();
  }
}
