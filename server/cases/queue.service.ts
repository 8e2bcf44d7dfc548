import { sql, type SQL } from 'drizzle-orm';
import type { CaseQueue } from '../../shared/api/cases';
import { isOpen } from '../../shared/domain/lifecycle';
import { foldForSearch } from '../../shared/domain/text';
import type { CaseQueueQuery } from '../../shared/schemas/cases';
import { z } from 'zod';
import { isStorableTime } from '../../shared/schemas/storable';
import type { StaffUser } from '../auth/auth.service';
import { scopeOf } from '../auth/scope';
import type { AppDeps } from '../deps';
import { cursorCodec } from '../http/cursor';
import { forbidden } from '../http/staff-api';
import { answerWaitStartedBefore } from './actions/continue-without-answer';
import { countQueueByStatus, findQueuePage, type QueueRow } from './cases.repository';

/** One line of the queue: the contract is the shared response schema. */
type QueueItem = CaseQueue['items'][number];

/**
 * The queue's keyset: urgent open reports first (`u`, issue #17; absent in cursors of the other
 * parts), then the running deadline (none last), then the id, as the last row of a page has them.
 */
const queueCursor = cursorCodec(
  z.object({
    u: z.literal(true).optional(),
    // A time the database holds (not year 0) and a real uuid (36 dashes pass a character class).
    d: z
      .string()
      .refine((d) => isStorableTime(new Date(d)))
      .nullable(),
    i: z.uuid(),
  }),
);
const cursorOf = (row: QueueRow) => ({
  ...(row.urgent && isOpen(row.status) ? { u: true as const } : {}),
  d: row.next_due_at ? new Date(row.next_due_at).toISOString() : null,
  i: row.id,
});
const afterKey = ({ u, d, i }: { u?: true | undefined; d: string | null; i: string }) => ({
  urgent: u === true,
  due: d,
  id: i,
});

/** Which reports a staff member's queue holds: their scope's reports (server/auth/scope.ts); a role without a list gets 403. */
async function queueScope(deps: AppDeps, staff: StaffUser, role: CaseQueueQuery['role']) {
  const mine = await scopeOf(deps.db, staff);
  const scope = mine.reportsWhere({ role });
  const openScope = mine.reportsWhere({ role, openOnly: true });
  if (!scope || !openScope) throw forbidden();
  return { scope, openScope, leadUnits: [...mine.unitIds] };
}

/**
 * Issue #6: a unit's queue, urgent open reports first (issue #17), then nearest running deadline first, with filters, keyset pagination and the
 * count of each open status for the tabs (the same filters, any open status; resolved and closed
 * reports are listed but not counted). For a coordinator the same over their scope: `overdue=1` is
 * their escalation list.
 */
export async function caseQueue(deps: AppDeps, staff: StaffUser, query: CaseQueueQuery): Promise<CaseQueue> {
  const { scope, openScope, leadUnits } = await queueScope(deps, staff, query.role);
  const now = deps.clock.now();
  const soon = new Date(now.getTime() + deps.config.deadlines.dueSoonHours * 3_600_000);
  const filters: SQL[] = [];
  if (query.category) filters.push(sql`r.category = ${query.category}`);
  if (query.placeType) filters.push(sql`r.place_type = ${query.placeType}`);
  if (query.commune) filters.push(sql`r.commune_code = ${query.commune}`);
  if (query.overdue) filters.push(sql`r.next_due_at < ${now.toISOString()}::timestamptz`);
  if (query.dueSoon)
    filters.push(
      sql`r.next_due_at >= ${now.toISOString()}::timestamptz and r.next_due_at <= ${soon.toISOString()}::timestamptz`,
    );
  if (query.escalated)
    filters.push(sql`exists (select 1 from report_escalations e where e.report_id = r.id and e.resolved_at is null)`);
  if (query.waitingAnswer) {
    const since = answerWaitStartedBefore(now, deps.config.deadlines.needsInfoMaxDays);
    filters.push(sql`r.status = 'needs_info' and r.paused_since <= ${since.toISOString()}::timestamptz`);
  }
  // Issue #18: reports flagged with signs of a crime.
  if (query.crime) filters.push(sql`exists (select 1 from report_crime k where k.report_id = r.id)`);
  if (query.assignedTo === 'nobody') filters.push(sql`r.assigned_to is null`);
  else if (query.assignedTo)
    filters.push(sql`r.assigned_to = ${query.assignedTo === 'me' ? staff.id : query.assignedTo}::uuid`);
  if (query.q) {
    // Every word, in any order, accents optional; or the tracking code itself.
    const words = foldForSearch(query.q)
      .split(' ')
      .filter(Boolean)
      .map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const all =
      words.length > 0
        ? sql.join(
            words.map((w) => sql`r.search_text like ${w}`),
            sql` and `,
          )
        : sql`false`;
    filters.push(sql`(r.tracking_code = ${query.q.toUpperCase()} or (${all}))`);
  }
  const statusFilter = query.status ? [sql`r.status = ${query.status}`] : [];
  const [rows, counts] = await Promise.all([
    findQueuePage(deps.db, {
      scope,
      openScope,
      filters: [...filters, ...statusFilter],
      leadUnits,
      after: query.after ? afterKey(queueCursor.decode(query.after)) : null,
      limit: query.limit + 1,
    }),
    countQueueByStatus(deps.db, openScope, filters),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const items: QueueItem[] = page.map((r) => {
    const due = r.next_due_at ? new Date(r.next_due_at) : null;
    return {
      trackingCode: r.tracking_code,
      status: r.status,
      category: r.category,
      placeType: r.place_type,
      communeName: r.commune_name,
      receivedAt: new Date(r.received_at).toISOString(),
      nextDueAt: due ? due.toISOString() : null,
      overdue: due !== null && due < now,
      dueSoon: due !== null && due >= now && due <= soon,
      leadUnitName: r.lead_unit_name,
      assignedTo: r.assigned_name,
      excerpt: r.excerpt,
      role: staff.role === 'coordinator' || r.is_lead ? 'lead' : r.is_investigating ? 'investigating' : 'coordinating',
      transferPending: r.transfer_pending,
      urgent: r.urgent,
    };
  });
  return { items, counts, next: rows.length > query.limit && last ? queueCursor.encode(cursorOf(last)) : null };
}
