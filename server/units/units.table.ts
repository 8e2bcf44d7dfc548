import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, index, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { forcesTable } from '../meta/meta.table';
import { communesTable, provincesTable } from '../places/places.table';

export type UnitLevel = 'regional' | 'province' | 'local';

/**
 * Issue #18: a unit of one of the four forces, or the Standing Office (Cơ quan Thường trực) of a province's
 * Steering Committee 389, which leads tips about officials (SPEC.md §4) and belongs to no force.
 */
export const UNIT_KINDS = ['force', 'standing_office'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** SPEC.md §2: a unit belongs to one force and one province and covers a jurisdiction. */
export const unitsTable = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable human key, e.g. `police-04`, `customs-region-06`. */
    code: text('code').notNull().unique(),
    /** Issue #18: null exactly for a standing office (`kind`), which is of no force. */
    force: text('force').references(() => forcesTable.code),
    kind: text('kind').$type<UnitKind>().notNull().default('force'),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provincesTable.code),
    parentId: uuid('parent_id').references((): AnyPgColumn => unitsTable.id),
    level: text('level').$type<UnitLevel>().notNull(),
    name: text('name').notNull(),
    hotline: text('hotline'),
    /** Issue #17: the unit's public duty hotline (đường dây nóng trực ban), handed to urgent callers and listed publicly. */
    dutyPhone: text('duty_phone'),
    /** Issue #17: the duty mailbox every alert of the unit is also sent to (never shown to the public). */
    dutyEmail: text('duty_email'),
    /**
     * Issue #18: an investigating body (cơ quan điều tra, a police unit) that reports with signs of a crime are
     * handed to (BLTTHS 2015 Điều 147).
     */
    investigates: boolean('investigates').notNull().default(false),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
    /** Set when a unit is closed or merged (2025 reorganisation); old reports keep pointing at it. */
    validTo: timestamp('valid_to', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('units_force_province_idx').on(t.force, t.provinceCode),
    check('units_investigates_police', sql`not ${t.investigates} or ${t.force} = 'police'`),
    check(
      'units_kind_force',
      sql`${t.kind} in ('force', 'standing_office') and (${t.kind} = 'force') = (${t.force} is not null)`,
    ),
  ],
);

/**
 * What a unit covers: a whole province (communeCode null) or one commune, for every place type
 * (placeTypes null) or only some (a customs office covers its border gate).
 */
export const unitJurisdictionsTable = pgTable(
  'unit_jurisdictions',
  {
    id: serial('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => unitsTable.id),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provincesTable.code),
    communeCode: text('commune_code').references(() => communesTable.code),
    placeTypes: text('place_types').array(),
    /** A jurisdiction change closes the old row and opens a new one, so old decisions stay explainable. */
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
    validTo: timestamp('valid_to', { withTimezone: true }),
  },
  (t) => [
    index('unit_jurisdictions_unit_idx').on(t.unitId),
    index('unit_jurisdictions_area_idx').on(t.provinceCode, t.communeCode),
  ],
);
