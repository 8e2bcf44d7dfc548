import { alias } from 'drizzle-orm/pg-core';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Status } from '../../shared/domain/statuses';
import { staffAccountsTable } from '../auth/auth.table';
import { queryRows, uuidArray } from '../db/query-rows';
import type { Queryable } from '../db/types';
import { communesTable, provincesTable } from '../places/places.table';
import type { Report } from '../reports/reports.repository';
import {
  openStatusList,
  reportCoordinationsTable,
  reportEventsTable,
  reportPhotosTable,
  reportsTable,
} from '../reports/reports.table';
import { routingDecisionsTable } from '../routing/routing.table';
import { unitsTable } from '../units/units.table';

/** What a staff action or the reporter's answer may change of a report (its id and version are kept here). */
export type ReportChanges = Partial<Omit<typeof reportsTable.$inferInsert, 'id' | 'version'>>;

/**
 * Writes `changes` and bumps the version if the report is still at `version`; undefined when it is
 * not (someone else changed it since it was read).
 */
export async function updateReportAtVersion(
  q: Queryable,
  report: Pick<Report, 'id' | 'version'>,
  changes: ReportChanges,
): Promise<Report | undefined> {
  const [row] = await q
    .update(reportsTable)
    .set({ ...changes, version: report.version + 1 })
    .where(and(eq(reportsTable.id, report.id), eq(reportsTable.version, report.version)))
    .returning();
  return row;
}

/** The report, locked for the rest of the transaction: one action at a time per report. */
export async function lockReportByCode(q: Queryable, trackingCode: string) {
  const [row] = await q.select().from(reportsTable).where(eq(reportsTable.trackingCode, trackingCode)).for('update');
  return row;
}

export async function findCoordinations(q: Queryable, reportId: string) {
  return q
    .select({
      unitId: reportCoordinationsTable.unitId,
      source: reportCoordinationsTable.source,
      unitName: unitsTable.name,
      force: unitsTable.force,
    })
    .from(reportCoordinationsTable)
    .innerJoin(unitsTable, eq(unitsTable.id, reportCoordinationsTable.unitId))
    .where(eq(reportCoordinationsTable.reportId, reportId))
    .orderBy(asc(reportCoordinationsTable.at), asc(unitsTable.name));
}

export async function findUnit(q: Queryable, id: string) {
  const [row] = await q.select().from(unitsTable).where(eq(unitsTable.id, id));
  return row;
}

export async function findStaffAccount(q: Queryable, id: string) {
  const [row] = await q.select().from(staffAccountsTable).where(eq(staffAccountsTable.id, id));
  return row;
}

const leadUnit = alias(unitsTable, 'lead_unit');
const transferUnit = alias(unitsTable, 'transfer_unit');
const survivor = alias(reportsTable, 'survivor');

/** Everything the case page shows of a report, names resolved. */
export async function findCaseDetails(q: Queryable, reportId: string) {
  const [row] = await q
    .select({
      report: reportsTable,
      provinceName: provincesTable.name,
      communeName: communesTable.name,
      lead: { id: leadUnit.id, name: leadUnit.name, force: leadUnit.force },
      routing: {
        ruleKey: routingDecisionsTable.ruleKey,
        ruleSetVersion: routingDecisionsTable.ruleSetVersion,
        explanationVi: routingDecisionsTable.explanationVi,
        explanationEn: routingDecisionsTable.explanationEn,
      },
      transferUnitName: transferUnit.name,
      assignedName: staffAccountsTable.displayName,
      mergedIntoCode: survivor.trackingCode,
    })
    .from(reportsTable)
    .innerJoin(provincesTable, eq(provincesTable.code, reportsTable.provinceCode))
    .leftJoin(communesTable, eq(communesTable.code, reportsTable.communeCode))
    .innerJoin(leadUnit, eq(leadUnit.id, reportsTable.leadUnitId))
    .innerJoin(routingDecisionsTable, eq(routingDecisionsTable.id, reportsTable.routingDecisionId))
    .leftJoin(transferUnit, eq(transferUnit.id, reportsTable.transferToUnitId))
    .leftJoin(staffAccountsTable, eq(staffAccountsTable.id, reportsTable.assignedTo))
    .leftJoin(survivor, eq(survivor.id, reportsTable.mergedInto))
    .where(eq(reportsTable.id, reportId));
  return row;
}

/** The report's events in chain order, with the name of the staff member who acted. */
export async function findTimeline(q: Queryable, reportId: string) {
  return q
    .select({ event: reportEventsTable, actorName: staffAccountsTable.displayName })
    .from(reportEventsTable)
    .leftJoin(staffAccountsTable, sql`${staffAccountsTable.id}::text = ${reportEventsTable.actor}`)
    .where(eq(reportEventsTable.reportId, reportId))
    .orderBy(asc(reportEventsTable.seq));
}

export async function findCasePhotos(q: Queryable, reportId: string) {
  return q
    .select({
      id: reportPhotosTable.id,
      width: reportPhotosTable.width,
      height: reportPhotosTable.height,
      eventId: reportPhotosTable.eventId,
    })
    .from(reportPhotosTable)
    .where(eq(reportPhotosTable.reportId, reportId))
    .orderBy(asc(reportPhotosTable.createdAt), asc(reportPhotosTable.id));
}

export interface QueueRow {
  id: string;
  tracking_code: string;
  status: Status;
  category: string;
  place_type: string;
  commune_name: string | null;
  received_at: Date | string;
  next_due_at: Date | string | null;
  lead_unit_name: string;
  assigned_name: string | null;
  excerpt: string;
  is_lead: boolean;
  /** Issue #18: handed to one of the viewer's units as investigating body. */
  is_investigating: boolean;
  transfer_pending: boolean;
  urgent: boolean;
}

