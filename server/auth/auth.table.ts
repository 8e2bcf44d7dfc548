import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../../shared/domain/roles';
import { communesTable, provincesTable } from '../places/places.table';
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
    /** Issue #18: a commune's Steering Committee 389 (read-only): the commune it sees. */
    scopeCommuneCode: text('scope_commune_code').references(() => communesTable.code),
    /** scrypt, see passwords.ts; never the password itself. */
    passwordHash: text('password_hash').notNull(),
    isDisabled: boolean('is_disabled').notNull().default(false),
    /** Consecutive failed sign-ins; reset by a success. */
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    /** Set after too many failures; an admin or the passing of time releases it. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_accounts_unit_idx').on(t.unitId)],
);

/**
 * Server-side sessions: the cookie holds a random token, the table only its SHA-256, so a copy of
 * the database cannot be replayed as a cookie.
 */
export const staffSessionsTable = pgTable(
  'staff_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => staffAccountsTable.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('staff_sessions_account_idx').on(t.accountId)],
);

/** SPEC.md §7 and issue #5: sign-ins, failures, locks, account changes, contact reveals. Append only. */
export const auditLogTable = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    action: text('action').notNull(),
    /** Who did it; null when nobody is signed in (a failed sign-in). */
    actorId: uuid('actor_id').references(() => staffAccountsTable.id),
    /** The account or report concerned. */
    subject: text('subject'),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_subject_idx').on(t.subject, t.at)],
);
