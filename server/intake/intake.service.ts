import type {
  AppendedCall,
  CallSummary,
  HotlineLines,
  IntakeReceipt,
  IntakeReportView,
  ReceiptAnswer,
} from '../../shared/api/intake';
import { maskPhone, normalisePhone } from '../../shared/phone';
import type { AppendCallInput, IntakeReportInput, ReceiptAnswerInput, TypedPlace } from '../../shared/schemas/intake';
import type { Language } from '../../shared/i18n/translate';
import type { DeskChannel } from '../../shared/domain/channels';
import { hashPassword, RANDOM_SECRET_COST } from '../auth/passwords';
import type { ReportInput } from '../../shared/schemas/report';
import type { StaffUser } from '../auth/auth.service';
import type { Queryable } from '../db/types';
import type { AppDeps } from '../deps';
import { fieldIssue, notFound, validationFailed } from '../http/errors';
import { findProvinces } from '../places/places.repository';
import { newSecret, sealContact } from '../reports/receipt';
import { insertReceipt, receiptFingerprint } from '../reports/receipts.repository';
import { addReporterMessage, presentCitizenView } from '../reports/tracking.service';
import { findReportByCode, findReportById, insertEvent, insertPhotos } from '../reports/reports.repository';
import { processPhotos, storeWithPhotos, submitReport } from '../reports/reports.service';
import { dutyPhoneOf } from '../units/units.repository';
import { operatorMayReach } from '../auth/access';
import {
  findCallsOfOperator,
  findCallsOfReport,
  findReportForIntake,
  insertCall,
  operatorHasCallOn,
  operatorOpenedReport,
} from './intake.repository';

const RECENT_CALLS = 30;

export async function hotlineLines(deps: AppDeps): Promise<HotlineLines> {
  const names = new Map((await findProvinces(deps.db)).map((p) => [p.code, p.name]));
  return {
    lines: deps.config.hotlineLines.map((line) => ({
      number: line.number,
      provinceCode: line.provinceCode,
      provinceName: line.provinceCode ? (names.get(line.provinceCode) ?? null) : null,
    })),
  };
}

type CallFields = Pick<AppendCallInput, 'callStartedAt' | 'callEndedAt' | 'callerNumber' | 'callerAnonymous'>;

/** The line must be one the console offers (HOTLINE_LINES), whatever way it is written. */
function checkLine(deps: AppDeps, line: string): string {
  const number = normalisePhone(line);
  const known = deps.config.hotlineLines.find((l) => l.number === number);
  if (!known) throw validationFailed([fieldIssue(['line'], 'unknown_line')]);
  return known.number;
}

/** The call row: the number sealed and masked, or nothing of it when the caller stays anonymous. */
function callRow(deps: AppDeps, staff: StaffUser, call: CallFields, line: string, channel: DeskChannel = 'hotline') {
  const number = call.callerAnonymous ? undefined : call.callerNumber;
  return {
    operatorId: staff.id,
    channel,
    line,
    startedAt: call.callStartedAt,
    endedAt: call.callEndedAt,
    callerAnonymous: call.callerAnonymous,
    callerMasked: number ? maskPhone(number) : null,
    callerSealed: number ? sealContact({ phone: number }, deps.secrets.contactEncryptionKey) : null,
    createdAt: deps.clock.now(),
  };
}

function summary(
  row: ReturnType<typeof callRow>,
  staff: StaffUser,
  trackingCode: string,
  opensReport: boolean,
  note: string | null,
): CallSummary {
  return {
    channel: row.channel,
    at: row.startedAt.toISOString(),
    endedAt: row.endedAt.toISOString(),
    line: row.line,
    caller: row.callerMasked,
    callerAnonymous: row.callerAnonymous,
    opensReport,
    note,
    operator: staff.displayName,
    trackingCode,
  };
}

/**
 * Issue #5: a call that becomes a new report, channel `hotline`. Issue #18: any desk channel (a visit, a
 * letter, an e-mail, a Zalo message) the same way, received at the time the staff member gives, the report's
 * channel that one; its `hotline_calls` row (channel set, no line, no caller number: the contact fields hold
 * the reporter's details) makes it their entry, as a call makes it the operator's. The report, its routing, its
 * `received` event and the entry are one transaction.
 */
