import { and, count, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { FORCES } from '../../shared/domain/forces';
import { queryRows } from '../db/query-rows';
import type { Queryable } from '../db/types';
import { staffAccountsTable } from '../auth/auth.table';
import { communesTable } from '../places/places.table';
import { unitJurisdictionsTable, unitsTable } from './units.table';
import { reportCrimeTable } from '../cases/results.table';

export type NewUnit = typeof unitsTable.$inferInsert;
export type NewJurisdiction = typeof unitJurisdictionsTable.$inferInsert;

/** Units of the forces (issue #18: the standing offices prepareDatabase creates are not counted). */
export async function countUnits(q: Queryable): Promise<number> {
  const [row] = await q.select({ n: count() }).from(unitsTable).where(eq(unitsTable.kind, 'force'));
  return row?.n ?? 0;
}

export async function findUnit(q: Queryable, id: string): Promise<typeof unitsTable.$inferSelect | undefined> {
  const [row] = await q.select().from(unitsTable).where(eq(unitsTable.id, id));
  return row;
}

/** Inserts units and returns their ids by code, in one statement per batch. */
export async function insertUnits(q: Queryable, units: NewUnit[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (units.length === 0) return ids;
  for (let i = 0; i < units.length; i += 200) {
    const rows = await q
      .insert(unitsTable)
      .values(units.slice(i, i + 200))
      .returning({ id: unitsTable.id, code: unitsTable.code });
    for (const row of rows) ids.set(row.code, row.id);
  }
  return ids;
}

export async function insertJurisdictions(q: Queryable, rows: NewJurisdiction[]): Promise<void> {
  // (a loop over no rows inserts nothing)
  for (let i = 0; i < rows.length; i += 500) {
    await q.insert(unitJurisdictionsTable).values(rows.slice(i, i + 500));
  }
}

/** Every unit, by force then name: for choosing a staff member's unit. */
export async function findUnits(q: Queryable) {
  return (
    q
      .select({
        id: unitsTable.id,
        code: unitsTable.code,
        name: unitsTable.name,
        force: unitsTable.force,
        provinceCode: unitsTable.provinceCode,
        level: unitsTable.level,
        parentId: unitsTable.parentId,
        dutyPhone: unitsTable.dutyPhone,
        dutyEmail: unitsTable.dutyEmail,
        investigates: unitsTable.investigates,
      })
      .from(unitsTable)
      // Closed units (merged or dissolved) keep their history but take no new work. Issue #18: standing offices
      // are not among them (no force, no officers; coordinators are their staff).
      .where(and(eq(unitsTable.kind, 'force'), or(isNull(unitsTable.validTo), gt(unitsTable.validTo, sql`now()`))))
      .orderBy(unitsTable.force, unitsTable.provinceCode, unitsTable.name)
  );
}

export async function findUnitByCode(q: Queryable, code: string) {
  const [row] = await q.select({ id: unitsTable.id }).from(unitsTable).where(eq(unitsTable.code, code));
  return row;
}

/** A unit's jurisdiction rows still open (some may start later), with commune names. */
export async function findOpenJurisdictions(q: Queryable, unitId: string) {
  return q
    .select({
      provinceCode: unitJurisdictionsTable.provinceCode,
      communeCode: unitJurisdictionsTable.communeCode,
      communeName: communesTable.name,
      placeTypes: unitJurisdictionsTable.placeTypes,
      validFrom: unitJurisdictionsTable.validFrom,
    })
    .from(unitJurisdictionsTable)
    .leftJoin(communesTable, eq(communesTable.code, unitJurisdictionsTable.communeCode))
    .where(and(eq(unitJurisdictionsTable.unitId, unitId), isNull(unitJurisdictionsTable.validTo)))
    .orderBy(unitJurisdictionsTable.provinceCode, communesTable.sortOrder);
}

/** Issue #17: the unit's duty hotline and duty mailbox. */
export async function updateUnitDutyContacts(
  q: Queryable,
  id: string,
  contacts: { dutyPhone: string | null; dutyEmail: string | null },
): Promise<void> {
  await q.update(unitsTable).set(contacts).where(eq(unitsTable.id, id));
}

/** Issue #18: marks a (police) unit as an investigating body, or not. */
export async function updateUnitInvestigates(q: Queryable, id: string, investigates: boolean): Promise<void> {
  await q.update(unitsTable).set({ investigates }).where(eq(unitsTable.id, id));
}

export async function updateUnitName(q: Queryable, id: string, name: string): Promise<void> {
  await q.update(unitsTable).set({ name }).where(eq(unitsTable.id, id));
}

/** A unit and every unit beneath it (a province-level unit and its commune-level units). */
export async function unitAndBelow(q: Queryable, unitId: string): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`with recursive tree as (
          select id from units where id = ${unitId}
          union all
          select u.id from units u join tree t on u.parent_id = t.id
        ) select id from tree`,
  );
  return new Set(rows.map((r) => r.id));
}

/** A unit and every unit above it (a commune-level unit, then its province-level unit…). */
export async function unitAndAbove(q: Queryable, unitId: string): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`with recursive chain as (
          select id, parent_id from units where id = ${unitId}
          union all
          select u.id, u.parent_id from units u join chain c on u.id = c.parent_id
        ) select id from chain`,
  );
  return new Set(rows.map((r) => r.id));
}

