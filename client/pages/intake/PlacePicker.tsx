import { useMemo, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { foldForSearch } from '../../../shared/domain/text';
import { useT } from '../../lib/i18n';
import { useDebounced } from '../../lib/useDebounced';
import { SearchSelect, type SearchOption } from '../../ui/SearchSelect';
import type { IntakeValues } from './intake-form';
import { useCommunes, useProvinces } from '../../lib/places.api';

/**
 * The province, then its commune, each a combobox that searches as the operator types (the provinces in the
 * browser, the communes on the server). The codes are the form's; what is typed stays here.
 */
export function PlacePicker() {
  const t = useT();
  const { watch, setValue, clearErrors, formState } = useFormContext<IntakeValues>();
  const provinceCode = watch('provinceCode');
  const [provinceQuery, setProvinceQuery] = useState('');
  const [communeQuery, setCommuneQuery] = useState('');
  const [communeChoice, setCommuneChoice] = useState<SearchOption | null>(null);

  const provinces = useProvinces();
  const provinceOptions = useMemo(() => {
    const folded = foldForSearch(provinceQuery);
    return (provinces.data?.provinces ?? [])
      .filter((p) => foldForSearch(p.name).includes(folded))
      .map((p) => ({ value: p.code, label: p.name }));
  }, [provinces.data, provinceQuery]);
  const provinceChoice = provinceOptions.find((p) => p.value === provinceCode) ?? null;
  const searchedCommune = useDebounced(communeQuery, 150);
  const communes = useCommunes(provinceCode, searchedCommune, { limit: 12, enabled: communeChoice === null });
  const communeOptions = communes.data?.communes.map((c) => ({ value: c.code, label: c.name })) ?? [];

  return (
    <div className="intake-form__row">
      <SearchSelect
        id="provinceCode"
        label={t('ui.intake.province')}
        options={provinceOptions}
        query={provinceQuery}
        onQuery={setProvinceQuery}
        selected={provinceChoice}
        onSelect={(option) => {
          setValue('provinceCode', option?.value ?? '');
          setValue('communeCode', '');
          setCommuneQuery('');
          setCommuneChoice(null);
          clearErrors('provinceCode');
        }}
        placeholder={t('ui.report.commune_search')}
        error={formState.errors.provinceCode?.message}
      />
      <SearchSelect
        id="communeCode"
        label={t('ui.report.commune')}
        options={communeOptions}
        query={communeQuery}
        onQuery={setCommuneQuery}
        selected={communeChoice}
        // The list answers the text only once the pause passed and the search came back.
        current={searchedCommune === communeQuery && !communes.isFetching}
        onSelect={(option) => {
          setCommuneChoice(option);
          setValue('communeCode', option?.value ?? '');
          clearErrors('communeCode');
        }}
        placeholder={t('ui.report.commune_search')}
        disabled={!provinceCode}
        error={formState.errors.communeCode?.message}
      />
    </div>
  );
}
