import { useEffect, useMemo } from 'react';
import { MAX_PHOTOS } from '../../shared/schemas/report';
import { useT } from '../lib/i18n';

/** Photos with previews and remove buttons; previews are blob: URLs, released when a photo goes. */
export function PhotoPicker({
  files,
  onChange,
  error,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  error?: string;
}) {
  const t = useT();
  const previews = useMemo(() => files.map((f) => URL.createObjectURL(f)), [files]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);
  return (
    <fieldset className="field">
      <legend>{t('field.photos')}</legend>
      <p className="hint">{t('ui.report.photos_hint')}</p>
      {files.length > 0 && (
        <ul className="photo-list">
          {files.map((file, i) => (
            <li key={`${file.name}-${i}`} className="photo-list__item">
              <img src={previews[i]} alt={t('ui.report.photo_alt', { n: i + 1 })} />
              <button
                type="button"
                className="button button--secondary"
                onClick={() => onChange(files.filter((_, k) => k !== i))}
              >
                {t('ui.report.photo_remove', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {files.length < MAX_PHOTOS && (
        <label className="button button--secondary file-button">
          {t('ui.report.photo_add')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
            multiple
            className="visually-hidden"
            name="photos"
            onChange={(e) => {
              const picked = Array.from(e.target.files ?? []);
              onChange([...files, ...picked].slice(0, MAX_PHOTOS));
              e.target.value = '';
            }}
          />
        </label>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
