import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import type { CommuneRow, CrimeTrack, ResultRow, StaffStats, StatsRow, TypicalCase } from '../../shared/api/stats';
import { formatDate, formatDateTime } from '../../shared/i18n/format';
import { t, type Language } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/vi';
import { presetKey, type periodicDays, type StaffStatsExportQuery } from '../../shared/schemas/stats';
import { appendAudit } from '../auth/auth.repository';
import type { StaffUser } from '../auth/auth.service';
import type { AppDeps } from '../deps';
import { factsCursorOf, readFacts, type FactRow, type FactsCursor } from './stats.repository';
import { withinName, withinSlug } from './figures-scope';
import { communeFigures, periodicScope, previousStats, typicalCases } from './periodic';
import { computeStats, type ResolvedScope } from './stats.service';

/*
 * Issue #7, the periodic report (báo cáo định kỳ 6 tháng, năm) as files: `summary` is its figures,
 * `reports` every report behind them. Both read the dashboard's query layer; the list is read in
 * pages of BATCH reports in order of receipt and written as it comes, with the response's
 * backpressure, so a year of the nation never sits in memory.
 */

const BATCH = 2000;
const label = (lang: Language, key: string) => t(lang, key as MessageKey);

type Cell = string | number | Date | null;
interface Column<T> {
  header: MessageKey;
  value: (row: T) => Cell;
  /** Excel number format; a Date cell is shown in Vietnam time as text instead. */
  numFmt?: string;
  width?: number;
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** Issue #18: a row of any table of the report; the figures a table has not are left empty. */
type Figures = Partial<Omit<StatsRow, 'key' | 'label'>>;
interface SummaryRow extends Figures {
  section: string;
  key: string;
  label: string;
  /** The same group in the same period a year earlier (cùng kỳ), when asked. */
  previous?: Figures | undefined;
}

const n = (v: number | null | undefined) => v ?? null;
const diff = (now: number | null | undefined, then: number | null | undefined) =>
  now === undefined || now === null ? null : now - (then ?? 0);

const SUMMARY_COLUMNS: Column<SummaryRow>[] = [
  { header: 'stats.col.section', value: (r) => r.section, width: 18 },
  { header: 'stats.col.key', value: (r) => r.key, width: 12 },
  { header: 'stats.col.name', value: (r) => r.label, width: 48 },
  { header: 'stats.col.received', value: (r) => n(r.received) },
  { header: 'stats.col.accepted', value: (r) => n(r.accepted) },
  { header: 'stats.col.accepted_in_time', value: (r) => n(r.acceptedInTime) },
  { header: 'stats.col.acceptance_rate', value: (r) => percent(r.acceptanceRate ?? null), numFmt: '0.0' },
  { header: 'stats.col.resolved', value: (r) => n(r.resolved) },
  { header: 'stats.col.resolved_in_time', value: (r) => n(r.resolvedInTime) },
  { header: 'stats.col.resolution_rate', value: (r) => percent(r.resolutionRate ?? null), numFmt: '0.0' },
  { header: 'stats.col.median_accept_hours', value: (r) => n(r.medianAcceptHours) },
  { header: 'stats.col.median_resolve_days', value: (r) => n(r.medianResolveDays) },
  { header: 'stats.col.overdue_now', value: (r) => n(r.overdueNow) },
  { header: 'stats.col.results_resolved', value: (r) => n(r.resultsResolved), width: 16 },
  { header: 'stats.col.fines_vnd', value: (r) => n(r.finesVnd), numFmt: '#,##0', width: 18 },
  { header: 'stats.col.seized_lots', value: (r) => n(r.seizedLots) },
  { header: 'stats.col.seized_value_vnd', value: (r) => n(r.seizedValueVnd), numFmt: '#,##0', width: 18 },
];

/** Issue #18: the same-period columns (cùng kỳ and the difference) of the figures committees compare. */
const COMPARED = [
  ['received', 'stats.col.received'],
  ['resultsResolved', 'stats.col.results_resolved'],
  ['finesVnd', 'stats.col.fines_vnd'],
  ['seizedValueVnd', 'stats.col.seized_value_vnd'],
] as const;
const COMPARISON_COLUMNS: Column<SummaryRow>[] = COMPARED.flatMap(([field, header]) => [
  {
    header: `${header}_previous` as MessageKey,
    value: (r: SummaryRow) => (r[field] === undefined ? null : n(r.previous?.[field] ?? 0)),
    width: 16,
  },
  {
    header: `${header}_change` as MessageKey,
    value: (r: SummaryRow) => diff(r[field], r.previous?.[field]),
    width: 16,
  },
]);

/** The key of a month a year earlier (the same-period comparison of the time table). */
const yearBefore = (key: string) => `${Number(key.slice(0, 4)) - 1}${key.slice(4)}`;

/**
 * The sections of the periodic report, in the order a reader expects them. Units are keyed by their code and
 * named with their province where two share a name: no internal id leaves the server.
 */
function summaryRows(
  stats: StaffStats,
  previous: StaffStats | null,
  communes: CommuneRow[],
  scope: ResolvedScope,
  lang: Language,
): SummaryRow[] {
  const unitCode = (id: string) => scope.names.units.get(id)?.code ?? '';
  const section = <R extends { key: string; label: string }>(
    key: string,
    rows: R[],
    before: { key: string }[] | undefined,
    shown: (r: R) => { key: string; label: string } = (r) => r,
    earlierKey: (k: string) => string = (k) => k,
  ) =>
    rows.map((r) => ({
      ...r,
      ...shown(r),
      section: label(lang, `stats.section.${key}`),
      previous: before?.find((p) => p.key === earlierKey(r.key)) as Figures | undefined,
    }));
  const p = previous ?? undefined;
  return [
    ...section('total', [stats.totals], p && [p.totals]),
    ...section('force', stats.byForce, p?.byForce),
    ...section('unit', stats.byUnit, p?.byUnit, (r) => ({ key: unitCode(r.key), label: r.label })),
    ...section('province', stats.byProvince, p?.byProvince),
    ...section('commune', communes, undefined),
    ...section('category', stats.byCategory, p?.byCategory),
    ...section('place_type', stats.byPlaceType, p?.byPlaceType),
    ...section('channel', stats.byChannel, p?.byChannel),
    ...section<ResultRow>('outcome', stats.byOutcome, p?.byOutcome),
    ...section<ResultRow>('goods_type', stats.byGoodsType, p?.byGoodsType),
    ...section('month', stats.overTime, p?.overTime, (r) => ({ key: r.key, label: r.key.slice(0, 7) }), yearBefore),
  ];
}

interface CrimeLine {
  key: keyof CrimeTrack;
  value: number | null;
  previous: number | null | undefined;
}
const CRIME_KEYS = ['flagged', 'handedOver', 'handedOverInTime', 'decided', 'prosecuted', 'undecided'] as const;
const crimeLines = (now: CrimeTrack, then: CrimeTrack | undefined): CrimeLine[] => [
  ...CRIME_KEYS.map((key) => ({ key, value: now[key], previous: then?.[key] })),
  {
    key: 'prosecutionRate' as const,
    value: percent(now.prosecutionRate),
    previous: then ? percent(then.prosecutionRate) : undefined,
  },
];
const CRIME_COLUMNS = (lang: Language, compare: boolean): Column<CrimeLine>[] => [
  { header: 'stats.col.name', value: (r) => label(lang, `stats.crime.${r.key}`), width: 48 },
  { header: 'stats.col.count', value: (r) => r.value, width: 14 },
  ...(compare
    ? [
        { header: 'stats.col.previous' as MessageKey, value: (r: CrimeLine) => r.previous ?? null, width: 14 },
        {
          header: 'stats.col.change' as MessageKey,
          value: (r: CrimeLine) => (r.value === null || r.previous === null ? null : r.value - (r.previous ?? 0)),
          width: 14,
        },
      ]
    : []),
];

/** Issue #18: the typical cases, as the public may read them: never the reporter. */
const TYPICAL_COLUMNS = (lang: Language): Column<TypicalCase>[] => [
  { header: 'stats.col.tracking_code', value: (r) => r.trackingCode, width: 16 },
  { header: 'stats.col.province', value: (r) => r.provinceName, width: 20 },
  { header: 'stats.col.category', value: (r) => label(lang, `category.${r.category}`), width: 28 },
  {
    header: 'stats.col.goods_type',
    value: (r) => (r.goodsType ? label(lang, `goods.${r.goodsType}`) : null),
    width: 28,
  },
  { header: 'stats.col.outcome', value: (r) => (r.outcome ? label(lang, `outcome.${r.outcome}`) : null), width: 28 },
  { header: 'stats.col.resolved_at', value: (r) => moment(r.resolvedAt), width: 18 },
  { header: 'stats.col.public_outcome', value: (r) => r.publicOutcome, width: 80 },
];

const yesNo = (lang: Language, v: boolean) => t(lang, v ? 'stats.yes' : 'stats.no');
const moment = (v: Date | string | null) => (v === null ? null : new Date(v));

const REPORT_COLUMNS = (lang: Language, scope: ResolvedScope): Column<FactRow>[] => [
  { header: 'stats.col.tracking_code', value: (r) => r.tracking_code, width: 16 },
  { header: 'stats.col.received_at', value: (r) => moment(r.received_at), width: 18 },
  { header: 'stats.col.province', value: (r) => r.province_name, width: 20 },
  { header: 'stats.col.commune', value: (r) => r.commune_name, width: 20 },
  { header: 'stats.col.category', value: (r) => label(lang, `category.${r.category}`), width: 28 },
  { header: 'stats.col.place_type', value: (r) => label(lang, `place_type.${r.place_type}`), width: 28 },
  { header: 'stats.col.channel', value: (r) => label(lang, `channel.${r.channel}`), width: 14 },
  { header: 'stats.col.force', value: (r) => (r.force ? label(lang, `force.${r.force}`) : null), width: 18 },
  {
    header: 'stats.col.lead_unit',
    value: (r) => scope.names.units.get(r.lead_unit_id)?.name ?? r.lead_unit_name,
    width: 40,
  },
  { header: 'stats.col.status', value: (r) => label(lang, `status.${r.status}`), width: 20 },
  { header: 'stats.col.accept_due_at', value: (r) => moment(r.accept_due_at), width: 18 },
  { header: 'stats.col.accepted_at', value: (r) => moment(r.accepted_at), width: 18 },
  { header: 'stats.col.accepted_in_time', value: (r) => yesNo(lang, Number(r.accepted_in_time) === 1) },
  { header: 'stats.col.resolve_due_at', value: (r) => moment(r.resolve_due_at), width: 18 },
  { header: 'stats.col.resolved_at', value: (r) => moment(r.resolved_at), width: 18 },
  { header: 'stats.col.resolved_in_time', value: (r) => yesNo(lang, Number(r.resolved_in_time) === 1) },
  { header: 'stats.col.outcome', value: (r) => (r.outcome ? label(lang, `outcome.${r.outcome}`) : null), width: 28 },
  {
    header: 'stats.col.goods_type',
    value: (r) => (r.goods_type ? label(lang, `goods.${r.goods_type}`) : null),
    width: 28,
  },
];

/** A cell as CSV text: times in Vietnam as dd/mm/yyyy hh:mm, numbers with a decimal point. */
const csvCell = (v: Cell) => (v === null ? '' : v instanceof Date ? formatDateTime(v) : v);
const xlsxCell = (v: Cell) => (v instanceof Date ? formatDateTime(v) : v);

/**
 * Whether the response is gone (the client left, or it ended); `wait` waits for an event of a stream
 * or for the response to go, whichever comes first, and says whether writing may go on.
 */
function watchResponse(res: Writable) {
  let gone = false;
  const closed = new Promise<void>((resolve) => res.once('close', () => ((gone = true), resolve())));
  return {
    get gone() {
      return gone;
    },
    wait: async (emitter: NodeJS.EventEmitter, event: string) => {
      await Promise.race([once(emitter, event), closed]);
      return !gone;
    },
  };
}
type Watch = ReturnType<typeof watchResponse>;

/**
 * Writes CSV rows with the response's backpressure and stops reading when the client leaves; the
 * byte-order mark lets spreadsheets read UTF-8 (Vietnamese); a cell that starts like a formula is
 * written as text (escape_formulas), since unit names are typed by people.
 */
async function writeCsv<T>(
  out: Writable,
  watch: Watch,
  lang: Language,
  columns: Column<T>[],
  rows: AsyncIterable<T[]>,
): Promise<void> {
  out.write('\ufeff');
  const csv = stringify({ record_delimiter: 'windows', escape_formulas: true });
  csv.pipe(out);
  const put = async (cells: (string | number)[]) => csv.write(cells) || (await watch.wait(csv, 'drain'));
  if (!(await put(columns.map((c) => t(lang, c.header))))) return;
  for await (const batch of rows)
    for (const row of batch) if (!(await put(columns.map((c) => csvCell(c.value(row)))))) return;
  csv.end();
  await watch.wait(out, 'finish');
}

/**
 * One worksheet per table, each row committed as written (exceljs streaming writer). exceljs takes
 * every write without pushing back, so after each batch the response is let drain first; when the
 * client leaves, nothing more is read or written.
 */
async function writeXlsx(
  out: Writable,
  watch: Watch,
  sheets: { name: string; title: string[]; write: (sheet: ExcelJS.Worksheet) => Promise<boolean> }[],
): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'Tipline 389';
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name);
    for (const line of s.title) sheet.addRow([line]).commit();
    sheet.addRow([]).commit();
    if (!(await s.write(sheet))) return;
    sheet.commit();
  }
  await book.commit();
}

