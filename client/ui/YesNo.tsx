import { useT } from '../lib/i18n';

/** "Có" for true; a quiet dash for false that screen readers still read as "Không". */
export function YesNo({ value }: { value: boolean }) {
  const t = useT();
  if (value) return <>{t('ui.common.yes')}</>;
  return (
    <>
      <span aria-hidden="true" className="muted">
        –
      </span>
      <span className="visually-hidden">{t('ui.common.no')}</span>
    </>
  );
}
