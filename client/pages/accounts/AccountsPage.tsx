import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm, useFormContext } from 'react-hook-form';
import type { AccountView } from '../../../shared/api/accounts';
import type { ProvincesResponse } from '../../../shared/api/places';
import type { UnitsResponse } from '../../../shared/api/units';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { formatDateTime } from '../../../shared/i18n/format';
import { accountChangeSchema, accountInputSchema } from '../../../shared/schemas/accounts';
import { applyServerErrors, schemaResolver } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { useCommunes, useProvinces } from '../../lib/places.api';
import { useUnitList } from '../../lib/units.api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, type FieldControlProps } from '../../ui/Field';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { type NewAccount, useAccountAction, useAccounts, useChangeAccount, useCreateAccount } from './accounts.api';

interface Draft {
  username: string;
  displayName: string;
  role: Role | '';
  unitId: string;
  scopeProvinceCode: string;
  /** Issue #18: a commune committee's commune, chosen within a province (the province is not sent). */
  communeProvince: string;
  scopeCommuneCode: string;
}
const EMPTY: Draft = {
  username: '',
  displayName: '',
  role: '',
  unitId: '',
  scopeProvinceCode: '',
  communeProvince: '',
  scopeCommuneCode: '',
};
const needsUnit = (role: Role | '') => role === 'officer' || role === 'unit_lead';

/** What the API takes for a role: a unit only for officers and unit leads, a scope only for coordinators, a commune only for a commune committee. */
function assignment(draft: Draft) {
  return {
    role: draft.role || undefined,
    unitId: needsUnit(draft.role) ? draft.unitId || undefined : undefined,
    scopeProvinceCode: draft.role === 'coordinator' ? draft.scopeProvinceCode || undefined : undefined,
    scopeCommuneCode: draft.role === 'commune_committee' ? draft.scopeCommuneCode || undefined : undefined,
  };
}

type HandedOut = { username: string; password: string };

