import { useState } from 'react';
import { ApiError } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { apiErrorMessage } from '../../ui/apiErrorMessage';
import { PhotoPicker } from '../../ui/PhotoPicker';
import { useAttachPhotos } from './intake.api';

/** Photos the caller sends later (Zalo, e-mail), attached to a report this operator entered. */
export function AttachPhotos({
  trackingCode,
  title,
  onAttached,
}: {
  trackingCode: string;
  /** The heading; by default the caller's photos (issue #18 review: the reporter's, for other channels). */
  title?: string;
  onAttached?: (count: number) => void;
}) {
  const t = useT();
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const attach = useAttachPhotos(trackingCode);
  const error = attach.error;
  const done = attach.data?.photos ?? null;

  function send() {
    setProgress(0);
    attach.mutate(
      { files, onProgress: setProgress },
      {
        onSuccess: (result) => {
          setFiles([]);
          onAttached?.(result.photos);
        },
        onSettled: () => setProgress(null),
      },
    );
  }

  const fieldError =
    error instanceof ApiError ? error.fields.find((f) => f.field.startsWith('photos'))?.message : undefined;
  return (
    <section className="attach-photos" aria-labelledby={`attach-${trackingCode}`}>
      <h3 id={`attach-${trackingCode}`}>{title ?? t('ui.intake.attach_title')}</h3>
      <p className="hint">{t('ui.intake.attach_hint')}</p>
      <PhotoPicker
        files={files}
        onChange={(next) => {
          setFiles(next);
          attach.reset();
        }}
        error={fieldError}
      />
      {error && !fieldError && (
        <div className="notice notice--error" role="alert">
          <p>{apiErrorMessage(t, error)}</p>
        </div>
      )}
      {done !== null && (
        <p className="notice" role="status">
          {t('ui.intake.attached', { n: done, code: trackingCode })}
        </p>
      )}
      {progress !== null && <progress max={1} value={progress} aria-label={t('ui.report.sending')} />}
      <button
        type="button"
        className="button button--secondary"
        disabled={files.length === 0 || progress !== null}
        onClick={send}
      >
        {files.length > 0 ? t('ui.intake.attach_send', { n: files.length }) : t('ui.intake.attach_none')}
      </button>
    </section>
  );
}
