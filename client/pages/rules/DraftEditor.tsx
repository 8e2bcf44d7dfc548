import { useState } from 'react';
import { FormProvider, useFieldArray, useForm, useFormContext } from 'react-hook-form';
import type { RuleSetDetail, RuleView, ValidationSummary } from '../../../shared/api/rules';
import { CATEGORIES } from '../../../shared/domain/categories';
import { FORCES } from '../../../shared/domain/forces';
import { PLACE_TYPES } from '../../../shared/domain/place-types';
import { draftRulesSchema, publishInputSchema, type RuleInput } from '../../../shared/schemas/rules';
import { typedToIso } from '../../lib/datetime';
import { applyServerErrors, schemaResolver } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { refusalReport, ValidationReport } from '../../ui/ValidationReport';
import { useDiscardDraft, usePublishDraft, useSaveDraft, useValidateDraft } from './rules.api';

/** A rule as its row holds it: the commune typed (empty: the whole province). */
type RuleRow = Omit<RuleInput, 'communeCode'> & { communeCode: string };
type DraftForm = { rules: RuleRow[]; effectiveFrom: string };

const toRow = ({ key: _key, communeName: _name, ...rule }: RuleView): RuleRow => ({
  ...rule,
  communeCode: rule.communeCode ?? '',
});
const blankRule = (): RuleRow => ({
  placeType: 'market',
  category: '*',
  lead: 'market',
  coordinating: [],
  communeCode: '',
});
const toRules = (rows: RuleRow[]): RuleInput[] =>
  rows.map(({ communeCode, ...rule }) => ({ ...rule, communeCode: communeCode.trim() || undefined }));
/** A typed time (`14:00 23/11/2026`) as the API takes it; empty is "now" (left out). */
const effectiveAt = (typed: string) => typedToIso(typed, new Date(), { ahead: true }) || undefined;

/** The server's checks on a draft's rules and on a publishing time, on the values as they will be sent. */
const draftResolver = schemaResolver(draftRulesSchema.extend(publishInputSchema.shape), (values: DraftForm) => ({
  rules: toRules(values.rules),
  effectiveFrom: effectiveAt(values.effectiveFrom),
}));
const RULE_FIELDS = ['communeCode', 'category', 'placeType', 'lead', 'coordinating'] as const;
/** The inputs the server's `fields[]` (`rules.3.communeCode`) can be shown at. */
const draftFieldNames = (rows: RuleRow[]) => [
  'effectiveFrom' as const,
  ...rows.flatMap((_, i) => RULE_FIELDS.map((field) => `rules.${i}.${field}` as const)),
];

