import { useFieldArray, useFormContext } from 'react-hook-form';
import { PLACE_TYPES, type PlaceType } from '../../../shared/domain/place-types';
import { useT } from '../../lib/i18n';
import { Field } from '../../ui/Field';

export interface AreaRow {
  provinceCode: string;
  communeCode: string;
  placeTypes: PlaceType[];
}

/** The field names of the areas' inputs, where the server's `fields[]` (`areas.0.communeCode`) are shown. */
export const areaFieldNames = (areas: AreaRow[]) =>
  areas.flatMap((_, i) => [`areas.${i}.provinceCode`, `areas.${i}.communeCode`, `areas.${i}.placeTypes`] as const);

/**
 * What a unit covers, one row per area: a commune (or the whole province), all place types unless some are ticked.
 * The rows are the `areas` of the form around it (`FormProvider`), so their errors are the form's.
 */
/** `idPrefix`: the units page shows two editors at once (the selected unit's and a new unit's); ids must differ. */
export function AreasEditor({ idPrefix }: { idPrefix: string }) {
  const t = useT();
  const { control, register, getValues, formState } = useFormContext<{ areas: AreaRow[] }>();
  const { fields, append, remove } = useFieldArray({ control, name: 'areas' });
  const whole = formState.errors.areas?.root?.message ?? formState.errors.areas?.message;
  return (
    <fieldset className="areas">
      <legend>{t('field.areas')}</legend>
      {whole && <p className="field__error">{whole}</p>}
      {fields.map((area, i) => {
        const n = i + 1;
        return (
          <div key={area.id} className="areas__row">
            <Field
              name={`areas.${i}.provinceCode`}
              id={`${idPrefix}-area-province-${i}`}
              label={t('ui.units.area_province', { n })}
            >
              {(ids) => <input {...ids} {...register(`areas.${i}.provinceCode`)} size={3} inputMode="numeric" />}
            </Field>
            <Field
              name={`areas.${i}.communeCode`}
              id={`${idPrefix}-area-commune-${i}`}
              label={t('ui.units.area_commune', { n })}
            >
              {(ids) => (
                <input
                  {...ids}
                  {...register(`areas.${i}.communeCode`)}
                  size={7}
                  inputMode="numeric"
                  placeholder={t('ui.rules.whole_province')}
                />
              )}
            </Field>
            <fieldset className="areas__types">
              <legend>{t('ui.units.area_types', { n })}</legend>
              {PLACE_TYPES.map((p) => (
                <label key={p} className="check check--inline">
                  <input type="checkbox" value={p} {...register(`areas.${i}.placeTypes`)} />
                  {t(`place_type.${p}`)}
                </label>
              ))}
            </fieldset>
            <button type="button" className="link-button" onClick={() => remove(i)}>
              {t('ui.units.area_remove', { n })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          append({ provinceCode: getValues('areas.0.provinceCode') ?? '', communeCode: '', placeTypes: [] })
        }
      >
        {t('ui.units.area_add')}
      </button>
    </fieldset>
  );
}

/** The rows as the API takes them: no commune is the whole province, no type ticked is every type. */
export const toAreas = (rows: AreaRow[]) =>
  rows.map((a) => ({
    provinceCode: a.provinceCode.trim(),
    communeCode: a.communeCode.trim() || null,
    // A lone ticked box can come back from the form as a value, not a list: read it as a list either way.
    placeTypes: Array.isArray(a.placeTypes) && a.placeTypes.length > 0 ? a.placeTypes : null,
  }));
