import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { reportCrimeTable, reportSanctionsTable, reportSeizedGoodsTable } from './results.table';

/** Issue #18 (results as data): the rows of the sanction record, the seized lots and the crime track of one report. */
export type ReportSanction = typeof reportSanctionsTable.$inferSelect;
export type NewReportSanction = typeof reportSanctionsTable.$inferInsert;
export type SeizedLot = typeof reportSeizedGoodsTable.$inferSelect;
export type NewSeizedLot = typeof reportSeizedGoodsTable.$inferInsert;

export async function findSanction(q: Queryable, reportId: string): Promise<ReportSanction | undefined> {
  const [row] = await q.select().from(reportSanctionsTable).where(eq(reportSanctionsTable.reportId, reportId));
  return row;
}

/** Writes the report's one sanction row, or replaces what is given of it. */
export async function upsertSanction(q: Queryable, row: NewReportSanction): Promise<ReportSanction> {
  const { reportId, ...rest } = row;
  const [saved] = await q
    .insert(reportSanctionsTable)
    .values(row)
    .onConflictDoUpdate({ target: reportSanctionsTable.reportId, set: rest })
    .returning();
  if (!saved) throw new Error(`report_sanctions: nothing written for ${reportId}`);
  return saved;
}

export function findSeizedGoods(q: Queryable, reportId: string): Promise<SeizedLot[]> {
  return q
    .select()
    .from(reportSeizedGoodsTable)
    .where(eq(reportSeizedGoodsTable.reportId, reportId))
    .orderBy(asc(reportSeizedGoodsTable.id));
}

/** The seized lots entered when resolving (a report is resolved once: nothing is replaced or deleted). */
export async function insertSeizedGoods(q: Queryable, lots: NewSeizedLot[]): Promise<void> {
  if (lots.length > 0) await q.insert(reportSeizedGoodsTable).values(lots);
}

/** The crime track as the resolve action reads it (helper B's track writes it; this side only reads). */
export async function findCrimeTrack(
  q: Queryable,
  reportId: string,
): Promise<Pick<typeof reportCrimeTable.$inferSelect, 'handedOverAt' | 'decision'> | undefined> {
  const [row] = await q
    .select({ handedOverAt: reportCrimeTable.handedOverAt, decision: reportCrimeTable.decision })
    .from(reportCrimeTable)
    .where(eq(reportCrimeTable.reportId, reportId));
  return row;
}
