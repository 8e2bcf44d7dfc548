import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CallSummary } from '../../shared/api/intake';
import { staffAccountsTable } from '../auth/auth.table';
import { communesTable, provincesTable } from '../places/places.table';
import type { Queryable } from '../db/types';
import { reportEventsTable, reportPhotosTable, reportsTable } from '../reports/reports.table';
import { unitsTable } from '../units/units.table';
import { hotlineCallsTable } from './intake.table';

export type NewCall = typeof hotlineCallsTable.$inferInsert;

/** Returns the new call's id. */
export async function insertCall(q: Queryable, call: NewCall): Promise<string> {
  const [row] = await q.insert(hotlineCallsTable).values(call).returning({ id: hotlineCallsTable.id });
  if (!row) throw new Error('call not inserted');
  return row.id;
}

/**
 * Calls that opened a report or were appended to it. A follow-up call, where a caller gave their receipt and
 * the operator recorded the spoken answer (event `reporter_message`, issue #17), is left out: it shows the
 * operator what the tracking page shows, and does not make the report theirs to open or list.
 */
const reportCall = inArray(reportEventsTable.type, ['received', 'call_appended']);

const callColumns = {
  channel: hotlineCallsTable.channel,
  at: hotlineCallsTable.startedAt,
  endedAt: hotlineCallsTable.endedAt,
  line: hotlineCallsTable.line,
  caller: hotlineCallsTable.callerMasked,
  callerAnonymous: hotlineCallsTable.callerAnonymous,
  opensReport: hotlineCallsTable.opensReport,
  note: reportEventsTable.body,
  operator: staffAccountsTable.displayName,
  trackingCode: reportsTable.trackingCode,
};

function selectCalls(q: Queryable) {
  return q
    .select(callColumns)
    .from(hotlineCallsTable)
    .innerJoin(reportEventsTable, eq(reportEventsTable.id, hotlineCallsTable.eventId))
    .innerJoin(staffAccountsTable, eq(staffAccountsTable.id, hotlineCallsTable.operatorId))
    .innerJoin(reportsTable, eq(reportsTable.id, hotlineCallsTable.reportId));
}

const presentCall = (
  row: Omit<CallSummary, 'at' | 'endedAt' | 'note'> & { at: Date; endedAt: Date; note: string | null },
): CallSummary => ({
  ...row,
  at: row.at.toISOString(),
  endedAt: row.endedAt.toISOString(),
  // The opening call's event is `received`, whose body is empty: its text is the report itself.
  note: row.opensReport ? null : row.note,
});

export async function findCallsOfReport(q: Queryable, reportId: string): Promise<CallSummary[]> {
  const rows = await selectCalls(q)
    .where(eq(hotlineCallsTable.reportId, reportId))
    .orderBy(hotlineCallsTable.startedAt);
  return rows.map(presentCall);
}

/** An operator's latest calls, newest first: the way back to a report to attach the caller's photos. */
export async function findCallsOfOperator(q: Queryable, operatorId: string, limit: number): Promise<CallSummary[]> {
  const rows = await selectCalls(q)
    .where(and(eq(hotlineCallsTable.operatorId, operatorId), reportCall))
    .orderBy(desc(hotlineCallsTable.createdAt), desc(hotlineCallsTable.startedAt))
    .limit(limit);
  return rows.map(presentCall);
}

export async function operatorOpenedReport(q: Queryable, operatorId: string, reportId: string): Promise<boolean> {
  const rows = await q
    .select({ id: hotlineCallsTable.id })
    .from(hotlineCallsTable)
    .where(
      and(
        eq(hotlineCallsTable.reportId, reportId),
        eq(hotlineCallsTable.operatorId, operatorId),
        eq(hotlineCallsTable.opensReport, true),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Whether a call of this operator opened the report or was appended to it (issue #15: their own; not a follow-up call). */
export async function operatorHasCallOn(q: Queryable, operatorId: string, reportId: string): Promise<boolean> {
  const rows = await q
    .select({ id: hotlineCallsTable.id })
    .from(hotlineCallsTable)
    .innerJoin(reportEventsTable, eq(reportEventsTable.id, hotlineCallsTable.eventId))
    .where(and(eq(hotlineCallsTable.reportId, reportId), eq(hotlineCallsTable.operatorId, operatorId), reportCall))
    .limit(1);
  return rows.length > 0;
}

/** The report as the console opens it: its fields, its place and lead by name; never its contact. */
export async function findReportForIntake(q: Queryable, trackingCode: string) {
  const [row] = await q
    .select({
      id: reportsTable.id,
      trackingCode: reportsTable.trackingCode,
      receivedAt: reportsTable.receivedAt,
      channel: reportsTable.channel,
      status: reportsTable.status,
      category: reportsTable.category,
      placeType: reportsTable.placeType,
      provinceName: provincesTable.name,
      communeName: communesTable.name,
      address: reportsTable.address,
      url: reportsTable.url,
      sellerHandle: reportsTable.sellerHandle,
      observedAt: reportsTable.observedAt,
      description: reportsTable.description,
      leadForce: unitsTable.force,
      leadUnitName: unitsTable.name,
      photos: sql<number>`(select count(*)::int from ${reportPhotosTable} where ${reportPhotosTable.reportId} = ${reportsTable.id})`,
    })
    .from(reportsTable)
    .innerJoin(provincesTable, eq(provincesTable.code, reportsTable.provinceCode))
    .leftJoin(communesTable, eq(communesTable.code, reportsTable.communeCode))
    .innerJoin(unitsTable, eq(unitsTable.id, reportsTable.leadUnitId))
    .where(eq(reportsTable.trackingCode, trackingCode));
  return row;
}
