import { useId } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import type { Province } from '../../../shared/api/places';
import { provinceParamsSchema } from '../../../shared/schemas/places';
import { schemaResolver } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { Field } from '../../ui/Field';
import { CommuneResults } from './CommuneResults';

type SearchForm = { provinceCode: string; q: string };

/** The search lives in the URL (?province=04&q=…), so results survive a reload and Back works. */
export function CommuneSearch({ provinces }: { provinces: Province[] }) {
  const t = useT();
  const id = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const provinceCode = searchParams.get('province') ?? '';
  const q = searchParams.get('q') ?? '';
  // `values`: the form follows the URL (Back, a link) without an effect copying it over.
  // The server's check on the province (its path parameter). The text needs none here: the input holds at most
  // 100 characters, all the server takes. (Not `communeQuerySchema`: its `z.coerce` would ride along to the
  // citizen pages, which share zod's chunk.)
  const form = useForm<SearchForm>({ values: { provinceCode, q }, resolver: schemaResolver(provinceParamsSchema) });

  const search = form.handleSubmit((draft) => {
    const next = new URLSearchParams({ province: draft.provinceCode });
    if (draft.q.trim()) next.set('q', draft.q.trim());
    setSearchParams(next, { preventScrollReset: true });
  });

  return (
    <>
      <FormProvider {...form}>
        <form className="search-form" onSubmit={(e) => void search(e)}>
          <Field name="provinceCode" id={`${id}-province`} label={t('ui.reference.province_label')}>
            {(control) => (
              <select {...control} {...form.register('provinceCode')} required>
                <option value="" disabled>
                  {t('ui.reference.choose_province')}
                </option>
                {provinces.map((p) => (
                  <option key={p.code} value={p.code} lang="vi">
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="q" id={`${id}-q`} label={t('ui.reference.query_label')} hint={t('ui.reference.query_hint')}>
            {(control) => (
              <input {...control} {...form.register('q')} type="search" maxLength={100} autoComplete="off" />
            )}
          </Field>
          <div className="search-form__actions">
            <button type="submit" className="button button--primary">
              {t('ui.reference.search_button')}
            </button>
          </div>
        </form>
      </FormProvider>
      <CommuneResults province={provinces.find((p) => p.code === provinceCode)} q={q} />
    </>
  );
}
