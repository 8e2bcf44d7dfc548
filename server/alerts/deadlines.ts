import { sql } from 'drizzle-orm';
import { queryRows } from '../db/query-rows';
import type { AppDeps } from '../deps';
import { deadlineNoticesTable } from './alerts.table';
import { notify } from './notify';

/** Reports looked at per run; a backlog is worked through by the next runs. */
const BATCH = 500;

interface Running extends Record<string, unknown> {
  id: string;
  lead_unit_id: string;
  province_code: string;
  /** Issue #18: the lead is a standing office, whose staff are the province's coordinators. */
  by_office: boolean;
  next_due_at: Date | string;
  kind: 'due_soon' | 'overdue';
}

/**
 * Issue #17, a scheduled check (J1's runner, every minute): each running deadline due soon (within
 * DUE_SOON_HOURS, or half the time from when it started running if that is shorter: a fresh report's
 * 24-hour acceptance deadline is due soon after 12 hours, not at once) and each one passed is told to the lead unit once per report, deadline and kind (`deadline_notices`):
 * an extension or a pause moves the deadline, and the new one is told again. Returns how many were told.
 */
export async function notifyDeadlines(deps: AppDeps, now: Date = deps.clock.now()): Promise<number> {
  const soon = new Date(now.getTime() + deps.config.deadlines.dueSoonHours * 3_600_000);
  return deps.db.transaction(async (tx) => {
    const rows = await queryRows<Running>(
      tx,
      sql`select r.id, r.lead_unit_id, r.province_code, r.next_due_at, k.kind,
                 exists (select 1 from units u where u.id = r.lead_unit_id and u.kind = 'standing_office') as by_office
            from reports r
           cross join lateral (select case when r.next_due_at <= ${now} then 'overdue' else 'due_soon' end as kind) k
           where r.next_due_at is not null and r.next_due_at <= ${soon}
             and (r.next_due_at <= ${now}
                  -- Due soon within min(DUE_SOON_HOURS, half the time the deadline runs): the acceptance
                  -- deadline runs from received_at, the resolution deadline from accepted_at.
                  or r.next_due_at - least(${soon.toISOString()}::timestamptz - ${now.toISOString()}::timestamptz,
                                           (r.next_due_at - coalesce(r.accepted_at, r.received_at)) / 2)
                     <= ${now.toISOString()}::timestamptz)
             and not exists (select 1 from deadline_notices n
                              where n.report_id = r.id and n.kind = k.kind and n.due_at = r.next_due_at)
           order by r.next_due_at, r.id
           limit ${BATCH}`,
    );
    let told = 0;
    for (const row of rows) {
      const dueAt = new Date(row.next_due_at);
      const [fresh] = await tx
        .insert(deadlineNoticesTable)
        .values({ reportId: row.id, kind: row.kind, dueAt, at: now })
        .onConflictDoNothing()
        .returning({ reportId: deadlineNoticesTable.reportId });
      if (!fresh) continue;
      await notify(deps, tx, {
        kind: row.kind,
        reportId: row.id,
        audience: row.by_office ? { coordinatorsOf: row.province_code } : { unitId: row.lead_unit_id },
        at: now,
        dueAt,
        key: `${row.kind}:${row.id}:${dueAt.toISOString()}`,
      });
      told += 1;
    }
    return told;
  });
}
