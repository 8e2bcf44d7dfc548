import { sql } from 'drizzle-orm';
import { TIME_ZONE } from '../../shared/i18n/format';
import { queryRows } from '../db/query-rows';
import type { AppDeps } from '../deps';
import { alertDigestsTable, alertEmailsTable } from './alerts.table';
import type { DigestFigures } from './mail';

/** Issue #17: the daily digest goes out from 07:00 Vietnam time. */
export const DIGEST_HOUR = 7;
const OVERDUE_CODES = 20;

const dayParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** `2026-11-23` and the hour, in Vietnam time. */
export function vietnamDayAndHour(at: Date): { day: string; hour: number } {
  const parts = Object.fromEntries(dayParts.formatToParts(at).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

interface UnitFigures extends Record<string, unknown> {
  id: string;
  name: string;
  duty_email: string;
  open: number;
  due_soon: number;
  overdue: number;
  new_since_yesterday: number;
  overdue_codes: string[] | null;
}

/**
 * Issue #17: once a day from 07:00 Vietnam time (J1's runner calls it every few minutes), each open unit
 * with a duty mailbox and open reports gets the day's digest of the reports it and the units beneath it
 * lead: open, due soon, overdue, new since yesterday. `alert_digests` makes it once per unit and day, whichever process comes first.
 * Returns how many digests were queued.
 */
export async function sendDigests(deps: AppDeps, now: Date = deps.clock.now()): Promise<number> {
  if (!deps.config.mail.smtpUrl) return 0;
  const { day, hour } = vietnamDayAndHour(now);
  if (hour < DIGEST_HOUR) return 0;
  const soon = new Date(now.getTime() + deps.config.deadlines.dueSoonHours * 3_600_000);
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
  return deps.db.transaction(async (tx) => {
    const units = await queryRows<UnitFigures>(
      tx,
      sql`with recursive tree as (
            select id as root, id, 0 as depth from units
             where duty_email is not null and (valid_to is null or valid_to > ${now})
               and not exists (select 1 from alert_digests d where d.unit_id = units.id and d.day = ${day})
            union all
            select t.root, u.id, t.depth + 1 from units u join tree t on u.parent_id = t.id where t.depth < 10
          )
          select u.id, u.name, u.duty_email,
                 count(r.id)::int as open,
                 count(r.id) filter (where r.next_due_at > ${now} and r.next_due_at <= ${soon})::int as due_soon,
                 count(r.id) filter (where r.next_due_at <= ${now})::int as overdue,
                 count(r.id) filter (where r.received_at > ${dayAgo})::int as new_since_yesterday,
                 (array_agg(r.tracking_code order by r.next_due_at) filter (where r.next_due_at <= ${now}))[1:${OVERDUE_CODES}] as overdue_codes
            from tree t
            join units u on u.id = t.root
            join reports r on r.lead_unit_id = t.id and report_is_open(r.status)
           group by u.id
           order by u.id`,
    );
    let queued = 0;
    for (const unit of units) {
      const [fresh] = await tx
        .insert(alertDigestsTable)
        .values({ unitId: unit.id, day, at: now })
        .onConflictDoNothing()
        .returning({ unitId: alertDigestsTable.unitId });
      if (!fresh) continue;
      const figures: DigestFigures = {
        unitName: unit.name,
        open: unit.open,
        dueSoon: unit.due_soon,
        overdue: unit.overdue,
        newSinceYesterday: unit.new_since_yesterday,
        overdueCodes: unit.overdue_codes ?? [],
      };
      await tx
        .insert(alertEmailsTable)
        .values({
          eventKey: `digest:${unit.id}:${day}`,
          kind: 'digest',
          unitId: unit.id,
          recipient: unit.duty_email.toLowerCase(),
          data: { ...figures },
          nextAttemptAt: now,
          createdAt: now,
        })
        .onConflictDoNothing();
      queued += 1;
    }
    return queued;
  });
}
