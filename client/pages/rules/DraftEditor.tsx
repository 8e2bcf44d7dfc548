import { useState } from 'react';
import type { RuleSetDetail, RuleView, ValidationSummary } from '../../../shared/api/rules';
import { CATEGORIES } from '../../../shared/domain/categories';
import { FORCES, type Force } from '../../../shared/domain/forces';
import { PLACE_TYPES } from '../../../shared/domain/place-types';
import type { RuleInput } from '../../../shared/schemas/rules';
import { ApiError } from '../../lib/api';
import { typedToIso } from '../../lib/datetime';
import { useT } from '../../lib/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { refusalReport, ValidationReport } from '../../ui/ValidationReport';
import { discardDraft, publishDraft, saveDraft, validateDraft } from './rules.api';

const toInput = ({ key: _key, communeName: _name, ...rule }: RuleView): RuleInput => rule;
const blankRule = (): RuleInput => ({ placeType: 'market', category: '*', lead: 'market', coordinating: [] });

/** The rules of a draft as an editable table; validate, publish from a time, or discard. */
export function DraftEditor({ draft, onChanged }: { draft: RuleSetDetail; onChanged: (published: boolean) => void }) {
  const t = useT();
  const [rules, setRules] = useState<RuleInput[]>(() => draft.rules.map(toInput));
  const [report, setReport] = useState<ValidationSummary | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const isProvince = draft.scope === 'province';

  const update = (i: number, change: Partial<RuleInput>) => {
    setRules((list) => list.map((r, k) => (k === i ? { ...r, ...change } : r)));
    setReport(null);
    setSaved(false);
  };
  const fieldError = (i: number) =>
    failure instanceof ApiError ? failure.fields.find((f) => f.field.startsWith(`rules.${i}.`))?.message : undefined;

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (err) {
      const refused = refusalReport(err);
      if (refused) setReport(refused);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  }
  const cleaned = () => rules.map((r) => ({ ...r, communeCode: r.communeCode?.trim() || undefined }));
  const save = () =>
    run(async () => {
      await saveDraft(draft.id, cleaned());
      setSaved(true);
    });
  const validate = () =>
    run(async () => {
      await saveDraft(draft.id, cleaned());
      setReport(await validateDraft(draft.id));
    });
  const publish = () =>
    run(async () => {
      await saveDraft(draft.id, cleaned());
      setReport(null);
      await publishDraft(draft.id, typedToIso(effectiveFrom, new Date(), { ahead: true }));
      onChanged(true);
    });
  const discard = () =>
    run(async () => {
      await discardDraft(draft.id);
      onChanged(false);
    });

  return (
    <section className="panel" aria-labelledby="draft-title">
      <h2 id="draft-title">{t('ui.rules.draft_title', { label: draft.label })}</h2>
      <p className="hint">{t(isProvince ? 'ui.rules.draft_hint_province' : 'ui.rules.draft_hint_national')}</p>
      <div
        className="table-scroll"
        role="region"
        aria-label={t('ui.rules.draft_title', { label: draft.label })}
        tabIndex={0}
      >
        <table className="data-table rules-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              {isProvince && <th scope="col">{t('ui.rules.col.commune')}</th>}
              <th scope="col">{t('field.category')}</th>
              <th scope="col">{t('field.placeType')}</th>
              <th scope="col">{t('ui.rules.col.lead')}</th>
              <th scope="col">{t('ui.rules.col.coordinating')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('ui.accounts.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule, i) => {
              const n = i + 1;
              return (
                <tr key={i}>
                  <th scope="row">{n}</th>
                  {isProvince && (
                    <td>
                      <input
                        aria-label={t('ui.rules.commune_of', { n })}
                        value={rule.communeCode ?? ''}
                        placeholder={t('ui.rules.whole_province')}
                        inputMode="numeric"
                        size={8}
                        onChange={(e) => update(i, { communeCode: e.target.value })}
                      />
                      {fieldError(i) && <p className="field__error">{fieldError(i)}</p>}
                    </td>
                  )}
                  <td>
                    <select
                      aria-label={t('ui.rules.category_of', { n })}
                      value={rule.category}
                      onChange={(e) => update(i, { category: e.target.value as RuleInput['category'] })}
                    >
                      <option value="*">{t('ui.rules.any')}</option>
                      {CATEGORIES.map((c) => (
                        <option key={c} value={c}>
                          {t(`category.${c}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={t('ui.rules.place_type_of', { n })}
                      value={rule.placeType}
                      onChange={(e) => update(i, { placeType: e.target.value as RuleInput['placeType'] })}
                    >
                      <option value="*">{t('ui.rules.any')}</option>
                      {PLACE_TYPES.map((p) => (
                        <option key={p} value={p}>
                          {t(`place_type.${p}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={t('ui.rules.lead_of', { n })}
                      value={rule.lead}
                      onChange={(e) => update(i, { lead: e.target.value as Force })}
                    >
                      {FORCES.map((f) => (
                        <option key={f} value={f}>
                          {t(`force.${f}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <fieldset className="rules-table__forces">
                      <legend className="visually-hidden">{t('ui.rules.coordinating_of', { n })}</legend>
                      {FORCES.filter((f) => f !== rule.lead).map((f) => (
                        <label key={f} className="check check--inline">
                          <input
                            type="checkbox"
                            checked={rule.coordinating.includes(f)}
                            onChange={(e) =>
                              update(i, {
                                coordinating: e.target.checked
                                  ? [...rule.coordinating, f]
                                  : rule.coordinating.filter((x) => x !== f),
                              })
                            }
                          />
                          {t(`force.${f}`)}
                        </label>
                      ))}
                    </fieldset>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        setRules((list) => list.filter((_, k) => k !== i));
                        setReport(null);
                      }}
                    >
                      {t('ui.rules.remove', { n })}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rules.length === 0 && <p className="muted">{t('ui.rules.no_rules')}</p>}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setRules((list) => [...list, blankRule()]);
            setReport(null);
          }}
        >
          {t('ui.rules.add')}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void save()}>
          {t('ui.rules.save')}
        </button>
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void validate()}>
          {t('ui.rules.validate')}
        </button>
      </div>
      {saved && <p role="status">{t('ui.rules.saved')}</p>}
      {failure !== null && <ErrorNotice error={failure} />}
      {report && <ValidationReport report={report} />}
      <div className="publish-row">
        <div className="field">
          <label htmlFor="effective-from">{t('field.effectiveFrom')}</label>
          <input
            id="effective-from"
            value={effectiveFrom}
            placeholder="HH:mm dd/mm/yyyy"
            aria-describedby="effective-from-hint"
            onChange={(e) => setEffectiveFrom(e.target.value)}
          />
          <p className="field__hint" id="effective-from-hint">
            {t('ui.rules.effective_hint')}
          </p>
        </div>
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void publish()}>
            {t('ui.rules.publish')}
          </button>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void discard()}>
            {t('ui.rules.discard')}
          </button>
        </div>
      </div>
    </section>
  );
}
