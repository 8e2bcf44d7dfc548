import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** The holiday calendar deadlines count with (SPEC.md §5: data that coordinators maintain). */
export const holidaysTable = pgTable('holidays', {
  /** yyyy-MM-dd, a day in Vietnam. */
  day: text('day').primaryKey(),
  /** `holiday`: a day off; `workday`: a Saturday worked in exchange. */
  kind: text('kind').$type<'holiday' | 'workday'>().notNull(),
  name: text('name').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
