import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { z } from 'zod';
import type { Province } from '../../../shared/api/places';
import type { UnitSummary } from '../../../shared/api/units';
import { FORCES } from '../../../shared/domain/forces';
import { STATS_INTERVALS, staffStatsQuerySchema } from '../../../shared/schemas/stats';
import { schemaResolver } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { periodPresets, presetOf, shownDay, typedDay, vietnamToday } from '../../lib/statsPeriods';
import { Field } from '../../ui/Field';
import { ProvinceSelect } from '../../ui/ProvinceSelect';
import type { DashboardFilters } from './filters';

/** A day typed the Vietnamese way (`1/7/2026`), then the server's own check of the day it stands for. */
const typedDaySchema = z
  .string()
  .refine((typed) => typedDay(typed) !== null, { params: { key: 'ui.stats.bad_date' }, abort: true })
  .transform((typed) => typedDay(typed) ?? '')
  .pipe(staffStatsQuerySchema.shape.from.unwrap());
const periodSchema = z.object({ from: typedDaySchema, to: typedDaySchema });
type TypedPeriod = { from: string; to: string };

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
  /** The units of the scope's province (or all, for the nation); issue #18: a unit lead's or a commune's, from its figures. */
  units: { id: UnitSummary['id']; name: string; force: string }[];
  onChange: (next: DashboardFilters) => void;
}) {
  const t = useT();
  const today = vietnamToday();
  const presets = periodPresets(today);
  // `values`: the date fields follow the period the server answered for, without an effect copying it over.
  const form = useForm<TypedPeriod>({
    values: { from: shownDay(shown.from), to: shownDay(shown.to) },
    resolver: schemaResolver(periodSchema),
  });
  // Open at a desk; on a phone folded to one line, so the figures come first.
  const [open, setOpen] = useState(() => window.matchMedia('(min-width: 48rem)').matches);

  const preset = presetOf(presets, filters.from, filters.to);
  const set = (next: Partial<DashboardFilters>) => onChange({ ...filters, ...next });
  const choosePreset = (id: string) => {
    const chosen = presets.find((p) => p.id === id);
    if (chosen) set({ from: chosen.from, to: chosen.to, interval: undefined });
  };
  const applyDates = form.handleSubmit((values) => {
    const from = typedDay(values.from);
    const to = typedDay(values.to);
    if (!from || !to) return;
    set({
      from,
      to,
      interval: filters.interval && intervalsFor(from, to).includes(filters.interval) ? filters.interval : undefined,
    });
  });
  const unitChoices = units.filter((u) => !filters.force || u.force === filters.force);

  const periodText =
    preset === 'custom'
      ? t('ui.stats.period.range', { from: shownDay(shown.from), to: shownDay(shown.to) })
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
      <FormProvider {...form}>
        <form onSubmit={(e) => void applyDates(e)} noValidate>
          <div className="stats-filters__row">
            <Field name="period" label={t('field.period')}>
              {(control) => (
                <select {...control} value={preset} onChange={(e) => choosePreset(e.target.value)}>
                  {presets.map((p) => (
                    <option key={p.id} value={p.id}>
                      {t(p.label, { year: p.year ?? '' })}
                    </option>
                  ))}
                  <option value="custom" disabled>
                    {t('ui.stats.period.custom')}
                  </option>
                </select>
              )}
            </Field>
            <Field name="from" label={t('field.from')}>
              {(control) => (
                <input {...control} {...form.register('from')} inputMode="numeric" placeholder="dd/mm/yyyy" />
              )}
            </Field>
            <Field name="to" label={t('field.to')}>
              {(control) => (
                <input {...control} {...form.register('to')} inputMode="numeric" placeholder="dd/mm/yyyy" />
              )}
            </Field>
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
            <Field name="force" label={t('field.force')}>
              {(control) => (
                <select
                  {...control}
                  value={filters.force ?? ''}
                  onChange={(e) => set({ force: FORCES.find((f) => f === e.target.value), unit: undefined })}
                >
                  <option value="">{t('ui.dashboard.all_forces')}</option>
                  {FORCES.map((f) => (
                    <option key={f} value={f}>
                      {t(`force.${f}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="unit" label={t('field.unit')}>
              {(control) => (
                <select
                  {...control}
                  value={filters.unit ?? ''}
                  onChange={(e) => set({ unit: e.target.value || undefined })}
                >
                  <option value="">{t('ui.dashboard.all_units')}</option>
                  {unitChoices.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="interval" label={t('field.interval')}>
              {(control) => (
                <select
                  {...control}
                  value={filters.interval ?? ''}
                  onChange={(e) => set({ interval: STATS_INTERVALS.find((i) => i === e.target.value) })}
                >
                  <option value="">{t('ui.dashboard.interval_auto')}</option>
                  {intervalsFor(shown.from, shown.to).map((i) => (
                    <option key={i} value={i}>
                      {t(`ui.dashboard.interval.${i}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </form>
      </FormProvider>
    </details>
  );
}