async function xlsxTable<T>(
  sheet: ExcelJS.Worksheet,
  out: Writable,
  watch: Watch,
  lang: Language,
  columns: Column<T>[],
  rows: AsyncIterable<T[]>,
): Promise<boolean> {
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width ?? 14;
    if (c.numFmt) column.numFmt = c.numFmt;
  });
  const header = sheet.addRow(columns.map((c) => t(lang, c.header)));
  header.font = { bold: true };
  header.commit();
  for await (const batch of rows) {
    for (const row of batch) sheet.addRow(columns.map((c) => xlsxCell(c.value(row)))).commit();
    if (watch.gone || (out.writableNeedDrain && !(await watch.wait(out, 'drain')))) return false;
  }
  return true;
}

const TABLE_SUFFIX = { crime: 'toi-pham', typical: 'dien-hinh', reports: 'danh-sach' } as const;

async function* single<T>(rows: T[]): AsyncIterable<T[]> {
  yield rows;
}

/** The period's name in a title: the old halves and years as before, the other presets by name. */
function periodTitle(
  lang: Language,
  days: ReturnType<typeof periodicDays>,
  scopeName: string,
  legacy: string | undefined,
): string {
  if (legacy)
    return t(lang, legacy.includes('-H') ? 'stats.title_half' : 'stats.title_year', {
      period: legacy,
      scope: scopeName,
    });
  return t(lang, 'stats.title_other', { period: presetName(lang, days), scope: scopeName });
}

