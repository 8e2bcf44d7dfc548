import { sql } from 'drizzle-orm';
import { queryRows } from '../db/query-rows';
import type { Queryable } from '../db/types';

export interface ChainBreak {
  trackingCode: string;
  seq: number;
  eventId: number;
  problem: 'content_changed' | 'link_broken' | 'missing_before' | 'missing_after';
}

/**
 * Issue #6: recomputes every report's event chain with the database's own digest (the function the
 * insert trigger uses) and names each break: an event whose content no longer matches its hash, one
 * whose link does not point at the event before it, or a gap in the numbering (an event removed).
 */
export async function verifyEventChains(
  q: Queryable,
): Promise<{ reports: number; events: number; breaks: ChainBreak[] }> {
  const rows = await queryRows<{
    tracking_code: string;
    seq: number;
    id: number;
    content_changed: boolean;
    link_broken: boolean;
    gap: boolean;
  }>(
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
  // The last events of a report, deleted: its chain ends before the head the report remembers.
  const heads = await queryRows<{ tracking_code: string; events_seq: number; last_seq: number | null }>(
    q,
    sql`select r.tracking_code, r.events_seq, l.seq as last_seq
        from reports r
        left join lateral (select e.seq, e.hash from report_events e where e.report_id = r.id order by e.seq desc limit 1) l on true
        where r.events_seq <> coalesce(l.seq, 0) or r.events_head is distinct from l.hash
        order by r.tracking_code`,
  );
  const [counts] = await queryRows<{ reports: number; events: number }>(
    q,
    sql`select count(distinct report_id)::int as reports, count(*)::int as events from report_events`,
  );
  const breaks: ChainBreak[] = rows.map((r): ChainBreak => ({
    trackingCode: r.tracking_code,
    seq: Number(r.seq),
    eventId: Number(r.id),
    problem: r.content_changed ? 'content_changed' : r.gap ? 'missing_before' : 'link_broken',
  }));
  for (const h of heads)
    breaks.push({ trackingCode: h.tracking_code, seq: Number(h.events_seq), eventId: 0, problem: 'missing_after' });
  breaks.sort((a, b) => a.trackingCode.localeCompare(b.trackingCode) || a.seq - b.seq);
  return { reports: counts?.reports ?? 0, events: counts?.events ?? 0, breaks };
}

const PROBLEMS: Record<ChainBreak['problem'], string> = {
  content_changed: 'its content no longer matches its hash (edited after it was written)',
  link_broken: 'it does not link to the event before it (an earlier event was changed or replaced)',
  missing_before: 'the event before it is missing (deleted)',
  missing_after:
    "the report's chain ends before this event, which the report recorded as its last (events deleted from the end)",
};

export const describeBreak = (b: ChainBreak) =>
  `report ${b.trackingCode}, event #${b.seq}${b.eventId ? ` (id ${b.eventId})` : ''}: ${PROBLEMS[b.problem]}`;
