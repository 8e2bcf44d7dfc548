import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../../shared/domain/roles';
import { provincesTable } from '../places/places.table';
import { unitsTable } from '../units/units.table';

/** SPEC.md §7: staff accounts; sign-in and sessions come with the staff sign-in issue (#5). */
export const staffAccountsTable = pgTable(
  'staff_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<Role>().notNull(),
    /** Officers and unit leads belong to one unit. */
    unitId: uuid('unit_id').references(() => unitsTable.id),
    /** Coordinators: one province, or null for national scope. */
    scopeProvinceCode: text('scope_province_code').references(() => provincesTable.code),
    /** scrypt, see passwords.ts; never the password itself. */
    passwordHash: text('password_hash').notNull(),
    isDisabled: boolean('is_disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_accounts_unit_idx').on(t.unitId)],
);