/** Issue #18: `2026`, `Quý 2 năm 2026`, `Năm báo cáo 2026 (01/10/2025 – 30/09/2026)`, … */
export function presetName(lang: Language, days: ReturnType<typeof periodicDays>): string {
  const shown = (d: string) => formatDate(`${d}T12:00:00+07:00`);
  return t(lang, presetKey(days.preset, days.part) as MessageKey, {
    year: days.year ?? '',
    part: days.part ?? '',
    from: shown(days.from),
    to: shown(days.to),
  });
}

/**
 * Issues #7 and #18: `GET /api/staff/stats/export`. The file is named after the period and the scope; XLSX has
 * the summary, the crime track and the typical cases as sheets (CSV: one table per file, `table`).
 */
export async function exportPeriodicReport(
  deps: AppDeps,
  staff: StaffUser,
  query: StaffStatsExportQuery,
  lang: Language,
  res: Response,
): Promise<void> {
  const { days, scope } = await periodicScope(deps, staff, query);
  const now = deps.clock.now();
  const periodKey = query.period ?? `${days.from}_${days.to}`;
  // Issue #18: a unit lead's or a commune committee's report is named after its scope (codes, never an id).
  const where = scope.within ? withinSlug(scope.within) : (scope.province ?? 'national');
  await appendAudit(deps.db, {
    at: now,
    action: 'stats_exported',
    actorId: staff.id,
    subject: `stats:${periodKey}:${where}`,
    data: { format: query.format, table: query.table, compare: query.compare },
  });
  const suffix = query.table === 'summary' ? '' : `-${TABLE_SUFFIX[query.table]}`;
  const name = `bao-cao-389-${periodKey}-${scope.within ? where : (scope.province ?? 'toan-quoc')}${suffix}.${query.format}`;
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.setHeader(
    'Content-Type',
    query.format === 'csv'
      ? 'text/csv; charset=utf-8'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const scopeName = scope.within
    ? withinName(scope.within, scope.provinceName, lang)
    : (scope.provinceName ?? t(lang, 'stats.nation'));
  const title = [
    periodTitle(lang, days, scopeName, query.period),
    t(lang, 'stats.title_dates', {
      from: formatDate(`${days.from}T12:00:00+07:00`),
      to: formatDate(`${days.to}T12:00:00+07:00`),
      at: formatDateTime(now),
    }),
  ];

  const watch = watchResponse(res);
  if (query.table !== 'reports') {
    const [stats, previous, communes, typical] = await Promise.all([
      computeStats(deps, scope, lang),
      previousStats(deps, scope, lang, query.compare),
      communeFigures(deps, scope, lang),
      typicalCases(deps, scope),
    ]);
    if (previous) title.push(t(lang, 'stats.title_previous', { from: previous.scope.from, to: previous.scope.to }));
    const summaryColumns = previous ? [...SUMMARY_COLUMNS, ...COMPARISON_COLUMNS] : SUMMARY_COLUMNS;
    const summary = summaryRows(stats, previous, communes, scope, lang);
    const crime = crimeLines(stats.crime, previous?.crime);
    const crimeColumns = CRIME_COLUMNS(lang, previous !== null);
    const typicalColumns = TYPICAL_COLUMNS(lang);
    if (query.format === 'csv') {
      if (query.table === 'crime') return writeCsv(res, watch, lang, crimeColumns, single(crime));
      if (query.table === 'typical') return writeCsv(res, watch, lang, typicalColumns, single(typical));
      return writeCsv(res, watch, lang, summaryColumns, single(summary));
    }
    const sheets = {
      summary: {
        name: t(lang, 'stats.sheet_summary'),
        title,
        write: (sheet: ExcelJS.Worksheet) => xlsxTable(sheet, res, watch, lang, summaryColumns, single(summary)),
      },
      crime: {
        name: t(lang, 'stats.sheet_crime'),
        title,
        write: (sheet: ExcelJS.Worksheet) => xlsxTable(sheet, res, watch, lang, crimeColumns, single(crime)),
      },
      typical: {
        name: t(lang, 'stats.sheet_typical'),
        title,
        write: (sheet: ExcelJS.Worksheet) => xlsxTable(sheet, res, watch, lang, typicalColumns, single(typical)),
      },
    };
    return writeXlsx(
      res,
      watch,
      query.table === 'summary' ? [sheets.summary, sheets.crime, sheets.typical] : [sheets[query.table]],
    );
  }

  const columns = REPORT_COLUMNS(lang, scope);
  async function* batches(): AsyncIterable<FactRow[]> {
    let after: FactsCursor | null = null;
    while (!watch.gone) {
      const rows: FactRow[] = await readFacts(deps.db, { scope, where: [] }, { after, limit: BATCH, order: 'oldest' });
      if (rows.length > 0) yield rows;
      const last = rows.at(-1);
      if (rows.length < BATCH || !last) return;
      after = factsCursorOf(last);
    }
  }
  if (query.format === 'csv') return writeCsv(res, watch, lang, columns, batches());
  return writeXlsx(res, watch, [
    {
      name: t(lang, 'stats.sheet_reports'),
      title,
      write: (sheet) => xlsxTable(sheet, res, watch, lang, columns, batches()),
    },
  ]);
}
