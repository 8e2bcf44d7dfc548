import type { Receipt } from '../../shared/api/reports';
import type { Channel } from '../../shared/domain/channels';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/i18n/translate';
import { foldForSearch } from '../../shared/domain/text';
import { sellerKey, urlKey } from '../../shared/url-key';
import { hasContact, MAX_PHOTOS, PHOTO_UPLOAD_HOURS, type ReportInput } from '../../shared/schemas/report';
import { hashPassword, RANDOM_SECRET_COST } from '../auth/passwords';
import type { Queryable } from '../db/types';
import type { Force } from '../../shared/domain/forces';
import { decideMisconduct } from '../routing/misconduct';
import type { AppDeps } from '../deps';
import { AppError, fieldIssue, validationFailed } from '../http/errors';
import { namesOf, PhotoRefused, reencodePhoto, type ProcessedPhoto } from './photos';
import { newSecret, newTrackingCode, sealContact } from './receipt';
import { deadlinesAtReceipt } from '../holidays/calendar';
import { notify } from '../alerts/notify';
import { insertCoordinations, insertEvent, insertPhotos, insertReport, photoFileIsStored } from './reports.repository';
import { photoRefusal } from './upload';
import { loggableError } from '../logger';

const noLead = () => new AppError('report.no_lead', 503);
const UNIQUE_VIOLATION = '23505';

function isTrackingCodeClash(err: unknown): boolean {
  const cause =
    (err as { cause?: { code?: string; constraint?: string } }).cause ??
    (err as { code?: string; constraint?: string });
  return cause.code === UNIQUE_VIOLATION && (cause.constraint ?? '').includes('tracking_code');
}

/**
 * Runs `store`, the transaction that writes the rows of `photos`. If it fails, their pending files are
 * removed; once it has committed they must not be, and become stored files. A failed move is
 * finished by the next start (settlePendingPhotos), which keeps pending files that have a row.
 */
export async function storeWithPhotos<T>(deps: AppDeps, photos: ProcessedPhoto[], store: () => Promise<T>): Promise<T> {
  let stored: T;
  try {
    stored = await store();
  } catch (err) {
    await deps.photos.store.discard(namesOf(photos));
    throw err;
  }
  await deps.photos.store
    .commit(namesOf(photos))
    .catch((err: unknown) =>
      deps.logger.error({ err: loggableError(err) }, 'photos of a committed report stay pending until the next start'),
    );
  return stored;
}

/**
 * Re-encodes a request's photos through the shared queue. Any refusal removes what was already
 * written and names the photo by its position.
 */
export async function processPhotos(deps: AppDeps, paths: string[]): Promise<ProcessedPhoto[]> {
  deps.photos.queue.admit(paths.length);
  const results = await Promise.allSettled(
    paths.map((p) => deps.photos.queue.run(() => reencodePhoto(p, deps.photos.store))),
  );
  const done = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.findIndex((r) => r.status === 'rejected');
  if (failed >= 0) {
    await deps.photos.store.discard(namesOf(done));
    const reason = (results[failed] as PromiseRejectedResult).reason as unknown;
    if (reason instanceof PhotoRefused) throw photoRefusal(failed, reason.problem);
    throw reason;
  }
  return done;
}

/** The commune must lie in the province the reporter chose (both come from the form's two lists). */
async function checkPlace(deps: AppDeps, input: ReportInput): Promise<void> {
  const { communes, provinces } = await deps.routing.compiledAt();
  if (!input.communeCode) {
    // Online, province only (SPEC.md §3): the province must exist.
    if (!provinces.has(input.provinceCode)) throw validationFailed([fieldIssue(['provinceCode'], 'invalid_value')]);
    return;
  }
  const commune = communes.get(input.communeCode);
  if (!commune) throw validationFailed([fieldIssue(['communeCode'], 'invalid_value')]);
  if (commune.provinceCode !== input.provinceCode)
    throw validationFailed([fieldIssue(['communeCode'], 'commune_not_in_province')]);
}

/**
 * SPEC.md §3 and §6, issue #4: stores the report, its photos, its routing decision and a `received`
 * event in one transaction. Photos are written as pending first and become stored only after the
 * commit; a failure anywhere removes them.
 */
export interface SubmitOptions {
  channel?: Channel;
  /** The language of the page the report came from: a notice the reporter asked for is written in it (issue #17). */
  language?: Language;
  /**
   * Issue #18: when a report entered at a desk was received (a letter, a visit): its deadlines and `received`
   * event date from then. Routed as of now, the units that handle it now. Absent: now.
   */
  receivedAt?: Date;
  /** Rows that belong with the report (the operator's call), written in its transaction. */
  alsoStore?: (
    tx: Queryable,
    stored: { reportId: string; receivedEventId: number; receivedAt: Date; leadUnitId: string },
  ) => Promise<void>;
}

