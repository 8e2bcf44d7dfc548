import { useState } from 'react';
import type { RuleSetSummary } from '../../../shared/api/rules';
import { formatDateTime } from '../../../shared/i18n/format';
import { useT } from '../../lib/i18n';
import { useStaffSession } from '../../lib/staffSession';
import { useProvinces } from '../../lib/places.api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { CommuneFlags } from './CommuneFlags';
import { DraftEditor } from './DraftEditor';
import { RuleTable } from './RuleTable';
import { useCreateDraft, useRuleSet, useRuleSets } from './rules.api';

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
  const [notice, setNotice] = useState('');
  const canEdit = user?.role === 'coordinator' && (user.scopeProvinceCode === null || user.scopeProvinceCode === scope);

  const provinces = useProvinces();
  const history = useRuleSets(scope);
  const sets = history.data?.ruleSets;
  const shownId = selected ?? (sets?.find((s) => s.status === 'draft') ?? sets?.find((s) => s.inEffect))?.id;
  const detail = useRuleSet(shownId);
  const hasDraft = sets?.some((s) => s.status === 'draft') ?? false;
  const create = useCreateDraft();

  const scopes = provinces.data
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

  const startDraft = () => create.mutate(scope, { onSuccess: (draft) => setSelected(draft.id) });

  return (
    <div className="container container--wide">
      <h1>{t('ui.rules.title')}</h1>
      <p className="lead">{t('ui.rules.intro')}</p>
      <Field name="rules-scope" label={t('field.province')}>
        {(control) => (
          <select
            {...control}
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
        )}
      </Field>
      {notice && (
        <div className="notice" role="status">
          <p>{notice}</p>
        </div>
      )}
      {create.isError && <ErrorNotice error={create.error} />}
      <h2>{t('ui.rules.history')}</h2>
      {history.isPending && <PageLoading />}
      {history.isError && <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />}
      {sets &&
        (sets.length === 0 ? (
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
                {sets.map((s) => (
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
      {canEdit && sets && !hasDraft && (
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={create.isPending} onClick={startDraft}>
            {t('ui.rules.new_draft')}
          </button>
        </div>
      )}
      {detail.isError && <ErrorNotice error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data &&
        (detail.data.status === 'draft' && canEdit ? (
          <DraftEditor
            key={detail.data.id}
            draft={detail.data}
            onChanged={(published, label) => {
              setSelected(null);
              setNotice(published ? t('ui.rules.published', { label }) : t('ui.rules.discarded'));
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
