import { and, asc, eq, or } from 'drizzle-orm';
import type { ReportPlace } from '../auth/access';
import type { Queryable } from '../db/types';
import { routingDecisionsTable } from '../routing/routing.table';
import { reportEventsTable, reportPhotosTable, reportsTable } from './reports.table';

export type NewReport = typeof reportsTable.$inferInsert;
export type Report = typeof reportsTable.$inferSelect;
export type NewEvent = typeof reportEventsTable.$inferInsert;
export type ReportEvent = typeof reportEventsTable.$inferSelect;
export type NewPhoto = typeof reportPhotosTable.$inferInsert;

export async function insertReport(q: Queryable, report: NewReport): Promise<Report> {
  const [row] = await q.insert(reportsTable).values(report).returning();
  if (!row) throw new Error('report not inserted');
  return row;
}

export async function insertEvent(q: Queryable, event: NewEvent): Promise<ReportEvent> {
  const [row] = await q.insert(reportEventsTable).values(event).returning();
  if (!row) throw new Error('event not inserted');
  return row;
}

export async function insertPhotos(q: Queryable, photos: NewPhoto[]): Promise<void> {
  if (photos.length > 0) await q.insert(reportPhotosTable).values(photos);
}

export async function findReportByCode(q: Queryable, trackingCode: string): Promise<Report | undefined> {
  const [row] = await q.select().from(reportsTable).where(eq(reportsTable.trackingCode, trackingCode));
  return row;
}

/** Moves a report to a new status if nobody changed it since `version` was read. */
export async function updateReportStatus(
  q: Queryable,
  report: Pick<Report, 'id' | 'version'>,
  changes: Pick<Report, 'status' | 'statusBeforeInfo'>,
): Promise<boolean> {
  const rows = await q
    .update(reportsTable)
    .set({ ...changes, version: report.version + 1 })
    .where(and(eq(reportsTable.id, report.id), eq(reportsTable.version, report.version)))
    .returning({ id: reportsTable.id });
  return rows.length === 1;
}

export async function findEvents(q: Queryable, reportId: string): Promise<ReportEvent[]> {
  return q.select().from(reportEventsTable).where(eq(reportEventsTable.reportId, reportId)).orderBy(asc(reportEventsTable.id));
}

export async function countPhotosByEvent(q: Queryable, reportId: string): Promise<Map<number | null, number>> {
  const rows = await q.select({ eventId: reportPhotosTable.eventId }).from(reportPhotosTable).where(eq(reportPhotosTable.reportId, reportId));
  const counts = new Map<number | null, number>();
  for (const r of rows) counts.set(r.eventId, (counts.get(r.eventId) ?? 0) + 1);
  return counts;
}

export async function photoFileIsStored(q: Queryable, name: string): Promise<boolean> {
  const rows = await q
    .select({ id: reportPhotosTable.id })
    .from(reportPhotosTable)
    .where(or(eq(reportPhotosTable.fileName, name), eq(reportPhotosTable.thumbName, name)))
    .limit(1);
  return rows.length > 0;
}

export async function findPhoto(q: Queryable, id: string) {
  const [row] = await q.select().from(reportPhotosTable).where(eq(reportPhotosTable.id, id));
  return row;
}

/** What the access check needs of a report: its province, its lead and its coordinating units. */
export async function findReportPlace(q: Queryable, reportId: string): Promise<ReportPlace | undefined> {
  const [row] = await q
    .select({ provinceCode: reportsTable.provinceCode, leadUnitId: reportsTable.leadUnitId, coordinating: routingDecisionsTable.coordinating })
    .from(reportsTable)
    .innerJoin(routingDecisionsTable, eq(routingDecisionsTable.id, reportsTable.routingDecisionId))
    .where(eq(reportsTable.id, reportId));
  return row && { provinceCode: row.provinceCode, leadUnitId: row.leadUnitId, coordinatingUnitIds: row.coordinating.map((c) => c.unitId) };
}
