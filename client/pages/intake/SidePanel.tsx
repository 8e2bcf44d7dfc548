import type { DuplicateCandidateView } from '../../../shared/api/duplicates';
import type { RoutingPreview } from '../../../shared/api/routing';
import { formatDateTime } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/vi';
import { useT } from '../../lib/i18n';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorNotice } from '../../ui/ErrorNotice';

interface Props {
  /** null while category, place type and place are not all known: nothing to ask yet. */
  preview: UseQueryResult<RoutingPreview> | null;
  /** Issue #18: a tip about officials goes to the standing office, whatever the fields say. */
  misconduct: boolean;
  /** null while nothing to compare; undefined: no duplicates panel (officers and unit leads, issue #18 review). */
  duplicates?: UseQueryResult<{ candidates: DuplicateCandidateView[] }> | null;
  onOpen(code: string): void;
}

/** While the operator types: where the report will go, and reports it may repeat (issue #5). */
export function SidePanel({ preview, misconduct, duplicates, onOpen }: Props) {
  const t = useT();
  return (
    <>
      <section className="panel routing-panel" aria-labelledby="routing-title" aria-live="polite">
        <h2 id="routing-title">{t('ui.intake.routing_title')}</h2>
        {misconduct && <p className="routing-panel__lead">{t('ui.receipt.standing_office')}</p>}
        {!misconduct && !preview && <p className="hint">{t('ui.intake.routing_wait')}</p>}
        {preview?.isError && <ErrorNotice error={preview.error} />}
        {preview?.isSuccess && (
          <>
            <p className="routing-panel__lead" data-testid="lead-unit">
              <strong>{t(`force.${preview.data.lead.force}` as MessageKey)}</strong> — {preview.data.lead.unitName}
            </p>
            {preview.data.coordinating.length > 0 && (
              <p>
                {t('ui.intake.coordinating')} {preview.data.coordinating.map((c) => c.unitName).join('; ')}
              </p>
            )}
            <p className="hint">{preview.data.explanation}</p>
            {preview.data.warnings.map((w) => (
              <p key={w.code} className="notice notice--warning">
                {w.message}
              </p>
            ))}
          </>
        )}
      </section>
      {duplicates !== undefined && (
        <section className="panel duplicates-panel" aria-labelledby="duplicates-title">
          <h2 id="duplicates-title">
            {t('ui.intake.duplicates_title')} <kbd>Alt+D</kbd>
          </h2>
          {!duplicates && <p className="hint">{t('ui.intake.duplicates_wait')}</p>}
          {duplicates?.isError && <ErrorNotice error={duplicates.error} />}
          {duplicates?.isSuccess && duplicates.data.candidates.length === 0 && (
            <p role="status">{t('ui.intake.duplicates_none')}</p>
          )}
          {duplicates?.isSuccess && duplicates.data.candidates.length > 0 && (
            <ol className="duplicates" aria-live="polite">
              {duplicates.data.candidates.map((c) => (
                <li key={c.trackingCode} className="duplicates__item">
                  <button type="button" className="duplicates__open" onClick={() => onOpen(c.trackingCode)}>
                    <span className="duplicates__code">{c.trackingCode}</span>
                    <span className="hint">
                      {formatDateTime(c.receivedAt)} · {c.communeName ?? t(`place_type.${c.placeType}` as MessageKey)} ·{' '}
                      {t(`category.${c.category}` as MessageKey)}
                    </span>
                    <span className="duplicates__why">
                      {c.reasons.map((r) => t(`ui.intake.reason.${r}` as MessageKey)).join(', ')}
                    </span>
                    <span className="duplicates__excerpt">{c.excerpt}</span>
                  </button>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}
