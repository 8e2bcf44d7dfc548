import { reporterNoticeFor } from '../reports/reporter-notice';
import { sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AlertKind } from '../../shared/domain/alerts';
import { queryRows } from '../db/query-rows';
import type { AppDeps } from '../deps';
import { loggableError } from '../logger';
import { type AlertEmailKind } from './alerts.table';
import { composeAlertMail, composeDigestMail, type DigestFigures, type Mail } from './mail';

/** Rows taken per run; the rest wait for the next run (a minute's alerts at 50 reports a minute fit in one). */
const BATCH = 50;
/** Sent at once by one process. */
const PARALLEL = 4;
/** A claim older than this is taken to be a process that died while sending: the row is sent again. */
const LEASE_MS = 5 * 60_000;
/** After this many failed attempts a message is given up (`failed`), about a day of retries. */
export const MAX_ATTEMPTS = 10;

/** Backoff after the n-th failed attempt: 30 s, 1 min, 2 min … at most 4 h. */
export const retryDelayMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 4 * 3_600_000);

/** Connection, greeting and idle-socket timeout of the SMTP client. */
export const SMTP_TIMEOUT_MS = 20_000;

const transports = new WeakMap<object, Transporter>();

function transportOf(deps: AppDeps): Transporter | null {
  const url = deps.config.mail.smtpUrl;
  if (!url) return null;
  let transport = transports.get(deps.config);
  if (!transport) {
    transport = nodemailer.createTransport({
      url,
      // A hung SMTP server ends a send in seconds, long before LEASE_MS hands the row to another process.
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    });
    transports.set(deps.config, transport);
  }
  return transport;
}

/** Closes the SMTP connections of this process (shutdown, end of a test). */
export function closeMail(deps: AppDeps): void {
  transports.get(deps.config)?.close();
  transports.delete(deps.config);
}

/** Said once at start: without SMTP_URL alerts stay in the staff pages. */
export function announceMail(deps: AppDeps): void {
  if (!deps.config.mail.smtpUrl)
    deps.logger.info('SMTP_URL is not set: alerts are shown in the staff pages only, no e-mail is sent');
}

interface Claimed extends Record<string, unknown> {
  id: string;
  kind: AlertEmailKind;
  report_id: string | null;
  recipient: string;
  due_at: Date | string | null;
  data: DigestFigures | null;
  attempts: number;
  created_at: Date | string;
  tracking_code: string | null;
  urgent: boolean | null;
  category: string | null;
  commune_name: string | null;
  province_name: string | null;
}

/**
 * Takes the rows due now, marking them claimed in one statement. `FOR UPDATE SKIP LOCKED` and the claim
 * make two processes (or two runs of one) take different rows: each message is sent once, unless the
 * process dies between the SMTP server's acceptance and the `sent` mark (then again after LEASE_MS).
 */
async function claim(deps: AppDeps, now: Date): Promise<Claimed[]> {
  const leaseEnd = new Date(now.getTime() - LEASE_MS);
  return queryRows<Claimed>(
    deps.db,
    sql`with taken as (
          update alert_emails e set claimed_at = ${now}, attempts = e.attempts + 1
           where e.id in (select id from alert_emails
                           where status = 'pending' and next_attempt_at <= ${now}
                             and (claimed_at is null or claimed_at < ${leaseEnd})
                           order by next_attempt_at
                           limit ${BATCH}
                           for update skip locked)
          returning e.id, e.kind, e.recipient, e.due_at, e.data, e.attempts, e.report_id, e.created_at)
        select t.id, t.kind, t.report_id, t.recipient, t.due_at, t.data, t.attempts, t.created_at,
               r.tracking_code, r.category, r.urgent, c.name as commune_name, p.name as province_name
          from taken t
          left join reports r on r.id = t.report_id
          left join communes c on c.code = r.commune_code
          left join provinces p on p.code = r.province_code`,
  );
}

