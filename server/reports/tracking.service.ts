import type { CitizenView, PublicStatus } from '../../shared/api/reports';
import { t, type Language } from '../../shared/i18n/translate';
import { notify } from '../alerts/notify';
import { hashPassword, RANDOM_SECRET_COST, verifyPassword } from '../auth/passwords';
import type { Queryable } from '../db/types';
import type { AppDeps } from '../deps';
import type { CounterDeps } from '../http/counters';
import { AppError } from '../http/errors';
import { createFailureGuard, type FailureGuard } from '../http/failure-guard';
import type { Status } from '../../shared/domain/statuses';
import { lockReportByCode } from '../cases/cases.repository';
import { moveReport } from '../cases/transitions';
import {
  countPhotosByEvent,
  findEvents,
  findLeadOf,
  findReportByCode,
  findReportById,
  insertEvent,
  insertPhotos,
  type Report,
  type ReportEvent,
} from './reports.repository';
import { receiptFingerprint, receiptHashesFor } from './receipts.repository';
import { processPhotos, storeWithPhotos } from './reports.service';

export const reportNotFound = () => new AppError('report.not_found', 404);
const tooManyAttempts = (seconds: number) =>
  new AppError('report.too_many_attempts', 429, {}, [], { 'Retry-After': String(Math.max(1, Math.ceil(seconds))) });

/**
 * SPEC.md §6, against guessing: after 5 wrong secrets for one tracking code within 15 minutes, that
 * code answers 429 until the window ends, whoever asks.
 */
export const createSecretGuard = (deps: CounterDeps): FailureGuard =>
  createFailureGuard(deps, { name: 'receipt-secret', max: 5, windowMs: 15 * 60_000 });

// Verifying against this makes an unknown code cost as much time as a wrong secret.
const decoyHash = hashPassword('not-a-secret-of-any-report', RANDOM_SECRET_COST);

/** The report for a receipt; an unknown code and a wrong secret are the same 404. */
export async function openReceipt(
  deps: AppDeps,
  guard: FailureGuard,
  trackingCode: string,
  secret: string,
  q: Queryable = deps.db,
): Promise<Report> {
  const wait = await guard.blockedFor(trackingCode);
  if (wait > 0) throw tooManyAttempts(wait / 1000);
  const report = await findReportByCode(q, trackingCode);
  // Exactly one scrypt per attempt (issue #17): the appended caller's secret found by its keyed
  // fingerprint, else the report's own secret, else (no such code) a decoy. The time says neither
  // whether a code exists nor how many callers it has.
  const hashes = report
    ? await receiptHashesFor(q, report, receiptFingerprint(deps.secrets.sessionSecret, secret))
    : [await decoyHash];
  const ok = (await Promise.all(hashes.map((hash) => verifyPassword(secret, hash)))).some(Boolean);
  if (!report || !ok) {
    await guard.fail(trackingCode);
    throw reportNotFound();
  }
  await guard.succeed(trackingCode);
  return report;
}

const PUBLIC_STATUS: Record<Status, PublicStatus> = {
  received: 'received',
  accepted: 'in_progress',
  verifying: 'in_progress',
  suspended: 'in_progress',
  needs_info: 'needs_info',
  resolved: 'resolved',
  closed: 'closed',
};

/**
 * SPEC.md §5 "citizen sees": internal steps read as "being handled"; nothing internal leaks. The lead
 * is the unit leading now (after a transfer, the new one). A duplicate merged into another report
 * follows that report's status, timeline and outcome (issue #6); its own messages stay its own.
 */
function citizenView(
  report: Report,
  own: ReportEvent[],
  followed: { report: Report; events: ReportEvent[] },
  lead: { force: string; unitName: string } | null,
  photoCounts: Map<number | null, number>,
): CitizenView {
  const publicOwn = own.filter((e) => e.public);
  const publicFollowed = followed.events.filter((e) => e.public);
  const lastQuestion = [...own].reverse().find((e) => e.type === 'question');
  const resolution = [...followed.events].reverse().find((e) => e.toStatus === 'resolved' && e.public);
  return {
    trackingCode: report.trackingCode,
    // The column is typed, but a row fixed by hand may hold anything: the citizen then reads "in progress".
    status: PUBLIC_STATUS[followed.report.status] ?? 'in_progress',
    receivedAt: report.receivedAt.toISOString(),
    provinceCode: report.provinceCode,
    lead,
    timeline: publicFollowed
      .filter((e) => e.type === 'received' || e.type === 'status_changed')
      .map((e) => ({
        at: e.at.toISOString(),
        type: e.type,
        status: e.toStatus ? (PUBLIC_STATUS[e.toStatus] ?? 'in_progress') : null,
      }))
      .filter((e, i, all) => i === 0 || e.status !== all[i - 1]?.status),
    openQuestion:
      report.status === 'needs_info' && lastQuestion?.body
        ? { at: lastQuestion.at.toISOString(), text: lastQuestion.body }
        : null,
    outcome: resolution?.body ? { at: resolution.at.toISOString(), text: resolution.body } : null,
    messages: publicOwn
      .filter((e) => e.type === 'question' || e.type === 'unit_message' || e.type === 'reporter_message')
      .map((e) => ({
        at: e.at.toISOString(),
        from: e.type === 'reporter_message' ? ('reporter' as const) : ('unit' as const),
        text: e.body ?? '',
        photos: photoCounts.get(e.id) ?? 0,
      })),
    mergedInto: followed.report.id === report.id ? null : followed.report.trackingCode,
  };
}

