import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import type { StaffStats, StatsRow } from '../../shared/api/stats';
import { formatDate, formatDateTime } from '../../shared/i18n/format';
import { t, type Language } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/vi';
import { periodDays, type StaffStatsExportQuery } from '../../shared/schemas/stats';
import { appendAudit } from '../auth/auth.repository';
import type { StaffUser } from '../auth/auth.service';
import type { AppDeps } from '../deps';
import { factsCursorOf, readFacts, type FactRow, type FactsCursor } from './stats.repository';
import { withinName, withinSlug } from './figures-scope';
import { computeStats, resolveScope } from './stats.service';

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

interface SummaryRow extends StatsRow {
  section: string;
}

const SUMMARY_COLUMNS: Column<SummaryRow>[] = [
  { header: 'stats.col.section', value: (r) => r.section, width: 18 },
  { header: 'stats.col.key', value: (r) => r.key, width: 12 },
  { header: 'stats.col.name', value: (r) => r.label, width: 48 },
  { header: 'stats.col.received', value: (r) => r.received },
  { header: 'stats.col.accepted', value: (r) => r.accepted },
  { header: 'stats.col.accepted_in_time', value: (r) => r.acceptedInTime },
  { header: 'stats.col.acceptance_rate', value: (r) => percent(r.acceptanceRate), numFmt: '0.0' },
  { header: 'stats.col.resolved', value: (r) => r.resolved },
  { header: 'stats.col.resolved_in_time', value: (r) => r.resolvedInTime },
  { header: 'stats.col.resolution_rate', value: (r) => percent(r.resolutionRate), numFmt: '0.0' },
  { header: 'stats.col.median_accept_hours', value: (r) => r.medianAcceptHours },
  { header: 'stats.col.median_resolve_days', value: (r) => r.medianResolveDays },
  { header: 'stats.col.overdue_now', value: (r) => r.overdueNow },
];

/** The sections of the periodic report, in the order a reader expects them. */
function summaryRows(stats: StaffStats, lang: Language): SummaryRow[] {
  const section = (key: string, rows: StatsRow[]) =>
    rows.map((r) => ({ ...r, section: label(lang, `stats.section.${key}`) }));
  return [
    ...section('total', [stats.totals]),
    ...section('force', stats.byForce),
    ...section('unit', stats.byUnit),
    ...section('province', stats.byProvince),
    ...section('category', stats.byCategory),
    ...section('place_type', stats.byPlaceType),
    ...section('channel', stats.byChannel),
    ...section(
      'month',
      stats.overTime.map((r) => ({ ...r, label: r.key.slice(0, 7) })),
    ),
  ];
}

const yesNo = (lang: Language, v: boolean) => t(lang, v ? 'stats.yes' : 'stats.no');
const moment = (v: Date | string | null) => (v === null ? null : new Date(v));

const REPORT_COLUMNS = (lang: Language): Column<FactRow>[] => [
  { header: 'stats.col.tracking_code', value: (r) => r.tracking_code, width: 16 },
  { header: 'stats.col.received_at', value: (r) => moment(r.received_at), width: 18 },
  { header: 'stats.col.province', value: (r) => r.province_name, width: 20 },
  { header: 'stats.col.commune', value: (r) => r.commune_name, width: 20 },
  { header: 'stats.col.category', value: (r) => label(lang, `category.${r.category}`), width: 28 },
  { header: 'stats.col.place_type', value: (r) => label(lang, `place_type.${r.place_type}`), width: 28 },
  { header: 'stats.col.channel', value: (r) => label(lang, `channel.${r.channel}`), width: 14 },
  { header: 'stats.col.force', value: (r) => label(lang, `force.${r.force}`), width: 18 },
  { header: 'stats.col.lead_unit', value: (r) => r.lead_unit_name, width: 40 },
  { header: 'stats.col.status', value: (r) => label(lang, `status.${r.status}`), width: 20 },
  { header: 'stats.col.accept_due_at', value: (r) => moment(r.accept_due_at), width: 18 },
  { header: 'stats.col.accepted_at', value: (r) => moment(r.accepted_at), width: 18 },
  { header: 'stats.col.accepted_in_time', value: (r) => yesNo(lang, Number(r.accepted_in_time) === 1) },
  { header: 'stats.col.resolve_due_at', value: (r) => moment(r.resolve_due_at), width: 18 },
  { header: 'stats.col.resolved_at', value: (r) => moment(r.resolved_at), width: 18 },
  { header: 'stats.col.resolved_in_time', value: (r) => yesNo(lang, Number(r.resolved_in_time) === 1) },
  { header: 'stats.col.outcome', value: (r) => (r.outcome ? label(lang, `outcome.${r.outcome}`) : null), width: 28 },
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

async function* single<T>(rows: T[]): AsyncIterable<T[]> {
  yield rows;
}

/** Issue #7: `GET /api/staff/stats/export`. The file is named after the period and the scope. */
export async function exportPeriodicReport(
  deps: AppDeps,
  staff: StaffUser,
  query: StaffStatsExportQuery,
  lang: Language,
  res: Response,
): Promise<void> {
  const days = periodDays(query.period);
  const scope = await resolveScope(deps, staff, { province: query.province, ...days, interval: 'month' });
  const now = deps.clock.now();
  // Issue #18: a unit lead's or a commune committee's report is named after its scope (codes, never an id).
  const where = scope.within ? withinSlug(scope.within) : (scope.province ?? 'national');
  await appendAudit(deps.db, {
    at: now,
    action: 'stats_exported',
    actorId: staff.id,
    subject: `stats:${query.period}:${where}`,
    data: { format: query.format, table: query.table },
  });
  const name = `bao-cao-389-${query.period}-${scope.within ? where : (scope.province ?? 'toan-quoc')}${query.table === 'reports' ? '-danh-sach' : ''}.${query.format}`;
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
    t(lang, query.period.includes('-H') ? 'stats.title_half' : 'stats.title_year', {
      period: query.period,
      scope: scopeName,
    }),
    t(lang, 'stats.title_dates', {
      from: formatDate(`${days.from}T12:00:00+07:00`),
      to: formatDate(`${days.to}T12:00:00+07:00`),
      at: formatDateTime(now),
    }),
  ];

  const watch = watchResponse(res);
  if (query.table === 'summary') {
    const stats = await computeStats(deps, scope, lang);
    const rows = summaryRows(stats, lang);
    if (query.format === 'csv') return writeCsv(res, watch, lang, SUMMARY_COLUMNS, single(rows));
    return writeXlsx(res, watch, [
      {
        name: t(lang, 'stats.sheet_summary'),
        title,
        write: (sheet) => xlsxTable(sheet, res, watch, lang, SUMMARY_COLUMNS, single(rows)),
      },
    ]);
  }

  const columns = REPORT_COLUMNS(lang);
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
