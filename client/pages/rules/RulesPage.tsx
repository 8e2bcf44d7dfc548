import { useState } from 'react';
import type { ProvincesResponse } from '../../../shared/api/places';
import type { RuleSetSummary } from '../../../shared/api/rules';
import { formatDateTime } from '../../../shared/i18n/format';
import { apiRequest } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useStaffSession } from '../../lib/staffSession';
import { useApiQuery } from '../../lib/useApiQuery';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { CommuneFlags } from './CommuneFlags';
import { DraftEditor } from './DraftEditor';
import { RuleTable } from './RuleTable';
import { createDraft, getRuleSet, listRuleSets } from './rules.api';

const when = (iso: string | null) => (iso ? formatDateTime(iso) : '—');

/**
 * Issue #7: a coordinator drafts their scope's rules, sees the validator's answer, publishes from a
 * time and reads the history. A province coordinator reads the national rules but edits only theirs.
 */
export function RulesPage() {
  const t = useT();
  useDocumentTitle(t('ui.rules.title'));
  const { state } = useStaffSession();
  const user = state.status === 'signed_in' ? state.session.user : null;
  const ownScope = user?.scopeProvinceCode ?? 'national';
  const [scope, setScope] = useState(ownScope);
  const [selected, setSelected] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const canEdit = user?.role === 'coordinator' && (user.scopeProvinceCode === null || user.scopeProvinceCode === scope);

  const provinces = useApiQuery((signal) => apiRequest<ProvincesResponse>('/api/public/provinces', { signal }), []);
  const history = useApiQuery((signal) => listRuleSets(scope, signal), [scope, version]);
  const shownId =
    selected ??
    (history.status === 'success'
      ? (history.data.ruleSets.find((s) => s.status === 'draft') ?? history.data.ruleSets.find((s) => s.inEffect))?.id
      : undefined);
  const detail = useApiQuery(shownId ? (signal) => getRuleSet(shownId, signal) : null, [shownId, version]);
  const hasDraft = history.status === 'success' && history.data.ruleSets.some((s) => s.status === 'draft');

  const scopes =
    provinces.status === 'success'
      ? [
          { code: 'national', name: t('ui.rules.national') },
          ...provinces.data.provinces.filter(
            (p) => user?.scopeProvinceCode === null || p.code === user?.scopeProvinceCode,
          ),
        ]
      : [];
  const statusOf = (s: RuleSetSummary) =>
    s.status === 'draft'
      ? t('ui.rules.status_draft')
      : s.inEffect
        ? t('ui.rules.status_in_effect')
        : t('ui.rules.status_published');

  async function startDraft() {
    setFailure(null);
    try {
      const draft = await createDraft(scope);
      setSelected(draft.id);
      setVersion((n) => n + 1);
    } catch (err) {
      setFailure(err);
    }
  }

  return (
    <div className="container container--wide">
      <h1>{t('ui.rules.title')}</h1>
      <p className="lead">{t('ui.rules.intro')}</p>
      <div className="field">
        <label htmlFor="rules-scope">{t('field.province')}</label>
        <select
          id="rules-scope"
          value={scope}
          onChange={(e) => {
            setScope(e.target.value);
            setSelected(null);
            setNotice('');
          }}
        >
          {scopes.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {notice && (
        <div className="notice" role="status">
          <p>{notice}</p>
        </div>
      )}
      {failure !== null && <ErrorNotice error={failure} />}
      <h2>{t('ui.rules.history')}</h2>
      {history.status === 'loading' && <PageLoading />}
      {history.status === 'error' && <ErrorNotice error={history.error} onRetry={history.retry} />}
      {history.status === 'success' &&
        (history.data.ruleSets.length === 0 ? (
          <p className="muted">{t('ui.rules.no_versions')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-label={t('ui.rules.history')} tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('ui.rules.col.version')}</th>
                  <th scope="col">{t('field.status')}</th>
                  <th scope="col">{t('ui.rules.col.from')}</th>
                  <th scope="col">{t('ui.rules.col.to')}</th>
                  <th scope="col">{t('ui.rules.col.published')}</th>
                  <th scope="col">{t('ui.rules.col.rules')}</th>
                  <th scope="col">{t('ui.rules.col.note')}</th>
                </tr>
              </thead>
              <tbody>
                {history.data.ruleSets.map((s) => (
                  <tr
                    key={s.id}
                    aria-current={s.id === shownId ? 'true' : undefined}
                    className={s.inEffect ? 'row--current' : undefined}
                  >
                    <th scope="row">
                      <button type="button" className="link-button" onClick={() => setSelected(s.id)}>
                        {s.label}
                      </button>
                    </th>
                    <td>{statusOf(s)}</td>
                    <td>{when(s.effectiveFrom)}</td>
                    <td>{when(s.effectiveTo)}</td>
                    <td>
                      {s.publishedAt ? `${when(s.publishedAt)}${s.publishedBy ? ` · ${s.publishedBy}` : ''}` : '—'}
                    </td>
                    <td>{s.ruleCount}</td>
                    <td>{s.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {canEdit && history.status === 'success' && !hasDraft && (
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => void startDraft()}>
            {t('ui.rules.new_draft')}
          </button>
        </div>
      )}
      {detail.status === 'error' && <ErrorNotice error={detail.error} onRetry={detail.retry} />}
      {detail.status === 'success' &&
        (detail.data.status === 'draft' && canEdit ? (
          <DraftEditor
            key={`${detail.data.id}-${version}`}
            draft={detail.data}
            onChanged={(published) => {
              setSelected(null);
              setNotice(published ? t('ui.rules.published', { label: detail.data.label }) : t('ui.rules.discarded'));
              setVersion((n) => n + 1);
            }}
          />
        ) : (
          <RuleTable ruleSet={detail.data} />
        ))}
      {user?.role === 'coordinator' && scopes.length > 0 && (
        <CommuneFlags provinces={scopes.filter((s) => s.code !== 'national')} />
      )}
    </div>
  );
}
