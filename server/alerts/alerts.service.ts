import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AlertKind } from '../../shared/domain/alerts';
import type { Category } from '../../shared/domain/categories';
import type { AlertList, AlertView } from '../../shared/api/alerts';
import { isStorableTime } from '../../shared/schemas/storable';
import { queryRows, uuidArray } from '../db/query-rows';
import type { Queryable } from '../db/types';
import type { AppDeps } from '../deps';
import { cursorCodec } from '../http/cursor';

const PAGE = 30;

/** The list's keyset: newest first, then by id. */
const alertCursor = cursorCodec(
  z.object({
    c: z.string().refine((c) => isStorableTime(new Date(c))),
    i: z.uuid(),
  }),
);

interface AlertRow extends Record<string, unknown> {
  id: string;
  kind: AlertKind;
  created_at: Date | string;
  read_at: Date | string | null;
  due_at: Date | string | null;
  tracking_code: string;
  category: Category;
  commune_name: string | null;
  urgent: boolean;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** The bell's lines of one staff member, by a condition on `a` (the alerts table). */
export async function findAlerts(q: Queryable, staffId: string, where: SQL, limit: number): Promise<AlertView[]> {
  const rows = await queryRows<AlertRow>(
    q,
    sql`select a.id, a.kind, a.created_at, a.read_at, a.due_at, r.tracking_code, r.category, r.urgent, c.name as commune_name
          from alerts a
          join reports r on r.id = a.report_id
          left join communes c on c.code = r.commune_code
         where a.staff_id = ${staffId} and ${where}
         order by a.created_at desc, a.id desc
         limit ${limit}`,
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    trackingCode: row.tracking_code,
    category: row.category,
    communeName: row.commune_name,
    urgent: row.urgent,
    dueAt: row.due_at ? iso(row.due_at) : null,
    createdAt: iso(row.created_at),
    readAt: row.read_at ? iso(row.read_at) : null,
  }));
}

export async function countUnread(q: Queryable, staffId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    q,
    sql`select count(*)::int as n from alerts where staff_id = ${staffId} and read_at is null`,
  );
  return row?.n ?? 0;
}

/** `GET /api/staff/alerts`: a page, newest first, and the unread count. */
export async function listAlerts(
  deps: AppDeps,
  staffId: string,
  query: { unreadOnly?: boolean; after?: string },
): Promise<AlertList> {
  const after = query.after ? alertCursor.decode(query.after) : null;
  const conditions: SQL[] = [sql`true`];
  if (query.unreadOnly) conditions.push(sql`a.read_at is null`);
  if (after) conditions.push(sql`(a.created_at, a.id) < (${new Date(after.c)}, ${after.i}::uuid)`);
  const rows = await findAlerts(deps.db, staffId, sql.join(conditions, sql` and `), PAGE + 1);
  const page = rows.slice(0, PAGE);
  const last = page.at(-1);
  return {
    unread: await countUnread(deps.db, staffId),
    alerts: page,
    next: rows.length > PAGE && last ? alertCursor.encode({ c: last.createdAt, i: last.id }) : null,
  };
}

/** `POST /api/staff/alerts/read`: the given alerts of this staff member (others' ids are ignored), or all. */
export async function markAlertsRead(
  deps: AppDeps,
  staffId: string,
  input: { ids: string[] } | { all: true },
): Promise<{ unread: number }> {
  const which = 'ids' in input ? sql`and id = any(${uuidArray(input.ids)})` : sql``;
  await deps.db.execute(
    sql`update alerts set read_at = ${deps.clock.now()} where staff_id = ${staffId} and read_at is null ${which}`,
  );
  return { unread: await countUnread(deps.db, staffId) };
}
