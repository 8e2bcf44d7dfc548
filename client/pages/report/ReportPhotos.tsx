import { useEffect, useMemo } from 'react';
import { MAX_PHOTOS } from '../../../shared/schemas/report';
import { useT } from '../../lib/i18n';
import { formatBytes } from './PhotoUploads';
import { newKey, type StoredPhoto } from './report-store';
import { shrinkPhoto } from './shrink-photo';

/**
 * Photos with previews and remove buttons. Each picked photo is shrunk here, on the phone, and gets
 * its own Idempotency-Key; previews are blob: URLs, released when a photo goes.
 */
export function ReportPhotos({
  photos,
  onChange,
  shrinking,
  onShrinking,
  error,
}: {
  photos: StoredPhoto[];
  onChange: (photos: StoredPhoto[]) => void;
  /** Photos still being made smaller: the form waits for them rather than send without them. */
  shrinking: boolean;
  onShrinking: (shrinking: boolean) => void;
  error?: string | undefined;
}) {
  const t = useT();
  const previews = useMemo(() => photos.map((p) => URL.createObjectURL(p.blob)), [photos]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);

  async function add(files: File[]) {
    onShrinking(true);
    try {
      const room = MAX_PHOTOS - photos.length;
      // One at a time: a 12-megapixel photo decodes to ~48 MB of pixels, five at once can kill the tab of a cheap phone.
      const shrunk: File[] = [];
      for (const file of files.slice(0, room)) shrunk.push(await shrinkPhoto(file));
      onChange([...photos, ...shrunk.map((f) => ({ key: newKey(), name: f.name, blob: f as Blob }))]);
    } finally {
      onShrinking(false);
    }
  }

  return (
    <fieldset className="field" id="photos" tabIndex={-1} aria-describedby={error ? 'photos-error' : 'photos-hint'}>
      <legend>{t('field.photos')}</legend>
      <p className="hint" id="photos-hint">
        {t('ui.report.photos_hint')}
      </p>
      {photos.length > 0 && (
        <ul className="photo-list">
          {photos.map((photo, i) => (
            <li key={photo.key} className="photo-list__item">
              <img src={previews[i]} alt={t('ui.report.photo_alt', { n: i + 1 })} />
              <span className="hint">{formatBytes(photo.blob.size)}</span>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => onChange(photos.filter((p) => p.key !== photo.key))}
              >
                {t('ui.report.photo_remove', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {shrinking && <p role="status">{t('ui.report.shrinking')}</p>}
      {photos.length < MAX_PHOTOS && (
        <label className="button button--secondary file-button">
          {t('ui.report.photo_add')}
          <input
            type="file"
            accept="image/*"
            multiple
            className="visually-hidden"
            name="photos"
            disabled={shrinking}
            onChange={(e) => {
              const picked = Array.from(e.target.files ?? []);
              e.target.value = '';
              void add(picked);
            }}
          />
        </label>
      )}
      {error && (
        <p className="field__error" id="photos-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