/** The rules of a draft as an editable table; validate, publish from a time, or discard. */
export function DraftEditor({
  draft,
  onChanged,
}: {
  draft: RuleSetDetail;
  onChanged: (published: boolean, label: string) => void;
}) {
  const t = useT();
  const form = useForm<DraftForm>({
    defaultValues: { rules: draft.rules.map(toRow), effectiveFrom: '' },
    resolver: draftResolver,
  });
  const rows = useFieldArray({ control: form.control, name: 'rules' });
  const save = useSaveDraft();
  const validate = useValidateDraft();
  const publish = usePublishDraft();
  const discard = useDiscardDraft();
  const busy = save.isPending || validate.isPending || publish.isPending || discard.isPending;
  const [report, setReport] = useState<ValidationSummary | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const isProvince = draft.scope === 'province';

  /** An edit makes the last answer (saved, the validator's report) out of date. */
  const edited = () => {
    setReport(null);
    setSaved(false);
  };
  /**
   * Checks what `work` needs (the rules; and the time, to publish; nothing, to discard), then runs it; refusals go
   * where they belong.
   */
  async function run(needs: 'nothing' | 'rules' | 'all', work: (rules: RuleInput[]) => Promise<void>) {
    setFailure(null);
    if (needs !== 'nothing' && !(await form.trigger(needs === 'rules' ? 'rules' : undefined))) return;
    try {
      await work(toRules(form.getValues('rules')));
    } catch (err) {
      const refused = refusalReport(err);
      if (refused) setReport(refused);
      else setFailure(applyServerErrors(err, form.setError, draftFieldNames(form.getValues('rules'))));
    }
  }
  const saveRules = () =>
    run('rules', async (rules) => {
      await save.mutateAsync({ id: draft.id, rules });
      setSaved(true);
    });
  const validateRules = () =>
    run('rules', async (rules) => {
      await save.mutateAsync({ id: draft.id, rules });
      setReport(await validate.mutateAsync(draft.id));
    });
  const publishRules = () =>
    run('all', async (rules) => {
      await save.mutateAsync({ id: draft.id, rules });
      setReport(null);
      await publish.mutateAsync({ id: draft.id, effectiveFrom: effectiveAt(form.getValues('effectiveFrom')) });
      onChanged(true, draft.label);
    });
  const discardDraft = () =>
    run('nothing', async () => {
      await discard.mutateAsync(draft.id);
      onChanged(false, draft.label);
    });

  return (
    <FormProvider {...form}>
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
              {rows.fields.map((row, i) => (
                <RuleRowCells
                  key={row.id}
                  index={i}
                  isProvince={isProvince}
                  onEdit={edited}
                  onRemove={() => {
                    rows.remove(i);
                    edited();
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
        {rows.fields.length === 0 && <p className="muted">{t('ui.rules.no_rules')}</p>}
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              rows.append(blankRule());
              edited();
            }}
          >
            {t('ui.rules.add')}
          </button>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void saveRules()}>
            {t('ui.rules.save')}
          </button>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void validateRules()}>
            {t('ui.rules.validate')}
          </button>
        </div>
        {saved && <p role="status">{t('ui.rules.saved')}</p>}
        {failure !== null && <ErrorNotice error={failure} />}
        {report && <ValidationReport report={report} />}
        <div className="publish-row">
          <Field
            name="effectiveFrom"
            id="effective-from"
            label={t('field.effectiveFrom')}
            hint={t('ui.rules.effective_hint')}
          >
            {(control) => <input {...control} {...form.register('effectiveFrom')} placeholder="HH:mm dd/mm/yyyy" />}
          </Field>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void publishRules()}
            >
              {t('ui.rules.publish')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => void discardDraft()}
            >
              {t('ui.rules.discard')}
            </button>
          </div>
        </div>
      </section>
    </FormProvider>
  );
}

/**
 * One rule's cells. The table's controls are named by `aria-label` (a visible label in every cell would
 * crowd the table); the row's first error, the schema's or the server's, shows under its commune.
 */
function RuleRowCells({
  index: i,
  isProvince,
  onEdit,
  onRemove,
}: {
  index: number;
  isProvince: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const t = useT();
  const { register, watch, formState } = useFormContext<DraftForm>();
  const lead = watch(`rules.${i}.lead`);
  const rowErrors = formState.errors.rules?.[i];
  const rowError = RULE_FIELDS.map((field) => rowErrors?.[field]?.message).find(Boolean);
  const n = i + 1;
  const field = <Name extends (typeof RULE_FIELDS)[number]>(name: Name) =>
    register(`rules.${i}.${name}`, { onChange: onEdit });
  return (
    <tr>
      <th scope="row">{n}</th>
      {isProvince && (
        <td>
          <input
            aria-label={t('ui.rules.commune_of', { n })}
            placeholder={t('ui.rules.whole_province')}
            inputMode="numeric"
            size={8}
            aria-invalid={rowError ? true : undefined}
            {...field('communeCode')}
          />
          {rowError && <p className="field__error">{rowError}</p>}
        </td>
      )}
      <td>
        <select aria-label={t('ui.rules.category_of', { n })} {...field('category')}>
          <option value="*">{t('ui.rules.any')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select aria-label={t('ui.rules.place_type_of', { n })} {...field('placeType')}>
          <option value="*">{t('ui.rules.any')}</option>
          {PLACE_TYPES.map((p) => (
            <option key={p} value={p}>
              {t(`place_type.${p}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select aria-label={t('ui.rules.lead_of', { n })} {...field('lead')}>
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
          {FORCES.filter((f) => f !== lead).map((f) => (
            <label key={f} className="check check--inline">
              <input type="checkbox" value={f} {...field('coordinating')} />
              {t(`force.${f}`)}
            </label>
          ))}
        </fieldset>
      </td>
      <td>
        <button type="button" className="link-button" onClick={onRemove}>
          {t('ui.rules.remove', { n })}
        </button>
        {/* A national draft has no commune cell: the row's error shows at the row's end instead. */}
        {!isProvince && rowError && <p className="field__error">{rowError}</p>}
      </td>
    </tr>
  );
}
