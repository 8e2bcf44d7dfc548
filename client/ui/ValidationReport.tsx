import type { ValidationProblem, ValidationSummary } from '../../shared/api/rules';
import { formatDateTime } from '../../shared/i18n/format';
import { ApiError } from '../lib/api';
import { useT, type Translate } from '../lib/i18n';

/** The validator's report carried by a refused publish (`routing.invalid`), if that is what failed. */
export function refusalReport(error: unknown): ValidationSummary | null {
  return error instanceof ApiError && error.code === 'routing.invalid' && error.details
    ? (error.details as ValidationSummary)
    : null;
}

function headline(t: Translate, p: ValidationProblem): string {
  const n = p.cells.toLocaleString('vi-VN');
  switch (p.kind) {
    case 'no_rule':
      return t('ui.validation.no_rule', { n });
    case 'no_unit':
      return t('ui.validation.no_unit', {
        n,
        force: p.force ? t(`force.${p.force}`) : '',
        rules: p.rules?.join(', ') ?? '',
      });
    case 'rule_overlap':
      return t('ui.validation.rule_overlap', {
        n,
        rules: (p.rules ?? []).map((r, i) => `${r} → ${p.leads?.[i] ? t(`force.${p.leads[i]}`) : ''}`).join('; '),
      });
    case 'unit_overlap':
      return t('ui.validation.unit_overlap', {
        n,
        force: p.force ? t(`force.${p.force}`) : '',
        units: p.units?.join(', ') ?? '',
      });
  }
}

/** SPEC.md §4: every gap and overlap named by commune, category and place type (the first few cells of each). */
export function ValidationReport({ report }: { report: ValidationSummary }) {
  const t = useT();
  if (report.ok) {
    return (
      <div className="notice" role="status">
        <p>{t('ui.validation.ok', { cells: report.cellsChecked.toLocaleString('vi-VN') })}</p>
      </div>
    );
  }
  return (
    <div className="notice notice--error validation-report" role="alert">
      <p>
        <strong>
          {t('ui.validation.failed', {
            gaps: report.gapCells.toLocaleString('vi-VN'),
            overlaps: report.overlapCells.toLocaleString('vi-VN'),
            at: formatDateTime(report.at),
          })}
        </strong>
      </p>
      <ul>
        {report.problems.map((p, i) => (
          <li key={i}>
            <p>{headline(t, p)}</p>
            <ul className="validation-report__cells">
              {p.examples.map((c, k) => (
                <li key={k}>
                  {c.communeName}
                  {c.communeCode ? ` (${c.communeCode})` : ''} ·{' '}
                  {p.kind === 'unit_overlap' ? '' : `${t(`category.${c.category}`)} · `}
                  {t(`place_type.${c.placeType}`)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {report.problemCount > report.problems.length && (
        <p>{t('ui.validation.more', { n: report.problemCount - report.problems.length })}</p>
      )}
    </div>
  );
}
