import type { PhotoCount } from '../../shared/api/reports';
import { MAX_PHOTOS, PHOTO_UPLOAD_HOURS } from '../../shared/schemas/report';
import { lockReportByCode } from '../cases/cases.repository';
import type { AppDeps } from '../deps';
import { AppError, fieldIssue, validationFailed } from '../http/errors';
import type { FailureGuard } from '../http/failure-guard';
import { PhotoRefused, reencodePhoto } from './photos';
import { countReporterPhotos, insertEvent, insertPhotos } from './reports.repository';
import { storeWithPhotos } from './reports.service';
import { openReceipt, reportNotFound } from './tracking.service';

const photoLimitReached = () => new AppError('photos.limit_reached', 409, { max: MAX_PHOTOS });

const counted = (stored: number): PhotoCount => ({
  photosStored: stored,
  photosAccepted: Math.max(0, MAX_PHOTOS - stored),
});

/**
 * Issue #14, "text first, then each photo on its own": one photo for a report, with its receipt,
 * within 24 hours of receipt and up to five in all (counting those sent with the report). A wrong
 * code or secret and a report past its 24 hours are the same 404; the wrong-secret guard of tracking
 * counts here too. The photo is re-encoded like any other (metadata dropped) before anything is written.
 */
export async function addReportPhoto(
  deps: AppDeps,
  guard: FailureGuard,
  receipt: { trackingCode: string; secret: string },
  photoPath: string,
): Promise<PhotoCount> {
  const report = await openReceipt(deps, guard, receipt.trackingCode, receipt.secret);
  const until = report.receivedAt.getTime() + PHOTO_UPLOAD_HOURS * 3_600_000;
  if (deps.clock.now().getTime() > until) throw reportNotFound();
  // Checked before the photo costs a core; checked again under the report's lock below.
  if ((await countReporterPhotos(deps.db, report.id)) >= MAX_PHOTOS) throw photoLimitReached();

  deps.photos.queue.admit(1);
  const photo = await deps.photos.queue
    .run(() => reencodePhoto(photoPath, deps.photos.store))
    .catch((err: unknown) => {
      throw err instanceof PhotoRefused ? validationFailed([fieldIssue(['photo'], err.problem)]) : err;
    });
  return storeWithPhotos(deps, [photo], () =>
    deps.db.transaction(async (tx) => {
      // Locked: two photos sent at once cannot both be the fifth.
      const current = await lockReportByCode(tx, report.trackingCode);
      if (!current) throw reportNotFound();
      const before = await countReporterPhotos(tx, current.id);
      if (before >= MAX_PHOTOS) throw photoLimitReached();
      const at = deps.clock.now();
      const event = await insertEvent(tx, {
        reportId: current.id,
        type: 'photos_attached',
        at,
        actor: 'reporter',
        public: false,
        data: { photos: 1 },
      });
      await insertPhotos(tx, [{ ...photo, reportId: current.id, eventId: event.id, createdAt: at }]);
      return counted(before + 1);
    }),
  );
}
