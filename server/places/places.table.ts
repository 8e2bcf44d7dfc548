import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';

export const provincesTable = pgTable('provinces', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  landBorderCountries: text('land_border_countries')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  coastal: boolean('coastal').notNull().default(false),
  sortOrder: integer('sort_order').notNull(),
});

export const communesTable = pgTable(
  'communes',
  {
    code: text('code').primaryKey(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provincesTable.code),
    name: text('name').notNull(),
    type: text('type').notNull(),
    /** Name folded for search without diacritics (shared/domain/text.ts foldForSearch). */
    searchName: text('search_name').notNull(),
    /** SPEC.md §4: flags coordinators maintain; the import sets defaults derived from the province. */
    landBorder: boolean('land_border').notNull().default(false),
    coastal: boolean('coastal').notNull().default(false),
    remoteOrIsland: boolean('remote_or_island').notNull().default(false),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [index('communes_province_idx').on(t.provinceCode, t.sortOrder)],
);
