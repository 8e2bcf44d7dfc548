import { useState } from 'react';
import type { CommunesResponse } from '../../../shared/api/places';
import type { CommuneFlagsView } from '../../../shared/api/rules';
import { apiRequest } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useApiQuery } from '../../lib/useApiQuery';
import { useDebounced } from '../../lib/useDebounced';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { setCommuneFlags } from './rules.api';

const FLAGS = ['landBorder', 'coastal', 'remoteOrIsland'] as const;
type Flag = (typeof FLAGS)[number];

/** SPEC.md §4: coordinators keep the commune flags; a change counts for reports received from then on. */
export function CommuneFlags({ provinces }: { provinces: { code: string; name: string }[] }) {
  const t = useT();
  const [province, setProvince] = useState(provinces[0]?.code ?? '');
  const [query, setQuery] = useState('');
  // The public commune list may come from the browser's cache (max-age 300): the flags saved here win.
  const [savedFlags, setSavedFlags] = useState<Record<string, Pick<CommuneFlagsView, Flag>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const search = useDebounced(query, 250);
  const communes = useApiQuery(
    search.trim()
      ? (signal) =>
          apiRequest<CommunesResponse>(`/api/public/provinces/${province}/communes`, {
            query: { q: search, limit: 20 },
            signal,
          })
      : null,
    [province, search],
  );

  async function toggle(code: string, name: string, flag: Flag, value: boolean) {
    setFailure(null);
    setSaved('');
    try {
      const updated = await setCommuneFlags(code, { [flag]: value });
      setSavedFlags((all) => ({ ...all, [code]: updated }));
      setSaved(t('ui.flags.saved', { commune: name }));
    } catch (err) {
      setFailure(err);
    }
  }

  return (
    <section className="panel" aria-labelledby="flags-title">
      <h2 id="flags-title">{t('ui.flags.title')}</h2>
      <p className="hint">{t('ui.flags.intro')}</p>
      <div className="field">
        <label htmlFor="flags-province">{t('ui.reference.province_label')}</label>
        <select id="flags-province" value={province} onChange={(e) => setProvince(e.target.value)}>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="flags-query">{t('ui.reference.query_label')}</label>
        <input id="flags-query" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="trung khanh" />
      </div>
      {saved && <p role="status">{saved}</p>}
      {failure !== null && <ErrorNotice error={failure} />}
      {communes.status === 'error' && <ErrorNotice error={communes.error} onRetry={communes.retry} />}
      {communes.status === 'success' && (
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
                        onChange={(e) => void toggle(c.code, c.name, flag, e.target.checked)}
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
