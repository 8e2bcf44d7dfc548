import { sql } from 'drizzle-orm';
import type { AlertKind } from '../../shared/domain/alerts';
import type { Config } from '../config';
import { queryRows } from '../db/query-rows';
import type { Queryable } from '../db/types';
import { alertEmailsTable, alertsTable } from './alerts.table';
import { emailWanted } from './preferences';

/** Who is told of an event: the staff of a unit (officers, unit leads, the assigned officer), or coordinators. */
export type AlertAudience =
  | { unitId: string }
  /** Province coordinators of `provinceCode`; null: the national coordinators. */
  | { coordinatorsOf: string | null };

/**
 * One event a unit or a coordinator must know of (issue #17). `at` is when it happened; `key`, when
 * given, names the event instead of kind + report + audience + `at` (a deadline: its due time), so the
 * same event notified twice is stored once.
 */
export interface AlertEvent {
  kind: AlertKind;
  reportId: string;
  audience: AlertAudience;
  at: Date;
  /** The deadline the alert is about; default: the report's running one. */
  dueAt?: Date | null;
  key?: string;
}

export interface NotifyResult {
  /** Staff members told (new rows only). */
  staffIds: string[];
  /** E-mails queued. */
  emails: number;
}

interface Recipient extends Record<string, unknown> {
  id: string;
  address: string | null;
  email: Partial<Record<AlertKind, boolean>> | null;
}

function audienceKey(audience: AlertAudience): string {
  return 'unitId' in audience ? `unit:${audience.unitId}` : `coord:${audience.coordinatorsOf ?? 'national'}`;
}

/** The event's name in `alerts.event_key` and `alert_emails.event_key`. */
export function eventKeyOf(event: AlertEvent): string {
  return event.key ?? `${event.kind}:${event.reportId}:${audienceKey(event.audience)}:${event.at.toISOString()}`;
}

/** The unit and the units above it, nearest first: a unit above sees the reports of the units beneath it (SPEC.md §7). */
const unitAndAbove = (unitId: string) =>
  sql`with recursive up as (
        select id, parent_id, duty_email, 0 as depth from units where id = ${unitId}
        union all
        select u.id, u.parent_id, u.duty_email, up.depth + 1 from units u join up on u.id = up.parent_id where up.depth < 10
      )`;

/**
 * The staff told of an event for `audience`: the officers and unit leads of the unit and of the units
 * above it (those whose queue shows the report), and the report's assigned officer when the unit leads it
 * (on a transfer nobody is assigned yet); or the coordinators of a province, or the national ones.
 * Disabled accounts are left out.
 */
async function recipientsOf(tx: Queryable, reportId: string, audience: AlertAudience): Promise<Recipient[]> {
  const prefix = 'unitId' in audience ? unitAndAbove(audience.unitId) : sql``;
  const who =
    'unitId' in audience
      ? sql`(s.unit_id in (select id from up) and s.role in ('officer', 'unit_lead'))
          or s.id = (select r.assigned_to from reports r where r.id = ${reportId} and r.lead_unit_id = ${audience.unitId})`
      : audience.coordinatorsOf === null
        ? sql`s.role = 'coordinator' and s.scope_province_code is null`
        : sql`s.role = 'coordinator' and s.scope_province_code = ${audience.coordinatorsOf}`;
  return queryRows<Recipient>(
    tx,
    sql`${prefix}
        select s.id, p.address, p.email
          from staff_accounts s left join staff_alert_preferences p on p.staff_id = s.id
         where not s.is_disabled and (${who})
         order by s.id`,
  );
}

/** The unit's duty mailbox, or that of the nearest unit above it that has one. */
async function dutyMailbox(tx: Queryable, audience: AlertAudience): Promise<string | null> {
  if (!('unitId' in audience)) return null;
  const [unit] = await queryRows<{ duty_email: string }>(
    tx,
    sql`${unitAndAbove(audience.unitId)}
        select duty_email from up where duty_email is not null order by depth limit 1`,
  );
  return unit?.duty_email ?? null;
}

async function runningDue(tx: Queryable, reportId: string): Promise<Date | null> {
  const [row] = await queryRows<{ next_due_at: Date | string | null }>(
    tx,
    sql`select next_due_at from reports where id = ${reportId}`,
  );
  return row?.next_due_at ? new Date(row.next_due_at) : null;
}

/**
 * Issue #18: a standing office has no staff of its own: its province's coordinators are its staff (SPEC.md §1),
 * so whatever is addressed to the office (a tip's answer, its hand-off clock, a unit's hand-over) reaches them.
 */
async function staffedAudience(tx: Queryable, audience: AlertAudience): Promise<AlertAudience> {
  if (!('unitId' in audience)) return audience;
  const [office] = await queryRows<{ province_code: string }>(
    tx,
    sql`select province_code from units where id = ${audience.unitId} and kind = 'standing_office'`,
  );
  return office ? { coordinatorsOf: office.province_code } : audience;
}

/**
 * Issue #17: tells the audience of `event`, INSIDE the transaction that records the event, so an alert is
 * never lost and never made for a rolled-back action. One alert row per staff member (in-app, always), and
 * when SMTP is configured the e-mails to send: the unit's duty mailbox once per event, and each recipient
 * who gave an address and has e-mail on for this kind. Sending is `deliverEmails`' job, after the commit.
 */
export async function notify(deps: { config: Config }, tx: Queryable, given: AlertEvent): Promise<NotifyResult> {
  const event = { ...given, audience: await staffedAudience(tx, given.audience) };
  const key = eventKeyOf(event);
  const dueAt = event.dueAt === undefined ? await runningDue(tx, event.reportId) : event.dueAt;
  const unitId = 'unitId' in event.audience ? event.audience.unitId : null;
  const recipients = await recipientsOf(tx, event.reportId, event.audience);
  const inserted =
    recipients.length === 0
      ? []
      : await tx
          .insert(alertsTable)
          .values(
            recipients.map((r) => ({
              eventKey: key,
              kind: event.kind,
              reportId: event.reportId,
              staffId: r.id,
              unitId,
              dueAt,
              createdAt: event.at,
            })),
          )
          .onConflictDoNothing()
          .returning({ staffId: alertsTable.staffId });
  const told = new Set(inserted.map((row) => row.staffId));
  if (!deps.config.mail.smtpUrl) return { staffIds: [...told], emails: 0 };

  const addresses = new Set<string>();
  const duty = await dutyMailbox(tx, event.audience);
  if (duty) addresses.add(duty.toLowerCase());
  for (const r of recipients) {
    if (r.address && emailWanted(r.email, event.kind)) addresses.add(r.address.toLowerCase());
  }
  if (addresses.size === 0) return { staffIds: [...told], emails: 0 };
  const queued = await tx
    .insert(alertEmailsTable)
    .values(
      [...addresses].map((recipient) => ({
        eventKey: key,
        kind: event.kind,
        reportId: event.reportId,
        unitId,
        recipient,
        dueAt,
        nextAttemptAt: event.at,
        createdAt: event.at,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: alertEmailsTable.id });
  return { staffIds: [...told], emails: queued.length };
}
