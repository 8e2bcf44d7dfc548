import type { RuleSetDetail } from '../../../shared/api/rules';
import { useT } from '../../lib/i18n';

/** A version's rules, read only, in SPEC.md's notation and in words. */
export function RuleTable({ ruleSet }: { ruleSet: RuleSetDetail }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="rule-set-title">
      <h2 id="rule-set-title">{t('ui.rules.rules_of', { label: ruleSet.label })}</h2>
      <div
        className="table-scroll"
        role="region"
        aria-label={t('ui.rules.rules_of', { label: ruleSet.label })}
        tabIndex={0}
      >
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('ui.rules.col.rule')}</th>
              <th scope="col">{t('ui.rules.col.commune')}</th>
              <th scope="col">{t('field.category')}</th>
              <th scope="col">{t('field.placeType')}</th>
              <th scope="col">{t('ui.rules.col.lead')}</th>
              <th scope="col">{t('ui.rules.col.coordinating')}</th>
            </tr>
          </thead>
          <tbody>
            {ruleSet.rules.map((r) => (
              <tr key={r.key}>
                <th scope="row">
                  <code>{r.key}</code>
                </th>
                <td>
                  {r.communeName ??
                    (ruleSet.scope === 'national' ? t('ui.rules.national') : t('ui.rules.whole_province'))}
                </td>
                <td>{r.category === '*' ? t('ui.rules.any') : t(`category.${r.category}`)}</td>
                <td>{r.placeType === '*' ? t('ui.rules.any') : t(`place_type.${r.placeType}`)}</td>
                <td>{t(`force.${r.lead}`)}</td>
                <td>{r.coordinating.map((f) => t(`force.${f}`)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ruleSet.rules.length === 0 && <p className="muted">{t('ui.rules.no_rules')}</p>}
    </section>
  );
}
