import { useEffect, useState, type FormEvent } from 'react';
import type { Province } from '../../../shared/api/places';
import type { UnitSummary } from '../../../shared/api/units';
import { FORCES } from '../../../shared/domain/forces';
import { fieldErrors, type FieldError } from '../../../shared/i18n/validation-messages';
import { STATS_INTERVALS, staffStatsQuerySchema } from '../../../shared/schemas/stats';
import { useI18n } from '../../lib/i18n';
import { periodPresets, presetOf, shownDay, typedDay, vietnamToday } from '../../lib/statsPeriods';
import type { DashboardFilters } from './filters';
import { ProvinceSelect } from '../../ui/ProvinceSelect';

const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

/** The intervals the server accepts for a period of this length: days up to 62 days, weeks up to 184. */
function intervalsFor(from: string, to: string) {
  const days = daysBetween(from, to);
  return STATS_INTERVALS.filter((i) => (i === 'day' ? days <= 62 : i === 'week' ? days <= 184 : true));
}

/**
 * The dashboard's filters, with a one-line summary. A preset or a select applies at once; typed dates
 * apply with the button.
 * `shown` is the period the server answered for, so the date fields show it even for the default.
 */
export function FiltersForm({
  filters,
  shown,
  provinces,
  units,
  onChange,
}: {
  filters: DashboardFilters;
  shown: { from: string; to: string };
  /** Null for a province coordinator: their province is fixed. */
  provinces: Province[] | null;
  /** The units of the scope's province (or all, for the nation). */
  units: UnitSummary[];
  onChange: (next: DashboardFilters) => void;
}) {
  const { t, lang } = useI18n();
  const today = vietnamToday();
  const presets = periodPresets(today);
  const [typed, setTyped] = useState({ from: shownDay(shown.from), to: shownDay(shown.to) });
  const [errors, setErrors] = useState<FieldError[]>([]);
  // Open at a desk; on a phone folded to one line, so the figures come first.
  const [open, setOpen] = useState(() => window.matchMedia('(min-width: 48rem)').matches);
  useEffect(() => setTyped({ from: shownDay(shown.from), to: shownDay(shown.to) }), [shown.from, shown.to]);

  const preset = presetOf(presets, filters.from, filters.to);
  const set = (next: Partial<DashboardFilters>) => onChange({ ...filters, ...next });
  const choosePreset = (id: string) => {
    const chosen = presets.find((p) => p.id === id);
    if (chosen) set({ from: chosen.from, to: chosen.to, interval: undefined });
  };
  function applyDates(event: FormEvent) {
    event.preventDefault();
    const from = typedDay(typed.from);
    const to = typedDay(typed.to);
    const bad: FieldError[] = [];
    if (!from) bad.push({ field: 'from', message: t('ui.stats.bad_date', { field: t('field.from') }) });
    if (!to) bad.push({ field: 'to', message: t('ui.stats.bad_date', { field: t('field.to') }) });
    if (from && to) {
      const checked = staffStatsQuerySchema.safeParse({ from, to });
      if (!checked.success) bad.push(...fieldErrors(lang, checked.error.issues));
    }
    setErrors(bad);
    if (from && to && bad.length === 0)
      set({
        from,
        to,
        interval: filters.interval && intervalsFor(from, to).includes(filters.interval) ? filters.interval : undefined,
      });
  }
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const unitChoices = units.filter((u) => !filters.force || u.force === filters.force);

  const periodText =
    preset === 'custom'
      ? t('ui.stats.period.range', { from: typed.from, to: typed.to })
      : t(presets.find((p) => p.id === preset)?.label ?? 'ui.stats.period.custom', {
          year: presets.find((p) => p.id === preset)?.year ?? '',
        });
  const summary = [
    periodText,
    provinces && (provinces.find((p) => p.code === filters.province)?.name ?? t('ui.stats.whole_country')),
    filters.force && t(`force.${filters.force}`),
    filters.unit && units.find((u) => u.id === filters.unit)?.name,
  ].filter(Boolean);

  return (
    <details className="panel stats-filters" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <strong>{t('ui.dashboard.filters')}</strong>: {summary.join(' · ')}
      </summary>
      <form onSubmit={applyDates} noValidate>
        <div className="stats-filters__row">
          <div className="field">
            <label htmlFor="period">{t('field.period')}</label>
            <select id="period" value={preset} onChange={(e) => choosePreset(e.target.value)}>
              {presets.map((p) => (
                <option key={p.id} value={p.id}>
                  {t(p.label, { year: p.year ?? '' })}
                </option>
              ))}
              <option value="custom" disabled>
                {t('ui.stats.period.custom')}
              </option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="from">{t('field.from')}</label>
            <input
              id="from"
              value={typed.from}
              inputMode="numeric"
              placeholder="dd/mm/yyyy"
              aria-invalid={!!errorOf('from')}
              onChange={(e) => setTyped({ ...typed, from: e.target.value })}
            />
            {errorOf('from') && <p className="field__error">{errorOf('from')}</p>}
          </div>
          <div className="field">
            <label htmlFor="to">{t('field.to')}</label>
            <input
              id="to"
              value={typed.to}
              inputMode="numeric"
              placeholder="dd/mm/yyyy"
              aria-invalid={!!errorOf('to')}
              onChange={(e) => setTyped({ ...typed, to: e.target.value })}
            />
            {errorOf('to') && <p className="field__error">{errorOf('to')}</p>}
          </div>
          <div className="stats-filters__apply">
            <button type="submit" className="button button--secondary">
              {t('ui.stats.apply')}
            </button>
          </div>
        </div>
        <div className="stats-filters__row">
          {provinces && (
            <ProvinceSelect
              id="province"
              value={filters.province}
              provinces={provinces}
              onChange={(province) => set({ province, unit: undefined })}
            />
          )}
          <div className="field">
            <label htmlFor="force">{t('field.force')}</label>
            <select
              id="force"
              value={filters.force ?? ''}
              onChange={(e) =>
                set({ force: (e.target.value || undefined) as DashboardFilters['force'], unit: undefined })
              }
            >
              <option value="">{t('ui.dashboard.all_forces')}</option>
              {FORCES.map((f) => (
                <option key={f} value={f}>
                  {t(`force.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="unit">{t('field.unit')}</label>
            <select id="unit" value={filters.unit ?? ''} onChange={(e) => set({ unit: e.target.value || undefined })}>
              <option value="">{t('ui.dashboard.all_units')}</option>
              {unitChoices.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="interval">{t('field.interval')}</label>
            <select
              id="interval"
              value={filters.interval ?? ''}
              onChange={(e) => set({ interval: (e.target.value || undefined) as DashboardFilters['interval'] })}
            >
              <option value="">{t('ui.dashboard.interval_auto')}</option>
              {intervalsFor(shown.from, shown.to).map((i) => (
                <option key={i} value={i}>
                  {t(`ui.dashboard.interval.${i}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>
    </details>
  );
}
