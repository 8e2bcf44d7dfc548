import { useState, type ReactNode } from 'react';
import { useT } from '../lib/i18n';
import type { MessageKey } from '../../shared/i18n/vi';

/**
 * A chart with its numbers: one button switches between the chart and an accessible table of the
 * same figures (the table is what a screen reader, a keyboard or a printout uses).
 */
export function FigureSection({
  id,
  title,
  note,
  chart,
  table,
}: {
  id: string;
  title: string;
  note?: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  const t = useT();
  const [asTable, setAsTable] = useState(false);
  return (
    <section className="figure" aria-labelledby={`${id}-title`} data-testid={`figure-${id}`}>
      <div className="figure__head">
        <h2 id={`${id}-title`}>{title}</h2>
        <button
          type="button"
          className="button button--secondary figure__toggle"
          aria-controls={`${id}-body`}
          onClick={() => setAsTable((v) => !v)}
        >
          {asTable ? t('ui.stats.show_chart') : t('ui.stats.show_table')}
        </button>
      </div>
      {note && <p className="hint">{note}</p>}
      <div id={`${id}-body`}>{asTable ? table : chart}</div>
    </section>
  );
}

/** A table that scrolls sideways inside its own box on a phone, named for screen readers. `wide`: many columns, never squeezed. */
export function ScrollTable({ label, wide = false, children }: { label: string; wide?: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <div className="table-scroll" role="region" aria-label={t('ui.stats.table_scrolls', { title: label })} tabIndex={0}>
      <table className={`data-table stats-table${wide ? ' stats-table--wide' : ''}`}>{children}</table>
    </div>
  );
}

/** Column headers of figures (right-aligned), one per label key, in order. */
export function NumericHeads({ keys }: { keys: readonly MessageKey[] }) {
  const t = useT();
  return (
    <>
      {keys.map((key) => (
        <th key={key} scope="col" className="numeric">
          {t(key)}
        </th>
      ))}
    </>
  );
}