async function viewOf(deps: AppDeps, report: Report): Promise<CitizenView> {
  // Follows merges to the report that survived (re-pointing keeps chains short; the guard stops loops).
  let survivor: Report | undefined;
  for (let next = report.mergedInto, hops = 0; next && hops < 10; hops += 1) {
    survivor = await findReportById(deps.db, next);
    next = survivor?.mergedInto ?? null;
  }
  const followed = survivor ?? report;
  const [own, followedEvents, lead, photos] = await Promise.all([
    findEvents(deps.db, report.id),
    survivor ? findEvents(deps.db, survivor.id) : Promise.resolve(null),
    // Issue #18: a tip about officials names no unit to its reporter (nor does one it was merged into).
    report.misconduct || followed.misconduct ? Promise.resolve(null) : findLeadOf(deps.db, followed.leadUnitId),
    countPhotosByEvent(deps.db, report.id),
  ]);
  return citizenView(report, own, { report: followed, events: followedEvents ?? own }, lead, photos);
}

export async function trackReport(
  deps: AppDeps,
  guard: FailureGuard,
  trackingCode: string,
  secret: string,
): Promise<CitizenView> {
  return viewOf(deps, await openReceipt(deps, guard, trackingCode, secret));
}

/**
 * The reporter adds information, with photos; if the lead unit asked a question, this answers it
 * and the report goes back to the status it had before (SPEC.md §5: the clock runs again).
 */
export interface ReporterMessageOptions {
  /** What the message's event records besides (the operator's call: `{ channel: 'hotline', line }`). */
  eventData?: Record<string, unknown>;
  /** Rows that belong with the message (the call it was spoken on), written in its transaction. */
  alsoStore?: (tx: Queryable, stored: { reportId: string; eventId: number; at: Date }) => Promise<void>;
}

export async function addReporterMessage(
  deps: AppDeps,
  guard: FailureGuard,
  input: { trackingCode: string; secret: string; message: string },
  photoPaths: string[],
  { eventData, alsoStore }: ReporterMessageOptions = {},
): Promise<CitizenView> {
  await openReceipt(deps, guard, input.trackingCode, input.secret);
  const photos = await processPhotos(deps, photoPaths);
  const report = await storeWithPhotos(deps, photos, () =>
    deps.db.transaction(async (tx) => {
      // Locked first: a staff action under way finishes before the answer, which then reads it.
      const current = await lockReportByCode(tx, input.trackingCode);
      if (!current) throw reportNotFound();
      const at = deps.clock.now();
      const event = await insertEvent(tx, {
        reportId: current.id,
        type: 'reporter_message',
        at,
        actor: 'reporter',
        public: true,
        body: input.message,
        ...(eventData ? { data: eventData } : {}),
      });
      await alsoStore?.(tx, { reportId: current.id, eventId: event.id, at });
      await insertPhotos(
        tx,
        photos.map((p) => ({ ...p, reportId: current.id, eventId: event.id, createdAt: at })),
      );
      // Issue #17: the lead unit (and its assigned officer) learn that the reporter answered.
      await notify(deps, tx, {
        kind: 'reporter_answered',
        reportId: current.id,
        audience: { unitId: current.leadUnitId },
        at,
        key: `reporter_answered:${event.id}`,
      });
      if (current.status !== 'needs_info') return current;
      return moveReport(tx, current, current.statusBeforeInfo ?? 'received', {
        actor: 'reporter',
        at,
      });
    }),
  );
  // The receipt was checked above: the answer is built without a second scrypt verification.
  return viewOf(deps, report);
}

/** The citizen view with its status label in the request's language. */
export const presentCitizenView = (view: CitizenView, lang: Language) => ({
  ...view,
  statusLabel: t(lang, `ui.public_status.${view.status}`),
});