export async function enterCall(deps: AppDeps, staff: StaffUser, input: IntakeReportInput): Promise<IntakeReceipt> {
  const {
    channel,
    line: typedLine,
    callStartedAt,
    callEndedAt,
    callerNumber,
    callerAnonymous,
    receivedAt,
    ...report
  } = input;
  let row: ReturnType<typeof callRow>;
  if (channel === 'hotline') {
    // The schema requires them for a call.
    if (!typedLine || !callStartedAt || !callEndedAt || callerAnonymous === undefined) throw new Error('call fields');
    row = callRow(
      deps,
      staff,
      { callStartedAt, callEndedAt, callerNumber, callerAnonymous },
      checkLine(deps, typedLine),
    );
  } else {
    if (!receivedAt) throw new Error('receivedAt');
    row = callRow(
      deps,
      staff,
      { callStartedAt: receivedAt, callEndedAt: receivedAt, callerAnonymous: false },
      '',
      channel,
    );
  }
  let leadDutyPhone: string | null = null;
  const receipt = await submitReport(deps, report satisfies ReportInput, [], {
    channel,
    receivedAt: channel === 'hotline' ? undefined : receivedAt,
    alsoStore: async (tx, stored) => {
      await insertCall(tx, { ...row, reportId: stored.reportId, eventId: stored.receivedEventId, opensReport: true });
      // Issue #17: the operator hands an urgent caller over to the lead unit's duty phone.
      leadDutyPhone = await dutyPhoneOf(tx, stored.leadUnitId);
    },
  });
  return {
    ...receipt,
    urgent: input.urgent,
    leadDutyPhone,
    call: summary(row, staff, receipt.trackingCode, true, null),
  };
}

async function reportOr404(q: Queryable, trackingCode: string) {
  const report = await findReportByCode(q, trackingCode);
  if (!report) throw notFound();
  return report;
}

/**
 * The province of the call being typed: of its commune, or named alone for an online seller.
 * Called before any transaction: the routing cache may re-read its generation through `deps.db`,
 * which on embedded PGlite (one connection) would wait forever behind an open transaction.
 */
async function typedProvince(deps: AppDeps, typed: TypedPlace): Promise<string | null> {
  if (!typed.communeCode && !typed.provinceCode) return null;
  const { communes, provinces } = await deps.routing.compiledAt();
  if (typed.communeCode) {
    const commune = communes.get(typed.communeCode);
    if (!commune) throw validationFailed([fieldIssue(['communeCode'], 'invalid_value')]);
    return commune.provinceCode;
  }
  if (!provinces.has(typed.provinceCode ?? '')) throw validationFailed([fieldIssue(['provinceCode'], 'invalid_value')]);
  return typed.provinceCode ?? null;
}

/**
 * Issue #15: a report the operator may open or append to (auth/access.ts, operatorMayReach), given the
 * commune of the call being typed; any other reads as not found, exactly like an unknown code.
 */
async function reportForOperator(
  deps: AppDeps,
  q: Queryable,
  staff: StaffUser,
  trackingCode: string,
  typedProvinceCode: string | null,
) {
  const report = await reportOr404(q, trackingCode);
  const hasCallOnReport = await operatorHasCallOn(q, staff.id, report.id);
  // Issue #18: an officer or unit lead at a desk reaches only their own entries here, never through the duplicates
  // window (that is the operators'); the case itself stays their unit's business (scope.ts).
  const typed = staff.role === 'operator' ? typedProvinceCode : null;
  if (!operatorMayReach(report, { hasCallOnReport, typedProvinceCode: typed }, deps.clock.now())) throw notFound();
  return report;
}

/**
 * A further call about a report, found among the duplicates: an event with its own text, not a new report.
 * The caller gets the report's code and a secret of their own to follow it (issue #17), read aloud like a
 * new report's receipt; only its slow hash is kept (`report_receipts`).
 */
