import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { reportsTable } from '../reports/reports.table';
import { alertEmailsTable, REPORTER } from './alerts.table';

/**
 * Issue #17: a reporter who left an e-mail and asked to be told gets one mail when a question or a result
 * arrives. Queued in the outbox inside the action's transaction (never lost, never for a rolled-back action),
 * with no address: the sealed contact is opened only when the mail is sent (server/alerts/deliver.ts), and the
 * words say only that there is news (server/reports/reporter-notice.ts). Nothing is queued without SMTP.
 */
export async function queueReporterNotice(
  tx: Queryable,
  deps: { config: { mail: { smtpUrl?: string | undefined } } },
  report: { id: string },
  why: 'question' | 'result',
  at: Date,
): Promise<void> {
  if (!deps.config.mail.smtpUrl) return;
  const [wanted] = await tx
    .select({ id: reportsTable.id })
    .from(reportsTable)
    .where(and(eq(reportsTable.id, report.id), eq(reportsTable.reporterNotice, true)));
  if (!wanted) return;
  await tx
    .insert(alertEmailsTable)
    .values({
      eventKey: `reporter_notice:${report.id}:${why}:${at.toISOString()}`,
      kind: 'reporter_notice',
      reportId: report.id,
      recipient: REPORTER,
      nextAttemptAt: at,
      createdAt: at,
    })
    .onConflictDoNothing();
}