export async function submitReport(
  deps: AppDeps,
  input: ReportInput,
  photoPaths: string[],
  { channel = 'web', language = DEFAULT_LANGUAGE, alsoStore, receivedAt: given }: SubmitOptions = {},
): Promise<Receipt> {
  await checkPlace(deps, input);
  const photos = await processPhotos(deps, photoPaths);
  return storeWithPhotos(deps, photos, async () => {
    const secret = newSecret();
    const secretHash = await hashPassword(secret.normalised, RANDOM_SECRET_COST);
    const contact = hasContact(input)
      ? sealContact(
          { name: input.contactName, phone: input.contactPhone, email: input.contactEmail },
          deps.secrets.contactEncryptionKey,
        )
      : null;
    // Issue #17: only with an e-mail in the sealed contact (the schema refuses the box without one).
    const notice = Boolean(input.reporterNotice && input.contactEmail && contact);
    for (let attempt = 1; ; attempt += 1) {
      try {
        const enteredAt = deps.clock.now();
        const receivedAt = given ?? enteredAt;
        const receipt = await deps.db.transaction(async (tx) => {
          const { id: decisionId, decision } = await routeOrRefuse(deps, tx, input, enteredAt);
          // Issue #18: a tip about officials names no unit to the reporter, and no force in its events.
          const { force: leadForce, unitName } = decision.lead;
          const announced = input.misconduct || leadForce === null ? null : { force: leadForce, unitName };
          const due = await deadlinesAtReceipt(tx, deps.config, input, receivedAt);
          const report = await insertReport(tx, {
            trackingCode: newTrackingCode(),
            secretHash,
            channel,
            category: input.category,
            placeType: input.placeType,
            provinceCode: input.provinceCode,
            communeCode: input.communeCode ?? null,
            address: input.address ?? null,
            url: input.url ?? null,
            sellerHandle: input.sellerHandle ?? null,
            sellerKey: input.sellerHandle ? (sellerKey(input.sellerHandle) ?? null) : null,
            observedAt: input.observedAt,
            description: input.description,
            searchText: foldForSearch(input.description),
            urlKey: input.url ? (urlKey(input.url) ?? null) : null,
            hasContact: contact !== null,
            contactSealed: contact,
            reporterNotice: notice,
            noticeLanguage: notice ? language : null,
            status: 'received',
            urgent: input.urgent,
            misconduct: input.misconduct,
            implicatedForce: input.misconduct ? (input.implicatedForce ?? null) : null,
            goodsType: input.goodsType ?? null,
            routingDecisionId: decisionId,
            leadUnitId: decision.lead.unitId,
            receivedAt,
            ...due,
            nextDueAt: due.acceptDueAt,
          });
          await insertCoordinations(
            tx,
            decision.coordinating.map((c) => ({
              reportId: report.id,
              unitId: c.unitId,
              source: 'routing' as const,
              at: receivedAt,
            })),
          );
          await insertPhotos(
            tx,
            photos.map((p) => ({ ...p, reportId: report.id, createdAt: enteredAt })),
          );
          const received = await insertEvent(tx, {
            reportId: report.id,
            type: 'received',
            at: receivedAt,
            actor: 'system',
            public: true,
            toStatus: 'received',
            data: {
              ...(announced ? { leadForce: announced.force, leadUnitName: announced.unitName } : { misconduct: true }),
              photos: photos.length,
              ...(given ? { enteredAt: enteredAt.toISOString() } : {}),
            },
          });
          await alsoStore?.(tx, {
            reportId: report.id,
            receivedEventId: received.id,
            receivedAt,
            leadUnitId: decision.lead.unitId,
          });
          // Issue #17: the lead unit is told at once, and the units asked to coordinate by the routing rule.
          // Issue #18: a tip about officials, its province's coordinators (the standing office's staff).
          await notify(deps, tx, {
            kind: 'routed',
            reportId: report.id,
            audience: input.misconduct ? { coordinatorsOf: input.provinceCode } : { unitId: report.leadUnitId },
            at: enteredAt,
          });
          for (const c of decision.coordinating)
            await notify(deps, tx, {
              kind: 'coordination_requested',
              reportId: report.id,
              audience: { unitId: c.unitId },
              at: enteredAt,
            });
          return {
            trackingCode: report.trackingCode,
            secret: secret.display,
            status: 'received' as const,
            receivedAt: receivedAt.toISOString(),
            lead: announced && { force: announced.force, unitName: announced.unitName },
            photoUploadUntil: new Date(receivedAt.getTime() + PHOTO_UPLOAD_HOURS * 3_600_000).toISOString(),
            photosAccepted: MAX_PHOTOS - photos.length,
          };
        });
        return receipt;
      } catch (err) {
        if (attempt < 3 && isTrackingCodeClash(err)) continue;
        throw err;
      }
    }
  });
}

/** What the report is routed with: the rules, or for a tip about officials its province's standing office (issue #18). */
interface Routed {
  id: string;
  decision: { lead: { force: Force | null; unitId: string; unitName: string }; coordinating: { unitId: string }[] };
}

async function routeOrRefuse(deps: AppDeps, tx: Queryable, input: ReportInput, at: Date): Promise<Routed> {
  try {
    if (input.misconduct) {
      const { id, lead } = await decideMisconduct(tx, input, at);
      return { id, decision: { lead: { ...lead, force: null }, coordinating: [] } };
    }
    return await deps.routing.decideAndRecord(tx, input, at);
  } catch (err) {
    if (err instanceof AppError && err.code === 'routing.no_lead') throw noLead();
    throw err;
  }
}

/**
 * At start-up. PGlite allows one process, so everything left is an orphan; with a PostgreSQL server
 * other processes may share the uploads, so only files older than an hour are settled. Several
 * processes starting at once may settle together: the store counts each file once (issue #19).
 */
export function settlePendingPhotos(deps: AppDeps) {
  const minAgeMs = deps.database.engine === 'pglite' ? 0 : 3_600_000;
  return deps.photos.store.settle((name) => photoFileIsStored(deps.db, name), minAgeMs);
}