/** The envelope and words of a row; null when a reporter's notice has no one to go to any more. */
async function envelopeOf(deps: AppDeps, row: Claimed): Promise<(Mail & { to: string }) | null> {
  if (row.kind !== 'reporter_notice') return { to: row.recipient, ...mailOf(deps, { ...row, kind: row.kind }) };
  if (!row.report_id) return null;
  const notice = await reporterNoticeFor(deps.db, row.report_id, {
    contactKey: deps.secrets.contactEncryptionKey,
    trackUrl: `${deps.config.http.publicUrl}/track`,
  });
  return notice && { to: notice.to, subject: notice.subject, text: notice.text };
}

function mailOf(deps: AppDeps, row: Claimed & { kind: AlertKind | 'digest' }): Mail {
  const publicUrl = deps.config.http.publicUrl;
  if (row.kind === 'digest') {
    if (!row.data) throw new Error('a digest without its figures');
    return composeDigestMail(row.data, new Date(row.created_at), publicUrl);
  }
  return composeAlertMail(
    row.kind,
    {
      trackingCode: row.tracking_code ?? '',
      category: row.category ?? '',
      communeName: row.commune_name,
      provinceName: row.province_name ?? '',
      dueAt: row.due_at ? new Date(row.due_at) : null,
      urgent: row.urgent ?? false,
    },
    publicUrl,
  );
}

/** What a failure is recorded as: the SMTP reply code or Node's error code, never the message (it may quote the address). */
function errorCodeOf(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { responseCode?: unknown; code?: unknown };
    if (typeof e.responseCode === 'number') return `smtp_${e.responseCode}`;
    if (typeof e.code === 'string') return e.code.slice(0, 40);
  }
  return 'error';
}

async function sendOne(deps: AppDeps, transport: Transporter, row: Claimed, now: Date): Promise<boolean> {
  try {
    const mail = await envelopeOf(deps, row);
    if (!mail) {
      // The reporter's contact is gone (a report merged or its notice withdrawn): nothing to send, ever.
      await deps.db.execute(
        sql`update alert_emails set status = 'failed', claimed_at = null, last_error = 'no_recipient' where id = ${row.id}`,
      );
      return false;
    }
    await transport.sendMail({ from: deps.config.mail.from, to: mail.to, subject: mail.subject, text: mail.text });
  } catch (err) {
    await recordFailure(deps, row, now, err);
    return false;
  }
  try {
    await deps.db.execute(
      sql`update alert_emails set status = 'sent', sent_at = ${now}, claimed_at = null, last_error = null
           where id = ${row.id}`,
    );
  } catch (err) {
    // The SMTP server has the message: it must not go back to pending (it would be sent again at the
    // next run). The row stays claimed; only a lapsed lease sends it again, as after a crash here.
    deps.logger.error(
      { alertEmail: row.id, err: loggableError(err) },
      'alert e-mail sent but not marked sent: left claimed',
    );
  }
  return true;
}

/** Not sent: back to pending after its backoff, or given up after MAX_ATTEMPTS. */
async function recordFailure(deps: AppDeps, row: Claimed, now: Date, err: unknown): Promise<void> {
  const code = errorCodeOf(err);
  const giveUp = row.attempts >= MAX_ATTEMPTS;
  await deps.db.execute(
    sql`update alert_emails
           set claimed_at = null, last_error = ${code},
               status = ${giveUp ? 'failed' : 'pending'},
               next_attempt_at = ${new Date(now.getTime() + retryDelayMs(row.attempts))}
         where id = ${row.id}`,
  );
  deps.logger.warn(
    { alertEmail: row.id, attempts: row.attempts, error: code, gaveUp: giveUp },
    'alert e-mail not sent',
  );
}

/**
 * Issue #17: sends the queued alert e-mails that are due (J1's runner calls it every few seconds; the
 * bench and tests call it directly). Retries with backoff on failure; logs ids and error codes only,
 * never an address, a subject or a text.
 */
export async function deliverEmails(
  deps: AppDeps,
  now: Date = deps.clock.now(),
): Promise<{ sent: number; failed: number }> {
  const transport = transportOf(deps);
  if (!transport) return { sent: 0, failed: 0 };
  const rows = await claim(deps, now);
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < rows.length; i += PARALLEL) {
    const results = await Promise.all(rows.slice(i, i + PARALLEL).map((row) => sendOne(deps, transport, row, now)));
    for (const ok of results)
      if (ok) sent += 1;
      else failed += 1;
  }
  return { sent, failed };
}
