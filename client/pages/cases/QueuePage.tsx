import { FormProvider, useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { CaseQueue } from '../../../shared/api/cases';
import { CATEGORIES } from '../../../shared/domain/categories';
import { isOpen } from '../../../shared/domain/lifecycle';
import { STATUSES, type Status } from '../../../shared/domain/statuses';
import type { MessageKey } from '../../../shared/i18n/vi';
import { paths } from '../../app/paths';
import { caseQueueQuerySchema } from '../../../shared/schemas/cases';
import { schemaResolver } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { useStaffSession } from '../../lib/staffSession';
import { useDebounced } from '../../lib/useDebounced';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { type QueueFilters, useCaseQueue } from './cases.api';
import { Deadline } from './Deadline';

interface Filters {
  status: Status | '';
  category: string;
  role: string;
  due: '' | 'overdue' | 'dueSoon' | 'escalated' | 'waitingAnswer' | 'crime';
  mine: boolean;
  q: string;
}
const NO_FILTERS: Filters = { status: '', category: '', role: 'all', due: '', mine: false, q: '' };

/** The filter bar's values as query parameters; a coordinator's scope has no lead/coordinating role. */
function queueFilters(filters: Filters, q: string, isCoordinator: boolean): QueueFilters {
  return {
    status: filters.status || undefined,
    category: filters.category || undefined,
    role: isCoordinator ? undefined : filters.role,
    overdue: filters.due === 'overdue' ? '1' : undefined,
    dueSoon: filters.due === 'dueSoon' ? '1' : undefined,
    escalated: filters.due === 'escalated' ? '1' : undefined,
    waitingAnswer: filters.due === 'waitingAnswer' ? '1' : undefined,
    crime: filters.due === 'crime' ? '1' : undefined,
    assignedTo: filters.mine ? 'me' : undefined,
    q: q || undefined,
  };
}

/** Issue #6: a unit's queue (or a coordinator's scope), nearest deadline first, with status tabs and filters. */
export function QueuePage() {
  const t = useT();
  useDocumentTitle(t('ui.cases.title'));
  const { state } = useStaffSession();
  const isCoordinator = state.status === 'signed_in' && state.session.user.role === 'coordinator';
  // The bar is checked by the queue's own query schema as it changes, as the server will check the request.
  const form = useForm<Filters>({
    defaultValues: NO_FILTERS,
    mode: 'onChange',
    resolver: schemaResolver<Filters>(caseQueueQuerySchema, (values) => queueFilters(values, values.q, isCoordinator)),
  });
  const filters = form.watch();
  const q = useDebounced(filters.q, 300);
  const queue = useCaseQueue(queueFilters(filters, q, isCoordinator));
  const first: CaseQueue | undefined = queue.data?.pages[0];
  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  // Counts cover the open statuses only (the server does not count the archive on every request).
  const countOf = (status: Status | '') => (status && isOpen(status) ? ` (${first?.counts[status] ?? 0})` : '');
  const refreshing = queue.isFetching && !queue.isFetchingNextPage;

  return (
    <div className="container container--wide">
      <h1>{isCoordinator ? t('ui.cases.title_coordinator') : t('ui.cases.title')}</h1>
      <p className="visually-hidden" role="status">
        {refreshing ? t('ui.common.loading') : ''}
      </p>
      <nav className="tabs" aria-label={t('field.status')}>
        {(['', ...STATUSES] as const).map((s) => (
          <button
            key={s || 'all'}
            type="button"
            className={`tab${filters.status === s ? ' tab--active' : ''}`}
            aria-pressed={filters.status === s}
            onClick={() => form.setValue('status', s)}
          >
            {s ? t(`status.${s}` as MessageKey) : t('ui.cases.all')}
            {countOf(s)}
          </button>
        ))}
      </nav>
      <FormProvider {...form}>
        <form className="intake-form__row queue-filters" onSubmit={(e) => e.preventDefault()}>
          {!isCoordinator && (
            <Field name="role" label={t('ui.cases.role')}>
              {(control) => (
                <select {...control} {...form.register('role')}>
                  <option value="all">{t('ui.cases.role_all')}</option>
                  <option value="lead">{t('ui.cases.role_lead')}</option>
                  <option value="coordinating">{t('ui.cases.role_coordinating')}</option>
                  <option value="investigating">{t('ui.cases.role_investigating')}</option>
                </select>
              )}
            </Field>
          )}
          <Field name="category" label={t('field.category')}>
            {(control) => (
              <select {...control} {...form.register('category')}>
                <option value="">{t('ui.cases.all')}</option>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`category.${c}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="due" label={t('ui.cases.deadline')}>
            {(control) => (
              <select {...control} {...form.register('due')}>
                <option value="">{t('ui.cases.all')}</option>
                <option value="overdue">{t('field.overdue')}</option>
                <option value="dueSoon">{t('field.dueSoon')}</option>
                <option value="escalated">{t('field.escalated')}</option>
                <option value="waitingAnswer">{t('field.waitingAnswer')}</option>
                <option value="crime">{t('field.crime')}</option>
              </select>
            )}
          </Field>
          <Field name="q" label={t('ui.cases.search')}>
            {(control) => (
              <input
                {...control}
                {...form.register('q')}
                type="search"
                maxLength={200}
                placeholder={t('ui.cases.search_hint')}
              />
            )}
          </Field>
          {!isCoordinator && (
            <label className="check">
              <input type="checkbox" {...form.register('mine')} /> {t('ui.cases.mine')}
            </label>
          )}
        </form>
      </FormProvider>
      {queue.data === undefined ? (
        queue.isError ? (
          <ErrorNotice error={queue.error} onRetry={() => void queue.refetch()} />
        ) : (
          <PageLoading />
        )
      ) : (
        <QueueTable items={items} />
      )}
      {queue.data !== undefined && queue.isError && (
        <ErrorNotice
          error={queue.error}
          onRetry={() => void (queue.isFetchNextPageError ? queue.fetchNextPage() : queue.refetch())}
        />
      )}
      {queue.hasNextPage && (
        <button
          type="button"
          className="button button--secondary"
          disabled={queue.isFetchingNextPage}
          onClick={() => void queue.fetchNextPage()}
        >
          {t('ui.cases.more')}
        </button>
      )}
    </div>
  );
}

/** The reports of the queue, the overdue ones in red by the server's word. */
function QueueTable({ items }: { items: CaseQueue['items'] }) {
  const t = useT();
  return items.length === 0 ? (
    <p role="status">{t('ui.cases.empty')}</p>
  ) : (
    <div className="table-scroll" role="region" aria-label={t('ui.cases.title')} tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('field.trackingCode')}</th>
            <th scope="col">{t('field.status')}</th>
            <th scope="col">{t('ui.cases.deadline')}</th>
            <th scope="col">{t('field.category')}</th>
            <th scope="col">{t('field.commune')}</th>
            <th scope="col">{t('ui.intake.lead')}</th>
            <th scope="col">{t('field.assignedTo')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.trackingCode} className={c.overdue ? 'row--overdue' : undefined}>
              <th scope="row">
                <Link to={paths.staff.case.href(c.trackingCode)}>{c.trackingCode}</Link>
                {c.urgent && (
                  <span className="badge badge--urgent" title={t('ui.report.urgent')} data-testid="urgent-mark">
                    {t('ui.cases.urgent')}
                  </span>
                )}
                {c.role === 'coordinating' && <span className="badge">{t('ui.cases.role_coordinating_short')}</span>}
                {c.role === 'investigating' && <span className="badge">{t('ui.cases.role_investigating_short')}</span>}
                {c.transferPending && <span className="badge badge--warning">{t('ui.cases.transfer_pending')}</span>}
              </th>
              <td>{t(`status.${c.status}` as MessageKey)}</td>
              <td>
                <Deadline at={c.nextDueAt} due={c} />
              </td>
              <td>{t(`category.${c.category}` as MessageKey)}</td>
              <td>{c.communeName ?? t(`place_type.${c.placeType}` as MessageKey)}</td>
              <td>{c.leadUnitName}</td>
              <td>{c.assignedTo ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
