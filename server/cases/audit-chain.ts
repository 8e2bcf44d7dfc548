import { sql } from 'drizzle-orm';
import { queryRows } from '../db/query-rows';
import type { Queryable } from '../db/types';

export interface ChainBreak {
  trackingCode: string;
  seq: number;
  eventId: number;
  problem: 'content_changed' | 'link_broken' | 'missing_before';
}

/**
 * Issue #6: recomputes every report's event chain with the database's own digest (the function the
 * insert trigger uses) and names each break: an event whose content no longer matches its hash, one
 * whose link does not point at the event before it, or a gap in the numbering (an event removed).
 */
export async function verifyEventChains(q: Queryable): Promise<{ reports: number; events: number; breaks: ChainBreak[] }> {
  const rows = await queryRows<{ tracking_code: string; seq: number; id: number; content_changed: boolean; link_broken: boolean; gap: boolean }>(
    q,
    sql`select r.tracking_code, v.seq, v.id, v.content_changed, v.link_broken, v.gap
        from (
          select e.report_id, e.seq, e.id,
            e.hash is distinct from report_event_digest(e.prev_hash, e) as content_changed,
            e.prev_hash is distinct from lag(e.hash) over w as link_broken,
            e.seq <> row_number() over w as gap
          from report_events e
          window w as (partition by e.report_id order by e.seq)
        ) v join reports r on r.id = v.report_id
        where v.content_changed or v.link_broken or v.gap
        order by r.tracking_code, v.seq`,
  );
  const [counts] = await queryRows<{ reports: number; events: number }>(q, sql`select count(distinct report_id)::int as reports, count(*)::int as events from report_events`);
  const breaks = rows.map((r): ChainBreak => ({
    trackingCode: r.tracking_code,
    seq: Number(r.seq),
    eventId: Number(r.id),
    problem: r.content_changed ? 'content_changed' : r.gap ? 'missing_before' : 'link_broken',
  }));
  return { reports: counts?.reports ?? 0, events: counts?.events ?? 0, breaks };
}

const PROBLEMS: Record<ChainBreak['problem'], string> = {
  content_changed: 'its content no longer matches its hash (edited after it was written)',
  link_broken: 'it does not link to the event before it (an earlier event was changed or replaced)',
  missing_before: 'the event before it is missing (deleted)',
};

export const describeBreak = (b: ChainBreak) => `report ${b.trackingCode}, event #${b.seq} (id ${b.eventId}): ${PROBLEMS[b.problem]}`;