/** Closes units from `at` on: their history stays, they take no new work. */
export async function closeUnits(q: Queryable, unitIds: string[], at: Date): Promise<void> {
  if (unitIds.length > 0) await q.update(unitsTable).set({ validTo: at }).where(inArray(unitsTable.id, unitIds));
}

/** Ends the open jurisdiction rows of these units at `at` (closed units, or units given new areas). */
export async function closeOpenJurisdictions(q: Queryable, unitIds: string[], at: Date): Promise<void> {
  if (unitIds.length === 0) return;
  await q
    .update(unitJurisdictionsTable)
    .set({ validTo: at })
    .where(and(inArray(unitJurisdictionsTable.unitId, unitIds), isNull(unitJurisdictionsTable.validTo)));
}

const openUnit = or(isNull(unitsTable.validTo), gt(unitsTable.validTo, sql`now()`));

/**
 * Issue #17: the duty phone to hand an urgent caller over to: the unit's own, else that of the nearest
 * unit above it (a commune team without a duty desk → its province department); null when none has one.
 */
export async function dutyPhoneOf(q: Queryable, unitId: string): Promise<string | null> {
  const [row] = await queryRows<{ duty_phone: string }>(
    q,
    sql`with recursive chain as (
          select id, parent_id, duty_phone, 0 as depth from units where id = ${unitId}
          union all
          select u.id, u.parent_id, u.duty_phone, c.depth + 1 from units u join chain c on u.id = c.parent_id
          where c.duty_phone is null and c.depth < 10
        ) select duty_phone from chain where duty_phone is not null order by depth limit 1`,
  );
  return row?.duty_phone ?? null;
}

/** Issue #17: whether the unit has a jurisdiction in the province open at `at` (a regional unit covers several). */
export async function unitCoversProvince(
  q: Queryable,
  unitId: string,
  provinceCode: string,
  at: Date,
): Promise<boolean> {
  const [row] = await q
    .select({ unitId: unitJurisdictionsTable.unitId })
    .from(unitJurisdictionsTable)
    .where(
      and(
        eq(unitJurisdictionsTable.unitId, unitId),
        eq(unitJurisdictionsTable.provinceCode, provinceCode),
        lte(unitJurisdictionsTable.validFrom, at),
        or(isNull(unitJurisdictionsTable.validTo), gt(unitJurisdictionsTable.validTo, at)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Issue #17: the open units that publish a duty phone and work in a province (based there, or with an
 * open jurisdiction in it: a regional customs branch covers several), by force, level, then name.
 */
export async function findProvinceDutyPhones(q: Queryable, provinceCode: string) {
  const worksThere = sql`exists (select 1 from ${unitJurisdictionsTable} j
    where j.unit_id = ${unitsTable.id} and j.province_code = ${provinceCode} and (j.valid_to is null or j.valid_to > now()))`;
  const rows = await q
    .select({ force: unitsTable.force, unitName: unitsTable.name, phone: unitsTable.dutyPhone })
    .from(unitsTable)
    .where(and(or(eq(unitsTable.provinceCode, provinceCode), worksThere), isNotNull(unitsTable.dutyPhone), openUnit))
    .orderBy(
      sql`array_position(${sql.raw(`array[${FORCES.map((f) => `'${f}'`).join(', ')}]`)}::text[], ${unitsTable.force})`,
      sql`case ${unitsTable.level} when 'province' then 0 when 'regional' then 1 else 2 end`,
      unitsTable.name,
    );
  return rows.flatMap((r) => {
    const force = FORCES.find((f) => f === r.force);
    return force && r.phone ? [{ force, unitName: r.unitName, phone: r.phone }] : [];
  });
}

/** Issue #18, a merge: the closed unit's staff accounts belong to the unit it merged into; how many moved. */
export async function moveStaffAccounts(q: Queryable, fromUnitId: string, toUnitId: string): Promise<number> {
  const rows = await q
    .update(staffAccountsTable)
    .set({ unitId: toUnitId })
    .where(eq(staffAccountsTable.unitId, fromUnitId))
    .returning({ id: staffAccountsTable.id });
  return rows.length;
}

/** Issue #18: the hand-offs an investigating body has not yet decided (its open criminal clocks). */
export async function countOpenInvestigations(q: Queryable, unitId: string): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(reportCrimeTable)
    .where(and(eq(reportCrimeTable.investigatingUnitId, unitId), isNull(reportCrimeTable.decision)));
  return Number(row?.n ?? 0);
}

/** Issue #18: a closing investigating body's undecided hand-offs go to the body that takes over (clocks as they were). */
export async function moveOpenInvestigations(q: Queryable, fromUnitId: string, toUnitId: string): Promise<number> {
  const rows = await q
    .update(reportCrimeTable)
    .set({ investigatingUnitId: toUnitId })
    .where(and(eq(reportCrimeTable.investigatingUnitId, fromUnitId), isNull(reportCrimeTable.decision)))
    .returning({ reportId: reportCrimeTable.reportId });
  return rows.length;
}

/**
 * Issue #18, merging: the units beneath a merged unit move beneath the unit it merged into (or, for that unit
 * itself when it was one of them, beneath the merged unit's parent), so nobody's view of them is lost.
 */
export async function reparentUnits(q: Queryable, merged: { id: string; parentId: string | null }, intoId: string) {
  await q
    .update(unitsTable)
    .set({
      parentId: sql`case when ${unitsTable.id} = ${intoId}::uuid then ${merged.parentId}::uuid else ${intoId}::uuid end`,
    })
    .where(eq(unitsTable.parentId, merged.id));
}
