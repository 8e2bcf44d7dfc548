import { useEffect, useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { Province } from '../../../shared/api/places';
import { useT } from '../../lib/i18n';
import { CommuneResults } from './CommuneResults';

/** The search lives in the URL (?province=04&q=…), so results survive a reload and Back works. */
export function CommuneSearch({ provinces }: { provinces: Province[] }) {
  const t = useT();
  const id = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const provinceCode = searchParams.get('province') ?? '';
  const q = searchParams.get('q') ?? '';
  const [draft, setDraft] = useState({ provinceCode, q });

  useEffect(() => setDraft({ provinceCode, q }), [provinceCode, q]);

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams({ province: draft.provinceCode });
    if (draft.q.trim()) next.set('q', draft.q.trim());
    setSearchParams(next, { preventScrollReset: true });
  }

  return (
    <>
      <form className="search-form" onSubmit={search}>
        <div className="field">
          <label htmlFor={`${id}-province`}>{t('ui.reference.province_label')}</label>
          <select
            id={`${id}-province`}
            value={draft.provinceCode}
            onChange={(e) => setDraft({ ...draft, provinceCode: e.target.value })}
            required
          >
            <option value="" disabled>
              {t('ui.reference.choose_province')}
            </option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code} lang="vi">
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('ui.reference.query_label')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            maxLength={100}
            autoComplete="off"
            aria-describedby={`${id}-q-hint`}
          />
          <p id={`${id}-q-hint`} className="field__hint">
            {t('ui.reference.query_hint')}
          </p>
        </div>
        <div className="search-form__actions">
          <button type="submit" className="button button--primary">
            {t('ui.reference.search_button')}
          </button>
        </div>
      </form>
      <CommuneResults province={provinces.find((p) => p.code === provinceCode)} q={q} />
    </>
  );
}