/** A password handed out once: the admin passes it on; it cannot be shown again. */
function NewPassword({ username, password }: HandedOut) {
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

/** The inputs of one account: which appear follows the role chosen (a unit, a scope, or neither). */
function AccountFields({
  units,
  provinces,
  isNew,
}: {
  units: UnitsResponse['units'];
  provinces: ProvincesResponse['provinces'];
  isNew: boolean;
}) {
  const t = useT();
  const { register, watch, setValue } = useFormContext<Draft>();
  const role = watch('role');
  const communeProvince = watch('communeProvince');
  const communes = useCommunes(communeProvince, '', { enabled: role === 'commune_committee' });
  const prefix = isNew ? 'new' : 'edit';
  const field = (name: Exclude<keyof Draft, 'communeProvince'>, control: (ids: FieldControlProps) => ReactNode) => (
    <Field name={name} id={`${prefix}-${name}`} label={t(`field.${name}`)}>
      {control}
    </Field>
  );
  return (
    <div className="intake-form__row">
      {isNew &&
        field('username', (ids) => <input {...ids} {...register('username')} autoComplete="off" spellCheck={false} />)}
      {field('displayName', (ids) => (
        <input {...ids} {...register('displayName')} />
      ))}
      {field('role', (ids) => (
        <select {...ids} {...register('role')}>
          <option value="">{t('ui.report.choose')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      ))}
      {needsUnit(role) &&
        field('unitId', (ids) => (
          <select {...ids} {...register('unitId')}>
            <option value="">{t('ui.report.choose')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({t(`force.${u.force}`)})
              </option>
            ))}
          </select>
        ))}
      {role === 'coordinator' &&
        field('scopeProvinceCode', (ids) => (
          <select {...ids} {...register('scopeProvinceCode')}>
            <option value="">{t('ui.report.choose')}</option>
            <option value="national">{t('ui.accounts.national')}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        ))}
      {role === 'commune_committee' && (
        <>
          <Field name="communeProvince" id={`${prefix}-communeProvince`} label={t('field.province')}>
            {(ids) => (
              <select
                {...ids}
                {...register('communeProvince', {
                  // Issue #18 review: a commune of the province left behind is not kept.
                  onChange: () => setValue('scopeCommuneCode', ''),
                })}
              >
                <option value="">{t('ui.report.choose')}</option>
                {provinces.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {field('scopeCommuneCode', (ids) => (
            <select {...ids} {...register('scopeCommuneCode')} disabled={!communes.data}>
              <option value="">{t('ui.report.choose')}</option>
              {(communes.data?.communes ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          ))}
        </>
      )}
    </div>
  );
}

const DRAFT_FIELDS = ['username', 'displayName', 'role', 'unitId', 'scopeProvinceCode', 'scopeCommuneCode'] as const;
const newAccount = (draft: Draft): NewAccount => ({
  username: draft.username,
  displayName: draft.displayName,
  ...assignment(draft),
});
const accountChange = (draft: Draft) => {
  const { role, unitId, scopeProvinceCode, scopeCommuneCode } = assignment(draft);
  return { displayName: draft.displayName, role, unitId: unitId ?? null, scopeProvinceCode, scopeCommuneCode };
};
const draftOf = (a: AccountView): Draft => ({
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  unitId: a.unit?.id ?? '',
  scopeProvinceCode: a.role === 'coordinator' ? (a.scopeProvinceCode ?? 'national') : '',
  communeProvince: a.scopeCommune?.provinceCode ?? '',
  scopeCommuneCode: a.scopeCommune?.code ?? '',
});

type Lists = { units: UnitsResponse['units']; provinces: ProvincesResponse['provinces'] };

/** The new-account form: checked by the create call's schema; the password comes back once. */
function CreateAccount({ lists, onCreated }: { lists: Lists; onCreated: (handedOut: HandedOut) => void }) {
  const t = useT();
  const create = useCreateAccount();
  const form = useForm<Draft>({ defaultValues: EMPTY, resolver: schemaResolver(accountInputSchema, newAccount) });
  const [failure, setFailure] = useState<unknown>(null);
  const submit = form.handleSubmit(async (draft) => {
    setFailure(null);
    try {
      const result = await create.mutateAsync(newAccount(draft));
      onCreated({ username: result.account.username, password: result.password });
      form.reset(EMPTY);
    } catch (err) {
      setFailure(applyServerErrors(err, form.setError, DRAFT_FIELDS));
    }
  });
  return (
    <section className="panel" aria-labelledby="new-account">
      <h2 id="new-account">{t('ui.accounts.create_title')}</h2>
      {failure !== null && <ErrorNotice error={failure} />}
      <FormProvider {...form}>
        <form onSubmit={(e) => void submit(e)} noValidate className="intake-form">
          <AccountFields {...lists} isNew />
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {t('ui.accounts.create')}
          </button>
        </form>
      </FormProvider>
    </section>
  );
}

/** One account's form, opened from its row; the reader is taken to it (it sits above the table). */
function EditAccount({ account, lists, onClose }: { account: AccountView; lists: Lists; onClose: () => void }) {
  const t = useT();
  const change = useChangeAccount();
  const form = useForm<Draft>({
    defaultValues: draftOf(account),
    resolver: schemaResolver(accountChangeSchema, accountChange),
  });
  const [failure, setFailure] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const submit = form.handleSubmit(async (draft) => {
    setFailure(null);
    try {
      await change.mutateAsync({ id: account.id, ...accountChange(draft) });
      onClose();
    } catch (err) {
      setFailure(applyServerErrors(err, form.setError, DRAFT_FIELDS));
    }
  });
  return (
    <section className="panel" aria-labelledby="edit-account">
      <h2 id="edit-account" tabIndex={-1} ref={heading}>
        {t('ui.accounts.edit_title', { username: account.username })}
      </h2>
      {failure !== null && <ErrorNotice error={failure} />}
      <FormProvider {...form}>
        <form onSubmit={(e) => void submit(e)} noValidate className="intake-form">
          <AccountFields {...lists} isNew={false} />
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={change.isPending}>
              {t('ui.accounts.save')}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('ui.accounts.cancel')}
            </button>
          </div>
        </form>
      </FormProvider>
    </section>
  );
}

/** Issue #5, admins: create accounts, re-assign them, disable them, reset passwords and unlock. */
export function AccountsPage() {
  const t = useT();
  useDocumentTitle(t('ui.accounts.title'));
  const accounts = useAccounts();
  const units = useUnitList();
  const provinces = useProvinces();
  const change = useChangeAccount();
  const action = useAccountAction();
  const [editing, setEditing] = useState<AccountView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [handedOut, setHandedOut] = useState<HandedOut | null>(null);

  /** A row's action; a refusal shows above the table. */
  function post(account: AccountView, kind: 'password' | 'unlock') {
    if (kind === 'password' && !window.confirm(t('ui.accounts.reset_confirm', { username: account.username }))) return;
    setFailure(null);
    action.mutate(
      { id: account.id, action: kind },
      {
        onSuccess: (result) => {
          if (result.password) setHandedOut({ username: account.username, password: result.password });
        },
        onError: setFailure,
      },
    );
  }
  function toggle(account: AccountView) {
    setFailure(null);
    change.mutate({ id: account.id, isDisabled: !account.isDisabled }, { onError: setFailure });
  }

  // Any of the three lists failing is said, with a retry of what failed (not "loading" for ever).
  const failed = [accounts, units, provinces].find((query) => query.isError && !query.data);
  if (failed)
    return (
      <div className="container">
        <ErrorNotice error={failed.error} onRetry={() => void failed.refetch()} />
      </div>
    );
  if (!accounts.data || !units.data || !provinces.data) return <PageLoading />;
  const lists: Lists = { units: units.data.units, provinces: provinces.data.provinces };
  const provinceName = new Map(lists.provinces.map((p) => [p.code, p.name]));
  const where = (a: AccountView) =>
    a.unit?.name ??
    (a.scopeCommune && `${a.scopeCommune.name}, ${provinceName.get(a.scopeCommune.provinceCode) ?? ''}`) ??
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

      <CreateAccount lists={lists} onCreated={setHandedOut} />
      {editing && <EditAccount key={editing.id} account={editing} lists={lists} onClose={() => setEditing(null)} />}

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
                <td>{t(`role.${a.role}`)}</td>
                <td>{where(a)}</td>
                <td>{stateOf(a)}</td>
                <td>
                  <div className="button-row button-row--tight">
                    <button type="button" className="link-button" onClick={() => setEditing(a)}>
                      {t('ui.accounts.edit')}
                    </button>
                    <button type="button" className="link-button" onClick={() => post(a, 'password')}>
                      {t('ui.accounts.reset')}
                    </button>
                    {a.lockedUntil && (
                      <button type="button" className="link-button" onClick={() => post(a, 'unlock')}>
                        {t('ui.accounts.unlock')}
                      </button>
                    )}
                    <button type="button" className="link-button" onClick={() => toggle(a)}>
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
