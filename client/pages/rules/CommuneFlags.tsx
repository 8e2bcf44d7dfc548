import { useState } from 'react';
import type { CommuneFlagsView } from '../../../shared/api/rules';
import { useT } from '../../lib/i18n';
import { useCommunes } from '../../lib/places.api';
import { useDebounced } from '../../lib/useDebounced';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { type CommuneFlag, useSetCommuneFlag } from './rules.api';

const FLAGS = ['landBorder', 'coastal', 'remoteOrIsland'] as const satisfies readonly CommuneFlag[];

/** SPEC.md §4: coordinators keep the commune flags; a change counts for reports received from then on. */
export function CommuneFlags({ provinces }: { provinces: { code: string; name: string }[] }) {
  const t = useT();
  const [province, setProvince] = useState(provinces[0]?.code ?? '');
  const [query, setQuery] = useState('');
  // The public commune list may come from the browser's cache (max-age 300): the flags saved here win.
  const [savedFlags, setSavedFlags] = useState<Record<string, Pick<CommuneFlagsView, CommuneFlag>>>({});
  const [saved, setSaved] = useState('');
  const search = useDebounced(query, 250);
  const communes = useCommunes(province, search, { limit: 20, enabled: search.trim() !== '' });
  const setFlag = useSetCommuneFlag();

  function toggle(code: string, name: string, flag: CommuneFlag, value: boolean) {
    setSaved('');
    setFlag.mutate(
      { code, flag, value },
      {
        onSuccess: (updated) => {
          setSavedFlags((all) => ({ ...all, [code]: updated }));
          setSaved(t('ui.flags.saved', { commune: name }));
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="flags-title">
      <h2 id="flags-title">{t('ui.flags.title')}</h2>
      <p className="hint">{t('ui.flags.intro')}</p>
      <Field name="flags-province" label={t('ui.reference.province_label')}>
        {(control) => (
          <select {...control} value={province} onChange={(e) => setProvince(e.target.value)}>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="flags-query" label={t('ui.reference.query_label')}>
        {(control) => (
          <input {...control} value={query} onChange={(e) => setQuery(e.target.value)} placeholder="trung khanh" />
        )}
      </Field>
      {saved && <p role="status">{saved}</p>}
      {setFlag.isError && <ErrorNotice error={setFlag.error} />}
      {communes.isError && <ErrorNotice error={communes.error} onRetry={() => void communes.refetch()} />}
      {communes.data && search.trim() !== '' && (
        <ul className="plain-list flag-list">
          {communes.data.communes
            .map((listed) => ({ ...listed, ...savedFlags[listed.code] }))
            .map((c) => (
              <li key={c.code}>
                <strong>{c.name}</strong> <span className="muted">({c.code})</span>
                <div className="flag-list__checks">
                  {FLAGS.map((flag) => (
                    <label key={flag} className="check check--inline">
                      <input
                        type="checkbox"
                        checked={c[flag]}
                        aria-label={`${t(`field.${flag}`)} — ${c.name}`}
                        onChange={(e) => toggle(c.code, c.name, flag, e.target.checked)}
                      />
                      {t(`field.${flag}`)}
                    </label>
                  ))}
                </div>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