export async function appendCall(
  deps: AppDeps,
  staff: StaffUser,
  trackingCode: string,
  input: AppendCallInput,
  typed: TypedPlace = {},
): Promise<AppendedCall> {
  const line = checkLine(deps, input.line);
  const row = callRow(deps, staff, input, line);
  const province = await typedProvince(deps, typed);
  const secret = newSecret();
  const secretHash = await hashPassword(secret.normalised, RANDOM_SECRET_COST);
  return deps.db.transaction(async (tx) => {
    const found = await reportForOperator(deps, tx, staff, trackingCode, province);
    // A call about a duplicate belongs with the report it was merged into.
    const report = (found.mergedInto && (await findReportById(tx, found.mergedInto))) || found;
    const event = await insertEvent(tx, {
      reportId: report.id,
      type: 'call_appended',
      at: row.createdAt,
      actor: staff.id,
      public: false,
      body: input.note,
      data: { line },
    });
    const callId = await insertCall(tx, { ...row, reportId: report.id, eventId: event.id, opensReport: false });
    await insertReceipt(tx, {
      reportId: report.id,
      secretHash,
      secretFingerprint: receiptFingerprint(deps.secrets.sessionSecret, secret.normalised),
      callId,
      createdAt: row.createdAt,
    });
    return { ...summary(row, staff, report.trackingCode, false, input.note), secret: secret.display };
  });
}

/**
 * Issue #17, follow-up by phone: a caller gives their code and secret (checked like the tracking page, one
 * count of wrong secrets for both) and their spoken answer is recorded as the reporter's own message, with the
 * call: the same effect as an answer on /track (a report waiting for information goes back to where it was and
 * its clock runs again). The operator gets the citizen view, nothing more.
 */
export async function recordSpokenAnswer(
  deps: AppDeps,
  staff: StaffUser,
  input: ReceiptAnswerInput,
  lang: Language,
): Promise<ReceiptAnswer> {
  const line = checkLine(deps, input.line);
  const row = callRow(deps, staff, input, line);
  const view = await addReporterMessage(
    deps,
    deps.receiptGuard,
    { trackingCode: input.trackingCode, secret: input.secret, message: input.message },
    [],
    {
      eventData: { channel: 'hotline', line },
      alsoStore: async (tx, stored) => {
        await insertCall(tx, { ...row, reportId: stored.reportId, eventId: stored.eventId, opensReport: false });
      },
    },
  );
  return { ...presentCitizenView(view, lang), call: summary(row, staff, view.trackingCode, false, input.message) };
}

export async function intakeReportView(
  deps: AppDeps,
  staff: StaffUser,
  trackingCode: string,
  typed: TypedPlace = {},
): Promise<IntakeReportView> {
  await reportForOperator(deps, deps.db, staff, trackingCode, await typedProvince(deps, typed));
  const report = await findReportForIntake(deps.db, trackingCode);
  if (!report) throw notFound();
  const { id, leadForce, leadUnitName, receivedAt, observedAt, ...fields } = report;
  const [calls, enteredByMe] = await Promise.all([
    findCallsOfReport(deps.db, id),
    operatorOpenedReport(deps.db, staff.id, id),
  ]);
  return {
    ...fields,
    receivedAt: receivedAt.toISOString(),
    observedAt: observedAt.toISOString(),
    // Issue #18: the standing office of a tip about officials is of no force.
    lead: { force: leadForce, unitName: leadUnitName },
    calls,
    enteredByMe,
  };
}

export const recentCalls = async (deps: AppDeps, staff: StaffUser) => ({
  calls: await findCallsOfOperator(deps.db, staff.id, RECENT_CALLS),
});

/**
 * Photos the caller sent later (Zalo, e-mail), attached by the operator who entered the report, with
 * the same processing as a citizen's. Another operator's report reads as not found.
 */
export async function attachPhotos(
  deps: AppDeps,
  staff: StaffUser,
  trackingCode: string,
  photoPaths: string[],
): Promise<{ trackingCode: string; photos: number }> {
  const report = await reportOr404(deps.db, trackingCode);
  if (!(await operatorOpenedReport(deps.db, staff.id, report.id))) throw notFound();
  if (photoPaths.length === 0) throw validationFailed([fieldIssue(['photos'], 'required')]);
  const photos = await processPhotos(deps, photoPaths);
  return storeWithPhotos(deps, photos, () =>
    deps.db.transaction(async (tx) => {
      const at = deps.clock.now();
      const event = await insertEvent(tx, {
        reportId: report.id,
        type: 'photos_attached',
        at,
        actor: staff.id,
        public: false,
        data: { photos: photos.length },
      });
      await insertPhotos(
        tx,
        photos.map((p) => ({ ...p, reportId: report.id, eventId: event.id, createdAt: at })),
      );
      return { trackingCode: report.trackingCode, photos: photos.length };
    }),
  );
}
