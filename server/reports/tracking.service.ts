import type { CitizenView, PublicStatus } from '../../shared/api/reports';
import { hashPassword, RANDOM_SECRET_COST, verifyPassword } from '../auth/passwords';
import type { Queryable } from '../db/types';
import type { AppDeps, Clock } from '../deps';
import { AppError } from '../http/errors';
import { createFailureGuard, type FailureGuard } from '../http/failure-guard';
import { countPhotosByEvent, findEvents, findReportByCode, insertEvent, insertPhotos, updateReportStatus, type Report, type ReportEvent } from './reports.repository';
import { processPhotos, storeWithPhotos } from './reports.service';

const reportNotFound = () => new AppError('report.not_found', 404);
const tooManyAttempts = (seconds: number) =>
  new AppError('report.too_many_attempts', 429, {}, [], { 'Retry-After': String(Math.max(1, Math.ceil(seconds))) });

/**
 * SPEC.md §6, against guessing: after 5 wrong secrets for one tracking code within 15 minutes, that
 * code answers 429 until the window ends, whoever asks.
 */
export const createSecretGuard = (clock: Clock): FailureGuard => createFailureGuard(clock, { max: 5, windowMs: 15 * 60_000 });

// Verifying against this makes an unknown code cost as much time as a wrong secret.
const decoyHash = hashPassword('not-a-secret-of-any-report', RANDOM_SECRET_COST);

/** The report for a receipt; an unknown code and a wrong secret are the same 404. */
async function openReceipt(deps: AppDeps, guard: FailureGuard, trackingCode: string, secret: string, q: Queryable = deps.db): Promise<Report> {
  const wait = guard.blockedFor(trackingCode);
  if (wait > 0) throw tooManyAttempts(wait / 1000);
  const report = await findReportByCode(q, trackingCode);
  const ok = await verifyPassword(secret, report?.secretHash ?? (await decoyHash));
  if (!report || !ok) {
    guard.fail(trackingCode);
    throw reportNotFound();
  }
  guard.succeed(trackingCode);
  return report;
}

const PUBLIC_STATUS: Record<string, PublicStatus> = {
  received: 'received',
  accepted: 'in_progress',
  verifying: 'in_progress',
  suspended: 'in_progress',
  needs_info: 'needs_info',
  resolved: 'resolved',
  closed: 'closed',
};

/** SPEC.md §5 "citizen sees": internal steps read as "being handled"; nothing internal leaks. */
function citizenView(report: Report, events: ReportEvent[], photoCounts: Map<number | null, number>): CitizenView {
  const publicEvents = events.filter((e) => e.public);
  const received = events.find((e) => e.type === 'received');
  const lastQuestion = [...events].reverse().find((e) => e.type === 'question');
  const resolution = [...events].reverse().find((e) => e.toStatus === 'resolved' && e.public);
  return {
    trackingCode: report.trackingCode,
    status: PUBLIC_STATUS[report.status] ?? 'in_progress',
    receivedAt: report.receivedAt.toISOString(),
    lead: received?.data ? { force: String(received.data.leadForce), unitName: String(received.data.leadUnitName) } : null,
    timeline: publicEvents
      .filter((e) => e.type === 'received' || e.type === 'status_changed')
      .map((e) => ({ at: e.at.toISOString(), type: e.type, status: e.toStatus ? (PUBLIC_STATUS[e.toStatus] ?? null) : null }))
      .filter((e, i, all) => i === 0 || e.status !== all[i - 1]?.status),
    openQuestion: report.status === 'needs_info' && lastQuestion?.body ? { at: lastQuestion.at.toISOString(), text: lastQuestion.body } : null,
    outcome: resolution?.body ? { at: resolution.at.toISOString(), text: resolution.body } : null,
    messages: publicEvents
      .filter((e) => e.type === 'question' || e.type === 'unit_message' || e.type === 'reporter_message')
      .map((e) => ({
        at: e.at.toISOString(),
        from: e.type === 'reporter_message' ? ('reporter' as const) : ('unit' as const),
        text: e.body ?? '',
        photos: photoCounts.get(e.id) ?? 0,
      })),
  };
}

async function viewOf(deps: AppDeps, report: Report): Promise<CitizenView> {
  return citizenView(report, await findEvents(deps.db, report.id), await countPhotosByEvent(deps.db, report.id));
}

export async function trackReport(deps: AppDeps, guard: FailureGuard, trackingCode: string, secret: string): Promise<CitizenView> {
  return viewOf(deps, await openReceipt(deps, guard, trackingCode, secret));
}

/**
 * The reporter adds information, with photos; if the lead unit asked a question, this answers it
 * and the report goes back to the status it had before (SPEC.md §5: the clock runs again).
 */
export async function addReporterMessage(
  deps: AppDeps,
  guard: FailureGuard,
  input: { trackingCode: string; secret: string; message: string },
  photoPaths: string[],
): Promise<CitizenView> {
  await openReceipt(deps, guard, input.trackingCode, input.secret);
  const photos = await processPhotos(deps, photoPaths);
  const report = await storeWithPhotos(deps, photos, () =>
    deps.db.transaction(async (tx) => {
      const current = await findReportByCode(tx, input.trackingCode);
      if (!current) throw reportNotFound();
      const at = deps.clock.now();
      const event = await insertEvent(tx, { reportId: current.id, type: 'reporter_message', at, actor: 'reporter', public: true, body: input.message });
      await insertPhotos(tx, photos.map((p) => ({ ...p, reportId: current.id, eventId: event.id, createdAt: at })));
      if (current.status !== 'needs_info') return current;
      const back = current.statusBeforeInfo ?? 'received';
      if (!(await updateReportStatus(tx, current, { status: back, statusBeforeInfo: null }))) throw new AppError('conflict', 409);
      await insertEvent(tx, { reportId: current.id, type: 'status_changed', at, actor: 'reporter', public: true, fromStatus: 'needs_info', toStatus: back });
      return { ...current, status: back, statusBeforeInfo: null };
    }),
  );
  // The receipt was checked above: the answer is built without a second scrypt verification.
  return viewOf(deps, report);
}

/** The lead unit asks the reporter (issue #6 adds the staff action; tests use it now). */
export async function askReporter(q: Queryable, report: Report, question: string, actor: string, at: Date): Promise<void> {
  if (!(await updateReportStatus(q, report, { status: 'needs_info', statusBeforeInfo: report.status }))) throw new AppError('conflict', 409);
  await insertEvent(q, { reportId: report.id, type: 'question', at, actor, public: true, body: question });
  await insertEvent(q, { reportId: report.id, type: 'status_changed', at, actor, public: true, fromStatus: report.status, toStatus: 'needs_info' });
}
