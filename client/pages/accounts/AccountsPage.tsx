import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AccountView } from '../../../shared/api/accounts';
import type { ProvincesResponse } from '../../../shared/api/places';
import type { UnitsResponse } from '../../../shared/api/units';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { formatDateTime } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/vi';
import { ApiError, apiRequest } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useApiQuery } from '../../lib/useApiQuery';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

interface Draft {
  username: string;
  displayName: string;
  role: Role | '';
  unitId: string;
  scopeProvinceCode: string;
}
const EMPTY: Draft = { username: '', displayName: '', role: '', unitId: '', scopeProvinceCode: '' };
const needsUnit = (role: Role | '') => role === 'officer' || role === 'unit_lead';

/** What the API takes for a role: a unit only for officers and unit leads, a scope only for coordinators. */
function assignment(draft: Draft) {
  return {
    role: draft.role || undefined,
    unitId: needsUnit(draft.role) ? draft.unitId || undefined : undefined,
    scopeProvinceCode: draft.role === 'coordinator' ? draft.scopeProvinceCode || undefined : undefined,
  };
}

/** A password handed out once: the admin passes it on; it cannot be shown again. */
function NewPassword({ username, password }: { username: string; password: string }) {
  const t = useT();
  return (
    <div className="notice notice--warning" role="status">
      <p>{t('ui.accounts.password_once', { username })}</p>
      <p className="receipt__code" data-testid="new-password">
        {password}
      </p>
    </div>
  );
}

