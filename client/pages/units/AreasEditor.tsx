import { PLACE_TYPES, type PlaceType } from '../../../shared/domain/place-types';
import { useT } from '../../lib/i18n';

export interface AreaRow {
  provinceCode: string;
  communeCode: string;
  placeTypes: PlaceType[];
}

/** What a unit covers, one row per area: a commune (or the whole province), all place types unless some are ticked. */
export function AreasEditor({
  areas,
  onChange,
  errorOf,
}: {
  areas: AreaRow[];
  onChange: (areas: AreaRow[]) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const t = useT();
  const set = (i: number, change: Partial<AreaRow>) =>
    onChange(areas.map((a, k) => (k === i ? { ...a, ...change } : a)));
  return (
    <fieldset className="areas">
      <legend>{t('field.areas')}</legend>
      {areas.map((area, i) => {
        const n = i + 1;
        return (
          <div key={i} className="areas__row">
            <div className="field">
              <label htmlFor={`area-province-${i}`}>{t('ui.units.area_province', { n })}</label>
              <input
                id={`area-province-${i}`}
                value={area.provinceCode}
                size={3}
                inputMode="numeric"
                onChange={(e) => set(i, { provinceCode: e.target.value.trim() })}
              />
              {errorOf(`areas.${i}.provinceCode`) && (
                <p className="field__error">{errorOf(`areas.${i}.provinceCode`)}</p>
              )}
            </div>
            <div className="field">
              <label htmlFor={`area-commune-${i}`}>{t('ui.units.area_commune', { n })}</label>
              <input
                id={`area-commune-${i}`}
                value={area.communeCode}
                size={7}
                inputMode="numeric"
                placeholder={t('ui.rules.whole_province')}
                onChange={(e) => set(i, { communeCode: e.target.value.trim() })}
              />
              {errorOf(`areas.${i}.communeCode`) && <p className="field__error">{errorOf(`areas.${i}.communeCode`)}</p>}
            </div>
            <fieldset className="areas__types">
              <legend>{t('ui.units.area_types', { n })}</legend>
              {PLACE_TYPES.map((p) => (
                <label key={p} className="check check--inline">
                  <input
                    type="checkbox"
                    checked={area.placeTypes.includes(p)}
                    onChange={(e) =>
                      set(i, {
                        placeTypes: e.target.checked ? [...area.placeTypes, p] : area.placeTypes.filter((x) => x !== p),
                      })
                    }
                  />
                  {t(`place_type.${p}`)}
                </label>
              ))}
            </fieldset>
            <button type="button" className="link-button" onClick={() => onChange(areas.filter((_, k) => k !== i))}>
              {t('ui.units.area_remove', { n })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          onChange([...areas, { provinceCode: areas[0]?.provinceCode ?? '', communeCode: '', placeTypes: [] }])
        }
      >
        {t('ui.units.area_add')}
      </button>
    </fieldset>
  );
}

export const toAreas = (rows: AreaRow[]) =>
  rows.map((a) => ({
    provinceCode: a.provinceCode,
    communeCode: a.communeCode || null,
    placeTypes: a.placeTypes.length > 0 ? a.placeTypes : null,
  }));
