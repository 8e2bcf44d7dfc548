import { useState, type FormEvent } from 'react';
import type { ProvincesResponse } from '../../../shared/api/places';
import type { UnitDetail, ValidationSummary } from '../../../shared/api/rules';
import { FORCES, type Force } from '../../../shared/domain/forces';
import { formatDateTime } from '../../../shared/i18n/format';
import { ApiError, apiRequest } from '../../lib/api';
import { typedToIso } from '../../lib/datetime';
import { useT } from '../../lib/i18n';
import { useApiQuery } from '../../lib/useApiQuery';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageLoading } from '../../ui/PageLoading';
import { refusalReport, ValidationReport } from '../../ui/ValidationReport';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { AreasEditor, toAreas, type AreaRow } from './AreasEditor';
import { closeUnit, createUnit, getUnit, listUnits, renameUnit, setJurisdiction } from './units.api';

const LEVELS = ['regional', 'province', 'local'] as const;
const rowsOf = (unit: UnitDetail): AreaRow[] =>
  unit.areas.map((a) => ({
    provinceCode: a.provinceCode,
    communeCode: a.communeCode ?? '',
    placeTypes: a.placeTypes ?? [],
  }));

/** Outcome of a change: refused by the validator (the report), by a field, or otherwise. */
function useChange() {
  const [report, setReport] = useState<ValidationSummary | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const run = async (work: () => Promise<string>) => {
    setReport(null);
    setFailure(null);
    setDone('');
    try {
      setDone(await work());
    } catch (err) {
      const refused = refusalReport(err);
      if (refused) setReport(refused);
      else setFailure(err);
    }
  };
  const errorOf = (field: string) =>
    failure instanceof ApiError ? failure.fields.find((f) => f.field === field)?.message : undefined;
  return { report, failure, done, run, errorOf };
}

