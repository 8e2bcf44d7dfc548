import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { DuplicateCandidateView } from '../../shared/api/duplicates';
import type { Status } from '../../shared/domain/statuses';
import type { ReportPlace } from '../auth/scope';
import { queryRows } from '../db/query-rows';
import type { Queryable } from '../db/types';
import { unitsTable } from '../units/units.table';
import { reportCoordinationsTable, reportEventsTable, reportPhotosTable, reportsTable } from './reports.table';

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

export async function insertCoordinations(
  q: Queryable,
  rows: (typeof reportCoordinationsTable.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await q.insert(reportCoordinationsTable).values(rows).onConflictDoNothing();
}

export async function insertPhotos(q: Queryable, photos: NewPhoto[]): Promise<void> {
  if (photos.length > 0) await q.insert(reportPhotosTable).values(photos);
}

export async function findReportByCode(q: Queryable, trackingCode: string): Promise<Report | undefined> {
  const [row] = await q.select().from(reportsTable).where(eq(reportsTable.trackingCode, trackingCode));
  return row;
}

export async function findReportById(q: Queryable, id: string): Promise<Report | undefined> {
  const [row] = await q.select().from(reportsTable).where(eq(reportsTable.id, id));
  return row;
}

/** The unit leading a report now, as the tracking page names it. */
export async function findLeadOf(q: Queryable, unitId: string): Promise<{ force: string; unitName: string } | null> {
  const [row] = await q
    .select({ force: unitsTable.force, unitName: unitsTable.name })
    .from(unitsTable)
    .where(eq(unitsTable.id, unitId));
  // Issue #18: a standing office (no force) is not named on the tracking page.
  return row?.force ? { force: row.force, unitName: row.unitName } : null;
}

export async function findEvents(q: Queryable, reportId: string): Promise<ReportEvent[]> {
  return q
    .select()
    .from(reportEventsTable)
    .where(eq(reportEventsTable.reportId, reportId))
    .orderBy(asc(reportEventsTable.id));
}

export async function countPhotosByEvent(q: Queryable, reportId: string): Promise<Map<number | null, number>> {
  const rows = await q
    .select({ eventId: reportPhotosTable.eventId })
    .from(reportPhotosTable)
    .where(eq(reportPhotosTable.reportId, reportId));
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
    .select({
      provinceCode: reportsTable.provinceCode,
      leadUnitId: reportsTable.leadUnitId,
      transferToUnitId: reportsTable.transferToUnitId,
      misconduct: reportsTable.misconduct,
      // Spelled out: drizzle writes an unqualified "id" here, which hotline_calls.id would capture.
      coordinating: sql<
        string[]
      >`array(select c.unit_id::text from report_coordinations c where c.report_id = reports.id)`,
      enteredBy: sql<
        string | null
      >`(select h.operator_id from hotline_calls h where h.report_id = reports.id and h.opens_report limit 1)`,
      // Issue #18: the investigating body the report was handed to.
      investigatingUnitId: sql<
        string | null
      >`(select k.investigating_unit_id::text from report_crime k where k.report_id = reports.id)`,
    })
    .from(reportsTable)
    .where(eq(reportsTable.id, reportId));
  return row && { ...row, coordinatingUnitIds: row.coordinating };
}

/** One candidate of the duplicates panel: the shared response schema is the contract. */
export type DuplicateCandidate = DuplicateCandidateView;

/**
 * Issue #5: reports of one province since `since` that may be the same as the one being typed: same
 * commune and category, a similar description, or the same shop URL. Best first, at most `limit`.
 *
 * "Similar" is pg_trgm's similarity ≥ 0.3 on the folded text (shared trigrams / all trigrams of
 * both), computed from the stored trigram sets (`search_trigrams`, migration 0008) with intarray's
 * `&`: the same value as similarity(), without re-extracting every row's trigrams (~1 µs a row
 * instead of ~14). The (province, received_at) index bounds the rows compared; each is scored once
 * (the materialized CTE), and only the best `limit` are read whole. docs/benchmarks.md, duplicates.
 */
export async function findDuplicateCandidates(
  q: Queryable,
  input: {
    provinceCode: string;
    communeCode: string | null;
    category: string;
    searchText: string;
    urlKey: string | null;
    sellerKey: string | null;
    since: Date;
    limit: number;
  },
): Promise<DuplicateCandidate[]> {
  const text = input.searchText.length >= 10 ? input.searchText : null;
  const rows = await queryRows<{
    tracking_code: string;
    received_at: Date | string;
    category: string;
    place_type: string;
    commune_code: string | null;
    commune_name: string | null;
    status: Status;
    excerpt: string;
    same_place: boolean;
    same_url: boolean;
    same_seller: boolean;
    similarity: number | string;
  }>(
    q,
    sql`with typed as (select reports_trigrams(${text}::text) as trigrams),
        recent as materialized (
          select r.id, r.received_at,
            coalesce(r.commune_code = ${input.communeCode} and r.category = ${input.category}, false) as same_place,
            coalesce(r.url_key = ${input.urlKey}, false) as same_url,
            coalesce(r.seller_key = ${input.sellerKey}, false) as same_seller,
            icount(r.search_trigrams & typed.trigrams) as shared,
            icount(r.search_trigrams) + icount(typed.trigrams) as total
          from reports r, typed
          where r.province_code = ${input.provinceCode} and r.received_at >= ${input.since.toISOString()}::timestamptz
        ),
        scored as (
          select id, received_at, same_place, same_url, same_seller,
            coalesce(shared::real / nullif(total - shared, 0)::real, 0) as similarity
          from recent
        ),
        best as (
          select * from scored
          where same_place or same_url or same_seller or similarity >= 0.3
          order by (same_url or same_seller) desc, similarity desc, same_place desc, received_at desc
          limit ${input.limit}
        )
        select r.tracking_code, r.received_at, r.category, r.place_type, r.commune_code, c.name as commune_name, r.status,
          left(r.description, 200) as excerpt, b.same_place, b.same_url, b.same_seller, b.similarity
        from best b join reports r on r.id = b.id left join communes c on c.code = r.commune_code
        order by (b.same_url or b.same_seller) desc, b.similarity desc, b.same_place desc, b.received_at desc`,
  );
  return rows.map((r) => {
    const similarity = Number(r.similarity);
    const reasons: DuplicateCandidate['reasons'] = [];
    if (r.same_place) reasons.push('same_place_and_category');
    if (similarity >= 0.3) reasons.push('similar_description');
    if (r.same_url) reasons.push('same_url');
    if (r.same_seller) reasons.push('same_seller');
    return {
      trackingCode: r.tracking_code,
      receivedAt: new Date(r.received_at).toISOString(),
      category: r.category,
      placeType: r.place_type,
      communeCode: r.commune_code,
      communeName: r.commune_name,
      status: r.status,
      excerpt: r.excerpt,
      reasons,
      similarity: Math.round(similarity * 100) / 100,
    };
  });
}

/**
 * Issue #14: the photos a reporter sent with the report and after it, one by one (a `photos_attached`
 * event of the reporter); what counts against the five a report takes. Photos with an answer to a
 * question, or attached by an operator, do not.
 */
export async function countReporterPhotos(q: Queryable, reportId: string): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(reportPhotosTable)
    .leftJoin(reportEventsTable, eq(reportEventsTable.id, reportPhotosTable.eventId))
    .where(
      and(
        eq(reportPhotosTable.reportId, reportId),
        or(
          isNull(reportPhotosTable.eventId),
          and(eq(reportEventsTable.type, 'photos_attached'), eq(reportEventsTable.actor, 'reporter')),
        ),
      ),
    );
  return row?.n ?? 0;
}
