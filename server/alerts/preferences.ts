import { eq, sql } from 'drizzle-orm';
import { ALERT_KINDS, type AlertKind } from '../../shared/domain/alerts';
import type { AlertPreferences } from '../../shared/api/alerts';
import type { Queryable } from '../db/types';
import type { AppDeps } from '../deps';
import { staffAlertPreferencesTable } from './alerts.table';

/** E-mail for a kind unless the staff member turned it off: the default is on for every kind. */
export const emailWanted = (email: Partial<Record<AlertKind, boolean>> | null | undefined, kind: AlertKind): boolean =>
  email?.[kind] !== false;

function present(row: { address: string | null; email: Partial<Record<AlertKind, boolean>> } | undefined) {
  const email = Object.fromEntries(ALERT_KINDS.map((kind) => [kind, emailWanted(row?.email, kind)])) as Record<
    AlertKind,
    boolean
  >;
  return { email, address: row?.address ?? null } satisfies AlertPreferences;
}

async function findPreferences(q: Queryable, staffId: string) {
  const [row] = await q
    .select({ address: staffAlertPreferencesTable.address, email: staffAlertPreferencesTable.email })
    .from(staffAlertPreferencesTable)
    .where(eq(staffAlertPreferencesTable.staffId, staffId));
  return row;
}

/** `GET /api/staff/account/alert-preferences`: every kind, defaults filled in. */
export async function getAlertPreferences(deps: AppDeps, staffId: string): Promise<AlertPreferences> {
  return present(await findPreferences(deps.db, staffId));
}

/**
 * `PUT /api/staff/account/alert-preferences`: the kinds given replace the stored ones, the others are kept;
 * `address` given (null clears it) replaces the address.
 */
export async function setAlertPreferences(
  deps: AppDeps,
  staffId: string,
  input: { email: Partial<Record<AlertKind, boolean>>; address?: string | null },
): Promise<AlertPreferences> {
  const at = deps.clock.now();
  const t = staffAlertPreferencesTable;
  // One statement, merged in the database: two PUTs at once (each with its own kinds) lose neither.
  const [row] = await deps.db
    .insert(t)
    .values({ staffId, email: input.email, address: input.address ?? null, updatedAt: at })
    .onConflictDoUpdate({
      target: t.staffId,
      set: {
        email: sql`${t.email} || excluded.email`,
        ...(input.address === undefined ? {} : { address: input.address }),
        updatedAt: at,
      },
    })
    .returning({ address: t.address, email: t.email });
  return present(row);
}
