import { sql } from 'drizzle-orm';
import { queryRows } from '../db/query-rows';
import type { AppDeps } from '../deps';
import { openStatusList } from '../reports/reports.table';
import { deadlineNoticesTable } from './alerts.table';
import { notify } from './notify';

/** Reports looked at per run and clock; a backlog is worked through by the next runs. */
const BATCH = 500;

interface CrimeClock extends Record<string, unknown> {
  report_id: string;
  unit_id: string;
  due_at: Date | string;
  clock: 'handover' | 'criminal';
  kind: 'due_soon' | 'overdue';
}

/**
 * Issue #18: the crime track's two clocks, told like the report's own (`notifyDeadlines`, once per report,
 * deadline and kind, in `deadline_notices` under kinds of their own): the hand-off (24 hours after the flag)
 * to the lead unit while no investigating body has it; the criminal clock (BLTTHS 2015 Điều 147) to the
 * investigating body until its decision. Due soon within min(DUE_SOON_HOURS, half the time the clock runs).
 * Returns how many were told.
 */
export async function notifyCrimeDeadlines(deps: AppDeps, now: Date = deps.clock.now()): Promise<number> {
  const soon = new Date(now.getTime() + deps.config.deadlines.dueSoonHours * 3_600_000);
  const nowAt = sql`${now.toISOString()}::timestamptz`;
  const soonAt = sql`${soon.toISOString()}::timestamptz`;
  return deps.db.transaction(async (tx) => {
    const rows = await queryRows<CrimeClock>(
      tx,
      sql`with clocks as (
            select k.report_id, r.lead_unit_id as unit_id, k.handover_due_at as due_at, k.flagged_at as since,
                   'handover' as clock
              from report_crime k join reports r on r.id = k.report_id
             where k.handed_over_at is null and k.handover_due_at <= ${soonAt}
               and r.status in ${openStatusList} and r.merged_into is null
            union all
            select k.report_id, k.investigating_unit_id, k.due_at, k.handed_over_at, 'criminal'
              from report_crime k
             where k.due_at is not null and k.decision is null and k.due_at <= ${soonAt}
          )
          select c.report_id, c.unit_id, c.due_at, c.clock, n.kind
            from clocks c
           cross join lateral (select case when c.due_at <= ${nowAt} then 'overdue' else 'due_soon' end as kind) n
           where (c.due_at <= ${nowAt} or c.due_at - least(${soonAt} - ${nowAt}, (c.due_at - c.since) / 2) <= ${nowAt})
             and not exists (select 1 from deadline_notices d
                              where d.report_id = c.report_id and d.kind = 'crime_' || c.clock || '_' || n.kind
                                and d.due_at = c.due_at)
           order by c.due_at, c.report_id
           limit ${BATCH}`,
    );
    let told = 0;
    for (const row of rows) {
      const dueAt = new Date(row.due_at);
      const noticeKind = `crime_${row.clock}_${row.kind}` as const;
      const [fresh] = await tx
        .insert(deadlineNoticesTable)
        .values({ reportId: row.report_id, kind: noticeKind, dueAt, at: now })
        .onConflictDoNothing()
        .returning({ reportId: deadlineNoticesTable.reportId });
      if (!fresh) continue;
      await notify(deps, tx, {
        kind: row.kind,
        reportId: row.report_id,
        audience: { unitId: row.unit_id },
        at: now,
        dueAt,
        key: `${noticeKind}:${row.report_id}:${dueAt.toISOString()}`,
      });
      told += 1;
    }
    return told;
  });
}
