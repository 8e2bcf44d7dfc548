import { sql, type SQL } from 'drizzle-orm';
import type { CaseQueue } from '../../shared/api/cases';
import { foldForSearch } from '../../shared/domain/text';
import type { CaseQueueQuery } from '../../shared/schemas/cases';
import { isStorableTime, isUuid } from '../../shared/schemas/storable';
import { unitAndBelow } from '../auth/access';
import type { StaffUser } from '../auth/auth.service';
import type { AppDeps } from '../deps';
import { fieldIssue, validationFailed } from '../http/errors';
import { forbidden } from '../http/staff-api';
import { countQueueByStatus, findQueuePage, uuidArray, type QueueRow } from './cases.repository';

/** One line of the queue: the contract is the shared response schema. */
type QueueItem = CaseQueue['items'][number];

const encodeCursor = (row: QueueRow) =>
  Buffer.from(
    JSON.stringify({ d: row.next_due_at ? new Date(row.next_due_at).toISOString() : null, i: row.id }),
  ).toString('base64url');

function decodeCursor(cursor: string): { due: string | null; id: string } {
  try {
    const { d, i } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { d: unknown; i: unknown };
    // A time the database holds (not year 0) and a real uuid (36 dashes pass a character class).
    if ((d === null || (typeof d === 'string' && isStorableTime(new Date(d)))) && isUuid(i)) return { due: d, id: i };
  } catch {
    // falls through to the refusal
  }
  throw validationFailed([fieldIssue(['after'], 'invalid_value')]);
}

/**
 * Which reports a staff member's queue holds (SPEC.md §7): their units' lead and coordinated reports, or
 * a coordinator's scope. `openScope` is the same condition for open reports only (all that have a
 * running deadline): the open reports the units coordinate come from the small partial index of open
 * coordinations (migration 0011) as one hashed set, rather than probing the coordinations of every
 * report that a page or a count passes over (bench/queue.ts).
 */
async function queueScope(
  deps: AppDeps,
  staff: StaffUser,
  role: CaseQueueQuery['role'],
): Promise<{ scope: SQL; openScope: SQL; leadUnits: string[] }> {
  if (staff.role === 'coordinator') {
    const scope = staff.scopeProvinceCode ? sql`r.province_code = ${staff.scopeProvinceCode}` : sql`true`;
    return { scope, openScope: scope, leadUnits: [] };
  }
  if ((staff.role !== 'officer' && staff.role !== 'unit_lead') || !staff.unit) throw forbidden();
  const mine = [...(await unitAndBelow(deps.db, staff.unit.id))];
  const units = uuidArray(mine);
  const lead = sql`(r.lead_unit_id = any(${units}) or r.transfer_to_unit_id = any(${units}))`;
  const coordinating = sql`exists (select 1 from report_coordinations c where c.report_id = r.id and c.unit_id = any(${units}))`;
  const openCoordinating =
    role === 'lead'
      ? sql`false`
      : sql`r.id in (select c.report_id from report_coordinations c where c.unit_id = any(${units}) and c.report_open)`;
  const either = (coordinated: SQL) =>
    role === 'lead' ? lead : role === 'coordinating' ? coordinated : sql`(${lead} or ${coordinated})`;
  return { scope: either(coordinating), openScope: either(openCoordinating), leadUnits: mine };
}

/**
 * Issue #6: a unit's queue, nearest running deadline first, with filters, keyset pagination and the
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
      after: query.after ? decodeCursor(query.after) : null,
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
      role: staff.role === 'coordinator' || r.is_lead ? 'lead' : 'coordinating',
      transferPending: r.transfer_pending,
    };
  });
  return { items, counts, next: rows.length > query.limit && last ? encodeCursor(last) : null };
}
