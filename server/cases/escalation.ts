import { notify } from '../alerts/notify';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { queryRows } from '../db/query-rows';
import type { AppDeps } from '../deps';
import { insertEvent } from '../reports/reports.repository';
import type { EscalationLevel } from './escalations.table';

/** One escalation the sweep has just written: what an alert needs to find its report and recipients. */
export interface NewEscalation {
  id: string;
  reportId: string;
  trackingCode: string;
  level: EscalationLevel;
  provinceCode: string;
  leadUnitId: string;
  dueAt: Date;
  at: Date;
}

export interface SweepResult {
  /** Written by this sweep (a report already escalated at a level is not again). */
  escalated: NewEscalation[];
  /** Escalations closed because their report was accepted or left the open statuses. */
  resolved: number;
}

export interface SweepOptions {
  /** Called with the new escalations after they are committed (issue #17: the alerts hook here). */
  onEscalated?: (escalations: NewEscalation[]) => Promise<void>;
  /** Reports escalated per level and sweep (SWEEP_BATCH); the next minute's sweep continues. */
  batch?: number;
}

/** At most this many reports per level and sweep: a backlog never makes one long transaction. */
export const SWEEP_BATCH = 200;

type EscalationRow = {
  id: string;
  report_id: string;
  tracking_code: string;
  level: EscalationLevel;
  province_code: string;
  lead_unit_id: string;
  due_at: string | Date;
  at: string | Date;
};

const toEscalation = (r: EscalationRow): NewEscalation => ({
  id: r.id,
  reportId: r.report_id,
  trackingCode: r.tracking_code,
  level: r.level,
  provinceCode: r.province_code,
  leadUnitId: r.lead_unit_id,
  dueAt: new Date(r.due_at),
  at: new Date(r.at),
});

/**
 * Escalates, at `level`, the reports still not accepted whose running acceptance deadline passed
 * `lateBy` ago. A report in `received` runs its acceptance deadline in `next_due_at` (paused while a
 * question waits). One row per report and level: a second sweep writes nothing.
 */
async function escalate(
  q: Queryable,
  level: EscalationLevel,
  now: Date,
  lateByMs: number,
  batch: number,
): Promise<NewEscalation[]> {
  const before = new Date(now.getTime() - lateByMs).toISOString();
  const rows = await queryRows<EscalationRow>(
    q,
    sql`with inserted as (
          insert into report_escalations (report_id, level, province_code, lead_unit_id, reason, due_at, at)
          select r.id, ${level}, r.province_code, r.lead_unit_id, 'accept_overdue', r.next_due_at, ${now.toISOString()}::timestamptz
            from reports r
           where r.status = 'received' and r.accepted_at is null and r.merged_into is null
             and r.next_due_at <= ${before}::timestamptz
             -- Those escalated at this level already are not taken again (they would fill the batch).
             and not exists (select 1 from report_escalations x where x.report_id = r.id and x.level = ${level})
           order by r.next_due_at, r.id
           limit ${batch}
          on conflict (report_id, level) do nothing
          returning id, report_id, level, province_code, lead_unit_id, due_at, at
        )
        select i.*, r.tracking_code from inserted i join reports r on r.id = i.report_id
        order by i.due_at, i.report_id`,
  );
  return rows.map(toEscalation);
}

/**
 * The deadline sweeper (issue #17), run every minute by the `deadline-sweep` job and callable
 * directly with the injected clock: closes the escalations of reports since accepted or closed, then
 * escalates unaccepted reports whose acceptance deadline passed to the province coordinators, and
 * those still unaccepted ESCALATE_NATIONAL_HOURS later to the national ones.
 */
export async function sweepDeadlines(deps: AppDeps, options: SweepOptions = {}): Promise<SweepResult> {
  const now = deps.clock.now();
  const { escalated, resolved } = await deps.db.transaction(async (tx) => {
    const closed = await queryRows<{ id: string }>(
      tx,
      sql`update report_escalations e
             set resolved_at = ${now.toISOString()}::timestamptz,
                 resolution = case when r.accepted_at is not null then 'accepted' else 'closed' end
            from reports r
           where r.id = e.report_id and e.resolved_at is null
             and (r.accepted_at is not null or not report_is_open(r.status) or r.merged_into is not null)
          returning e.id`,
    );
    const batch = options.batch ?? SWEEP_BATCH;
    const province = await escalate(tx, 'province', now, 0, batch);
    const lateBy = deps.config.deadlines.escalateNationalHours * 3_600_000;
    const national = await escalate(tx, 'national', now, lateBy, batch);
    const escalated = [...province, ...national];
    // In the report's history too (chained like every event); the coordinators see it on the case page.
    for (const e of escalated) {
      await insertEvent(tx, {
        reportId: e.reportId,
        type: 'escalated',
        at: now,
        actor: 'system',
        public: false,
        data: { level: e.level, dueAt: e.dueAt.toISOString() },
      });
      // The coordinators are told in the same transaction: an escalation is never recorded untold.
      await notify(deps, tx, {
        kind: 'escalated',
        reportId: e.reportId,
        audience: { coordinatorsOf: e.level === 'province' ? e.provinceCode : null },
        at: now,
        dueAt: e.dueAt,
        key: `escalated:${e.reportId}:${e.level}`,
      });
    }
    return { escalated, resolved: closed.length };
  });
  if (escalated.length > 0) {
    deps.logger.info(
      { escalated: escalated.map((e) => ({ trackingCode: e.trackingCode, level: e.level })) },
      'escalated reports not accepted in time',
    );
    if (options.onEscalated) await options.onEscalated(escalated);
  }
  return { escalated, resolved };
}

/** The open escalations of a report, highest level last (case page, coordinator's list). */
export async function openEscalations(
  q: Queryable,
  reportId: string,
): Promise<{ level: EscalationLevel; at: Date; dueAt: Date }[]> {
  const rows = await queryRows<{ level: EscalationLevel; at: string | Date; due_at: string | Date }>(
    q,
    // An escalation the next sweep will close (the report was accepted or closed since) is not shown.
    sql`select e.level, e.at, e.due_at from report_escalations e join reports r on r.id = e.report_id
         where e.report_id = ${reportId}::uuid and e.resolved_at is null
           and r.accepted_at is null and report_is_open(r.status) and r.merged_into is null
         order by case e.level when 'province' then 1 else 2 end`,
  );
  return rows.map((r) => ({ level: r.level, at: new Date(r.at), dueAt: new Date(r.due_at) }));
}
