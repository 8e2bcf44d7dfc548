/**
 * `npm run routing:check [-- --at <ISO time>] [-- --rules <file.json>] [-- --json]`
 *
 * Validates the routing of every commune × category × place type against the configured database
 * (embedded PGlite in DATA_DIR, or DATABASE_URL) and prints the problems and a coverage table.
 * `--rules` adds rule sets from a file as if published at `--at`, without writing anything, to try a
 * change first. Exit codes: 0 valid, 1 gaps or overlaps, 2 bad usage or no database.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CATEGORIES } from '../../shared/domain/categories';
import { FORCES } from '../../shared/domain/forces';
import { PLACE_TYPES } from '../../shared/domain/place-types';
import { prepareDatabase } from '../bootstrap';
import { exitOnError, UsageError } from '../command-line';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { formatDemoLogins, seedDemo } from '../demo/seed-demo';
import type { Problem, ValidationReport } from './compile';
import { applyPublish, provinceOfCommune, ruleSetSpecProblems, rulesOf } from './routing.model';
import { loadRoutingData } from './routing.repository';
import { validateFrom, type TimedReport } from './routing.service';

const ruleSpecSchema = z.object({
  placeType: z.enum([...PLACE_TYPES, '*']),
  category: z.enum([...CATEGORIES, '*']),
  lead: z.enum(FORCES),
  coordinating: z.array(z.enum(FORCES)).default([]),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});
const fixtureSchema = z.object({
  ruleSets: z.array(
    z.object({
      scope: z.enum(['national', 'province']),
      provinceCode: z
        .string()
        .regex(/^\d{2}$/)
        .optional(),
      note: z.string().default('routing:check --rules'),
      rules: z.array(ruleSpecSchema),
    }),
  ),
});

const n = (value: number) => value.toLocaleString('en-US');

function describeProblem(p: Problem): string {
  const cells = p.examples.map(
    (c) => `${c.communeName} (${c.communeCode}) × ${p.kind === 'unit_overlap' ? '' : `${c.category} × `}${c.placeType}`,
  );
  const head = {
    no_rule: `GAP      ${n(p.cells)} cells: no rule matches`,
    no_unit: `GAP      ${n(p.cells)} cells: no ${p.force} unit covers them (rule ${p.rules?.join()} names ${p.force} as lead)`,
    rule_overlap: `OVERLAP  ${n(p.cells)} cells: rules of equal specificity disagree: ${p.rules?.map((r, i) => `${r} → ${p.leads?.[i]}`).join(', ')}`,
    unit_overlap: `OVERLAP  ${n(p.cells)} places: ${p.level} ${p.force} units cover the same commune and place type: ${p.units?.join(', ')}`,
  }[p.kind];
  return `${head}\n           e.g. ${cells.join('; ')}`;
}

function coverageTable(report: ValidationReport): string[] {
  const width = Math.max(...report.provinces.map((p) => p.code.length + 1 + p.name.length), 8);
  const cols = ['cells', ...FORCES, 'gaps', 'overlaps'];
  const line = (name: string, values: (string | number)[]) =>
    `${name.padEnd(width)}  ${values.map((v, i) => String(typeof v === 'number' ? n(v) : v).padStart(Math.max((cols[i] ?? '').length, 7))).join('  ')}`;
  const rows = report.provinces.map((p) =>
    line(`${p.code} ${p.name}`, [p.cells, ...FORCES.map((f) => p.leads[f]), p.gapCells, p.overlapCells]),
  );
  const total = (pick: (p: (typeof report.provinces)[number]) => number) =>
    report.provinces.reduce((sum, p) => sum + pick(p), 0);
  return [
    line('province', cols),
    ...rows,
    line('total', [
      total((p) => p.cells),
      ...FORCES.map((f) => total((p) => p.leads[f])),
      total((p) => p.gapCells),
      total((p) => p.overlapCells),
    ]),
  ];
}

function formatReport(report: TimedReport, communes: number, elapsedMs: number): string {
  const lines = [
    `Routing check at ${report.at}`,
    `Cells checked: ${n(report.cellsChecked)} (${n(communes)} communes × ${CATEGORIES.length} categories × ${PLACE_TYPES.length} place types) in ${n(Math.round(elapsedMs))} ms`,
    `Province rows checked for online reports without a commune: ${n(report.provinceCellsChecked)} (${n(report.provinces.length)} provinces × ${CATEGORIES.length} categories)`,
    `Gaps: ${n(report.gapCells)} cells   Overlaps: ${n(report.overlapCells)} cells`,
    '',
    ...report.problems.map(describeProblem),
    ...(report.problems.length > 0 ? [''] : []),
    'Leads per force (cells):',
    ...coverageTable(report),
    '',
    report.ok
      ? 'OK: every cell has exactly one lead force and exactly one lead unit.'
      : 'FAILED: fix the gaps and overlaps above before publishing.',
  ];
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { at: { type: 'string' }, rules: { type: 'string' }, json: { type: 'boolean' } },
  });
  const at = values.at ? new Date(values.at) : new Date();
  if (Number.isNaN(at.getTime())) throw new UsageError(`--at: not a date and time: ${values.at}`);
  const fixture = values.rules ? fixtureSchema.safeParse(JSON.parse(readFileSync(values.rules, 'utf8'))) : undefined;
  if (fixture && !fixture.success) throw new UsageError(`--rules ${values.rules}: ${z.prettifyError(fixture.error)}`);

  const config = loadConfig(process.env);
  const database = await openDatabase({ url: config.database.url, poolSize: 2, dataDir: config.database.dataDir });
  try {
    await prepareDatabase(database);
    const logins = config.demo.enabled ? await seedDemo(database.db, { password: config.demo.password }) : undefined;
    if (logins) process.stderr.write(`${formatDemoLogins(logins).join('\n')}\n\n`);
    const data = await loadRoutingData(database.db);
    const provinceOf = provinceOfCommune(data);
    fixture?.data.ruleSets.forEach((spec, i) => {
      const problems = ruleSetSpecProblems(spec, provinceOf);
      if (problems.length > 0)
        throw new UsageError(
          `--rules: rule set ${i}: ${problems.map((p) => `rule ${p.index}: ${p.problem}`).join('; ')}`,
        );
      const id = -(i + 1);
      const rules = rulesOf(spec, provinceOf).map((r, k) => ({ ...r, id: id * 1000 - k, ruleSetId: id }));
      const set = {
        id,
        scope: spec.scope,
        provinceCode: spec.provinceCode ?? null,
        version: 0,
        status: 'draft' as const,
        effectiveFrom: null,
        effectiveTo: null,
        rules,
      };
      applyPublish(data, set, at);
    });
    const started = performance.now();
    const report = validateFrom(data, at);
    const elapsed = performance.now() - started;
    process.stdout.write(
      values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, data.communes.length, elapsed),
    );
    return report.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then((code) => process.exit(code), exitOnError('routing:check', 2, [SyntaxError]));