/** Issue #7, admins: units by province and force; open, rename, close, and what each covers, validated with the whole country. */
export function UnitsPage() {
  const t = useT();
  useDocumentTitle(t('ui.units.title'));
  const [province, setProvince] = useState('04');
  const [selected, setSelected] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const provinces = useApiQuery((signal) => apiRequest<ProvincesResponse>('/api/public/provinces', { signal }), []);
  const units = useApiQuery((signal) => listUnits(signal), [version]);
  const shown = units.status === 'success' ? units.data.units.filter((u) => u.provinceCode === province) : [];

  return (
    <div className="container container--wide">
      <h1>{t('ui.units.title')}</h1>
      <p className="lead">{t('ui.units.intro')}</p>
      <div className="field">
        <label htmlFor="units-province">{t('ui.reference.province_label')}</label>
        <select
          id="units-province"
          value={province}
          onChange={(e) => {
            setProvince(e.target.value);
            setSelected(null);
          }}
        >
          {provinces.status === 'success' &&
            provinces.data.provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
        </select>
      </div>
      {units.status === 'loading' && <PageLoading />}
      {units.status === 'error' && <ErrorNotice error={units.error} onRetry={units.retry} />}
      {units.status === 'success' && (
        <div className="table-scroll" role="region" aria-label={t('ui.units.list')} tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('field.force')}</th>
                <th scope="col">{t('field.level')}</th>
                <th scope="col">{t('field.unitCode')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => (
                <tr key={u.id} aria-current={u.id === selected ? 'true' : undefined}>
                  <th scope="row">
                    <button type="button" className="link-button" onClick={() => setSelected(u.id)}>
                      {u.name}
                    </button>
                  </th>
                  <td>{t(`force.${u.force}`)}</td>
                  <td>{t(`ui.units.level.${u.level as (typeof LEVELS)[number]}`)}</td>
                  <td>
                    <code>{u.code}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected && (
        <UnitEditor key={`${selected}-${version}`} id={selected} onChanged={() => setVersion((n) => n + 1)} />
      )}
      <NewUnit
        key={province}
        province={province}
        onCreated={(id) => {
          setSelected(id);
          setVersion((n) => n + 1);
        }}
      />
    </div>
  );
}

function UnitEditor({ id, onChanged }: { id: string; onChanged: () => void }) {
  const unit = useApiQuery((signal) => getUnit(id, signal), [id]);
  if (unit.status === 'loading') return <PageLoading />;
  if (unit.status === 'error') return <ErrorNotice error={unit.error} onRetry={unit.retry} />;
  if (unit.status !== 'success') return null;
  return <UnitForms unit={unit.data} onChanged={onChanged} />;
}

function UnitForms({ unit, onChanged }: { unit: UnitDetail; onChanged: () => void }) {
  const t = useT();
  const [name, setName] = useState(unit.name);
  const [areas, setAreas] = useState<AreaRow[]>(rowsOf(unit));
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const change = useChange();
  const at = () => typedToIso(effectiveFrom, new Date(), { ahead: true });
  const submit = (work: () => Promise<string>) => (event: FormEvent) => {
    event.preventDefault();
    void change.run(async () => {
      const message = await work();
      onChanged();
      return message;
    });
  };

  return (
    <section className="panel" aria-labelledby="unit-title">
      <h2 id="unit-title">{unit.name}</h2>
      <p className="muted">
        {t(`force.${unit.force}`)} · {t(`ui.units.level.${unit.level}`)} · <code>{unit.code}</code> ·{' '}
        {t('ui.units.since', { from: formatDateTime(unit.validFrom) })}
        {unit.validTo && ` · ${t('ui.units.closed_at', { at: formatDateTime(unit.validTo) })}`}
      </p>
      {change.done && (
        <div className="notice" role="status">
          <p>{change.done}</p>
        </div>
      )}
      {change.failure !== null && <ErrorNotice error={change.failure} />}
      {change.report && <ValidationReport report={change.report} />}
      <form onSubmit={submit(async () => (await renameUnit(unit.id, name), t('ui.units.renamed')))} noValidate>
        <div className="field">
          <label htmlFor="unit-name">{t('ui.units.new_name')}</label>
          <input id="unit-name" value={name} onChange={(e) => setName(e.target.value)} />
          {change.errorOf('name') && <p className="field__error">{change.errorOf('name')}</p>}
          <p className="field__hint">{t('ui.units.rename_hint')}</p>
        </div>
        <button type="submit" className="button button--secondary">
          {t('ui.units.rename')}
        </button>
      </form>
      <div className="field">
        <label htmlFor="unit-effective">{t('field.effectiveFrom')}</label>
        <input
          id="unit-effective"
          value={effectiveFrom}
          placeholder="HH:mm dd/mm/yyyy"
          onChange={(e) => setEffectiveFrom(e.target.value)}
        />
        <p className="field__hint">{t('ui.rules.effective_hint')}</p>
      </div>
      <form
        onSubmit={submit(
          async () => (
            await setJurisdiction(unit.id, { areas: toAreas(areas), effectiveFrom: at() || undefined }),
            t('ui.units.jurisdiction_saved')
          ),
        )}
        noValidate
      >
        <AreasEditor areas={areas} onChange={setAreas} errorOf={change.errorOf} />
        <div className="button-row">
          <button type="submit" className="button button--primary">
            {t('ui.units.save_jurisdiction')}
          </button>
        </div>
      </form>
      {!unit.validTo && (
        <form onSubmit={submit(async () => (await closeUnit(unit.id, at()), t('ui.units.closed')))} noValidate>
          <button type="submit" className="button button--secondary">
            {t('ui.units.close')}
          </button>
        </form>
      )}
    </section>
  );
}

function NewUnit({ province, onCreated }: { province: string; onCreated: (id: string) => void }) {
  const t = useT();
  const [draft, setDraft] = useState({
    unitCode: '',
    name: '',
    force: 'market' as Force,
    level: 'local' as (typeof LEVELS)[number],
  });
  const [areas, setAreas] = useState<AreaRow[]>([{ provinceCode: province, communeCode: '', placeTypes: [] }]);
  const change = useChange();
  function submit(event: FormEvent) {
    event.preventDefault();
    void change.run(async () => {
      const made = await createUnit({ ...draft, provinceCode: province, areas: toAreas(areas) });
      onCreated(made.id);
      return t('ui.units.created', { name: made.name });
    });
  }
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="new-unit-title">
      <h2 id="new-unit-title">{t('ui.units.new_title')}</h2>
      {change.done && (
        <div className="notice" role="status">
          <p>{change.done}</p>
        </div>
      )}
      {change.failure !== null && !(change.failure instanceof ApiError && change.failure.fields.length > 0) && (
        <ErrorNotice error={change.failure} />
      )}
      {change.report && <ValidationReport report={change.report} />}
      <div className="field">
        <label htmlFor="new-unit-code">{t('field.unitCode')}</label>
        <input
          id="new-unit-code"
          value={draft.unitCode}
          placeholder="market-04-doi-9"
          onChange={(e) => setDraft({ ...draft, unitCode: e.target.value })}
        />
        {change.errorOf('unitCode') && <p className="field__error">{change.errorOf('unitCode')}</p>}
      </div>
      <div className="field">
        <label htmlFor="new-unit-name">{t('field.name')}</label>
        <input id="new-unit-name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        {change.errorOf('name') && <p className="field__error">{change.errorOf('name')}</p>}
      </div>
      <div className="field">
        <label htmlFor="new-unit-force">{t('field.force')}</label>
        <select
          id="new-unit-force"
          value={draft.force}
          onChange={(e) => setDraft({ ...draft, force: e.target.value as Force })}
        >
          {FORCES.map((f) => (
            <option key={f} value={f}>
              {t(`force.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="new-unit-level">{t('field.level')}</label>
        <select
          id="new-unit-level"
          value={draft.level}
          onChange={(e) => setDraft({ ...draft, level: e.target.value as (typeof LEVELS)[number] })}
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`ui.units.level.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <AreasEditor areas={areas} onChange={setAreas} errorOf={change.errorOf} />
      <div className="button-row">
        <button type="submit" className="button button--primary">
          {t('ui.units.create')}
        </button>
      </div>
    </form>
  );
}