function AccountForm({
  draft,
  onChange,
  units,
  provinces,
  errors,
  isNew,
}: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  units: UnitsResponse['units'];
  provinces: ProvincesResponse['provinces'];
  errors: { field: string; message: string }[];
  isNew: boolean;
}) {
  const t = useT();
  const prefix = isNew ? 'new' : 'edit';
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const field = (name: keyof Draft, control: ReactNode) => (
    <div className="field">
      <label htmlFor={`${prefix}-${name}`}>{t(`field.${name}` as MessageKey)}</label>
      {control}
      {errorOf(name) && <p className="field__error">{errorOf(name)}</p>}
    </div>
  );
  const set = (name: keyof Draft) => (e: { target: { value: string } }) =>
    onChange({ ...draft, [name]: e.target.value });
  return (
    <div className="intake-form__row">
      {isNew &&
        field(
          'username',
          <input
            id={`${prefix}-username`}
            value={draft.username}
            onChange={set('username')}
            autoComplete="off"
            spellCheck={false}
          />,
        )}
      {field(
        'displayName',
        <input id={`${prefix}-displayName`} value={draft.displayName} onChange={set('displayName')} />,
      )}
      {field(
        'role',
        <select id={`${prefix}-role`} value={draft.role} onChange={set('role')}>
          <option value="">{t('ui.report.choose')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}` as MessageKey)}
            </option>
          ))}
        </select>,
      )}
      {needsUnit(draft.role) &&
        field(
          'unitId',
          <select id={`${prefix}-unitId`} value={draft.unitId} onChange={set('unitId')}>
            <option value="">{t('ui.report.choose')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({t(`force.${u.force}` as MessageKey)})
              </option>
            ))}
          </select>,
        )}
      {draft.role === 'coordinator' &&
        field(
          'scopeProvinceCode',
          <select
            id={`${prefix}-scopeProvinceCode`}
            value={draft.scopeProvinceCode}
            onChange={set('scopeProvinceCode')}
          >
            <option value="">{t('ui.report.choose')}</option>
            <option value="national">{t('ui.accounts.national')}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>,
        )}
    </div>
  );
}

/** Issue #5, admins: create accounts, re-assign them, disable them, reset passwords and unlock. */
export function AccountsPage() {
  const t = useT();
  useDocumentTitle(t('ui.accounts.title'));
  const [version, setVersion] = useState(0);
  const accounts = useApiQuery(
    (signal) => apiRequest<{ accounts: AccountView[] }>('/api/staff/accounts', { signal }),
    [version],
  );
  const units = useApiQuery((signal) => apiRequest<UnitsResponse>('/api/staff/units', { signal }), []);
  const provinces = useApiQuery((signal) => apiRequest<ProvincesResponse>('/api/public/provinces', { signal }), []);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<{ id: string; draft: Draft } | null>(null);
  // Field refusals belong to the form that was sent: the new-account form or the edit form.
  const [errors, setErrors] = useState<{ form: 'create' | 'edit'; list: { field: string; message: string }[] }>({
    form: 'create',
    list: [],
  });
  const [failure, setFailure] = useState<unknown>(null);
  const [handedOut, setHandedOut] = useState<{ username: string; password: string } | null>(null);
  const editHeading = useRef<HTMLHeadingElement>(null);
  // Opening an account's form takes the reader there (it sits above the table).
  const editingId = editing?.id;
  useEffect(() => {
    if (editingId) editHeading.current?.focus();
  }, [editingId]);

  /** Runs an account action; field refusals go next to the fields, anything else above the table. */
  async function act(form: 'create' | 'edit', work: () => Promise<void>) {
    setErrors({ form, list: [] });
    setFailure(null);
    try {
      await work();
      setVersion((n) => n + 1);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) setErrors({ form, list: err.fields });
      else setFailure(err);
    }
  }

  const create = (event: FormEvent) => {
    event.preventDefault();
    void act('create', async () => {
      const body = { username: draft.username, displayName: draft.displayName, ...assignment(draft) };
      const result = await apiRequest<{ account: AccountView; password: string }>('/api/staff/accounts', {
        method: 'POST',
        body,
      });
      setHandedOut({ username: result.account.username, password: result.password });
      setDraft(EMPTY);
    });
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    void act('edit', async () => {
      const { role, unitId, scopeProvinceCode } = assignment(editing.draft);
      const body = { displayName: editing.draft.displayName, role, unitId: unitId ?? null, scopeProvinceCode };
      await apiRequest(`/api/staff/accounts/${editing.id}`, { method: 'PATCH', body });
      setEditing(null);
    });
  };
  const post = (account: AccountView, action: 'password' | 'unlock') =>
    act('edit', async () => {
      if (action === 'password' && !window.confirm(t('ui.accounts.reset_confirm', { username: account.username })))
        return;
      const result = await apiRequest<{ account: AccountView; password?: string }>(
        `/api/staff/accounts/${account.id}/${action}`,
        { method: 'POST' },
      );
      if (result.password) setHandedOut({ username: account.username, password: result.password });
    });
  const toggle = (account: AccountView) =>
    act('edit', async () => {
      await apiRequest(`/api/staff/accounts/${account.id}`, {
        method: 'PATCH',
        body: { isDisabled: !account.isDisabled },
      });
    });

  if (accounts.status === 'error')
    return (
      <div className="container">
        <ErrorNotice error={accounts.error} onRetry={accounts.retry} />
      </div>
    );
  if (accounts.status !== 'success' || units.status !== 'success' || provinces.status !== 'success')
    return <PageLoading />;
  const provinceName = new Map(provinces.data.provinces.map((p) => [p.code, p.name]));
  const where = (a: AccountView) =>
    a.unit?.name ??
    (a.role === 'coordinator'
      ? a.scopeProvinceCode
        ? provinceName.get(a.scopeProvinceCode)
        : t('ui.accounts.national')
      : '—');
  const stateOf = (a: AccountView) =>
    a.isDisabled
      ? t('ui.accounts.disabled')
      : a.lockedUntil
        ? t('ui.accounts.locked_until', { time: formatDateTime(a.lockedUntil) })
        : t('ui.accounts.active');

  return (
    <div className="container container--wide">
      <h1>{t('ui.accounts.title')}</h1>
      {handedOut && <NewPassword {...handedOut} />}
      {failure !== null && <ErrorNotice error={failure} />}

      <section className="panel" aria-labelledby="new-account">
        <h2 id="new-account">{t('ui.accounts.create_title')}</h2>
        <form onSubmit={create} noValidate className="intake-form">
          <AccountForm
            draft={draft}
            onChange={setDraft}
            units={units.data.units}
            provinces={provinces.data.provinces}
            errors={errors.form === 'create' ? errors.list : []}
            isNew
          />
          <button type="submit" className="button button--primary">
            {t('ui.accounts.create')}
          </button>
        </form>
      </section>

      {editing && (
        <section className="panel" aria-labelledby="edit-account">
          <h2 id="edit-account" tabIndex={-1} ref={editHeading}>
            {t('ui.accounts.edit_title', { username: editing.draft.username })}
          </h2>
          <form onSubmit={save} noValidate className="intake-form">
            <AccountForm
              draft={editing.draft}
              onChange={(d) => setEditing({ ...editing, draft: d })}
              units={units.data.units}
              provinces={provinces.data.provinces}
              errors={errors.form === 'edit' ? errors.list : []}
              isNew={false}
            />
            <div className="button-row">
              <button type="submit" className="button button--primary">
                {t('ui.accounts.save')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setEditing(null)}>
                {t('ui.accounts.cancel')}
              </button>
            </div>
          </form>
        </section>
      )}

      <div className="table-scroll" role="region" aria-label={t('ui.accounts.title')} tabIndex={0}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('field.username')}</th>
              <th scope="col">{t('field.displayName')}</th>
              <th scope="col">{t('field.role')}</th>
              <th scope="col">{t('ui.accounts.where')}</th>
              <th scope="col">{t('ui.accounts.state')}</th>
              <th scope="col">{t('ui.accounts.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.data.accounts.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.username}</th>
                <td>{a.displayName}</td>
                <td>{t(`role.${a.role}` as MessageKey)}</td>
                <td>{where(a)}</td>
                <td>{stateOf(a)}</td>
                <td>
                  <div className="button-row button-row--tight">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        setErrors({ form: 'edit', list: [] });
                        setEditing({
                          id: a.id,
                          draft: {
                            username: a.username,
                            displayName: a.displayName,
                            role: a.role,
                            unitId: a.unit?.id ?? '',
                            scopeProvinceCode: a.role === 'coordinator' ? (a.scopeProvinceCode ?? 'national') : '',
                          },
                        });
                      }}
                    >
                      {t('ui.accounts.edit')}
                    </button>
                    <button type="button" className="link-button" onClick={() => void post(a, 'password')}>
                      {t('ui.accounts.reset')}
                    </button>
                    {a.lockedUntil && (
                      <button type="button" className="link-button" onClick={() => void post(a, 'unlock')}>
                        {t('ui.accounts.unlock')}
                      </button>
                    )}
                    <button type="button" className="link-button" onClick={() => void toggle(a)}>
                      {a.isDisabled ? t('ui.accounts.enable') : t('ui.accounts.disable')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