/**
 * `<alias>.status` is open (shared/domain/lifecycle.ts `OPEN_STATUSES`); written as the partial index's
 * predicate is (constants, not parameters), so that the planner can match it.
 */
export const openStatusOf = (alias: string) => sql`${sql.raw(alias)}.status in ${openStatusList}`;
const OPEN = openStatusOf('r');

/**
 * Issue #6, the queue: reports `scope` lets the viewer see, filtered, by nearest running deadline
 * (none last), then id; keyset pagination after (`afterDue`, `afterId`). `scope` and `filters` are
 * SQL conditions on `r` built by the service; `openScope` is `scope` for open reports.
 *
 * Two steps, because a running deadline is rare: reports with one (received, accepted, verifying:
 * a few percent of all) come first and are read in order from `reports_running_idx`; only when they
 * run out does the page go on to those without one (paused and finished: nearly every report), by id.
 * One query ordered `nulls last` over both read every report of the scope (bench/queue.ts). Each step
 * picks the page's ids first and joins names to those alone.
 */
export async function findQueuePage(
  q: Queryable,
  input: {
    scope: SQL;
    openScope: SQL;
    filters: SQL[];
    leadUnits: string[];
    /** The last row of the previous page: `urgent` when it was an urgent open report (the first part). */
    after: { urgent: boolean; due: string | null; id: string } | null;
    limit: number;
  },
): Promise<QueueRow[]> {
  const page = (tx: Queryable, where: SQL | undefined, limit: number) =>
    queryRows<QueueRow & Record<string, unknown>>(
      tx,
      sql`select r.id, r.tracking_code, r.status, r.category, r.place_type, c.name as commune_name, r.received_at, r.next_due_at,
            u.name as lead_unit_name, s.display_name as assigned_name, left(r.description, 160) as excerpt,
            r.lead_unit_id = any(${uuidArray(input.leadUnits)}) as is_lead,
            exists (select 1 from report_crime k where k.report_id = r.id
                      and k.investigating_unit_id = any(${uuidArray(input.leadUnits)})) as is_investigating,
            r.transfer_to_unit_id is not null as transfer_pending, r.urgent
          from (select r.id from reports r where ${where} order by r.next_due_at asc nulls last, r.id asc limit ${limit}) p
          join reports r on r.id = p.id
          left join communes c on c.code = r.commune_code
          join units u on u.id = r.lead_unit_id
          left join staff_accounts s on s.id = r.assigned_to
          order by r.next_due_at asc nulls last, r.id asc`,
    );
  const { after } = input;
  // Issue #17: three parts in this order, each by running deadline (none last) then id: urgent open
  // reports, then the others' running deadlines, then those with none. The cursor names its part.
  const urgentOpen = sql`(r.urgent and ${OPEN})`;
  const rows: QueueRow[] = [];
  if (!after || after.urgent) {
    const afterKey = !after
      ? undefined
      : after.due === null
        ? sql`r.next_due_at is null and r.id > ${after.id}::uuid`
        : sql`(r.next_due_at is null or (r.next_due_at, r.id) > (${after.due}::timestamptz, ${after.id}::uuid))`;
    rows.push(...(await page(q, and(input.openScope, urgentOpen, afterKey, ...input.filters), input.limit)));
    if (rows.length >= input.limit) return rows;
  }
  const inRest = !after || after.urgent ? null : after;
  if (inRest?.due !== null) {
    rows.push(
      ...(await page(
        q,
        and(
          input.openScope,
          sql`r.next_due_at is not null`,
          sql`not r.urgent`,
          inRest ? sql`(r.next_due_at, r.id) > (${inRest.due}::timestamptz, ${inRest.id}::uuid)` : undefined,
          ...input.filters,
        ),
        input.limit - rows.length,
      )),
    );
    if (rows.length >= input.limit) return rows;
  }
  const stopped = await page(
    q,
    and(
      input.scope,
      sql`r.next_due_at is null`,
      sql`not ${urgentOpen}`,
      inRest?.due === null ? sql`r.id > ${inRest.id}::uuid` : undefined,
      ...input.filters,
    ),
    input.limit - rows.length,
  );
  return [...rows, ...stopped];
}

/**
 * How many open reports of the queue (same scope and filters, any open status) are in each status.
 * Resolved and closed reports are not counted: they are nearly all of a unit's reports (a year's
 * worth, and growing), counting them read every one of them on every request (bench/queue.ts), and
 * their number is not work in hand. The open ones are read from `reports_open_idx`.
 */
export async function countQueueByStatus(q: Queryable, scope: SQL, filters: SQL[]): Promise<Record<string, number>> {
  const rows = await queryRows<{ status: string; n: number }>(
    q,
    sql`select r.status, count(*)::int as n from reports r where ${and(OPEN, scope, ...filters)} group by r.status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Officers and unit leads of these units, active: whom a unit lead can give a report to. */
export async function findAssignable(q: Queryable, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  return queryRows<{ id: string; name: string }>(
    q,
    sql`select id, display_name as name from staff_accounts
        where unit_id = any(${uuidArray(unitIds)}) and role in ('officer', 'unit_lead') and not is_disabled
        order by display_name`,
  );
}

/** Duplicates that pointed at `from` now point at `to` (a report merged into one that is itself merged). */
export async function repointDuplicates(q: Queryable, from: string, to: string): Promise<void> {
  await q.update(reportsTable).set({ mergedInto: to }).where(eq(reportsTable.mergedInto, from));
}
