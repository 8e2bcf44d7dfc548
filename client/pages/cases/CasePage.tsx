import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CaseViewBody } from '../../../shared/api/cases';
import { formatDateTime } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/vi';
import { MAX_PHOTOS, PHOTO_UPLOAD_HOURS } from '../../../shared/schemas/report';
import { paths } from '../../app/paths';
import { isAlerted, useMarkCaseAlertsRead } from '../../lib/alerts.api';
import { useT } from '../../lib/i18n';
import { useStaffSession } from '../../lib/staffSession';
import { useNow } from '../../lib/useNow';
import { QueryResult } from '../../ui/QueryResult';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { CaseActions } from './CaseActions';
import { CrimePanel } from './CrimePanel';
import { CaseResults } from './CaseResults';
import { useCase, useLatePhotos } from './cases.api';
import { Deadline, type DueFlags } from './Deadline';

/** The route: a new code is a new page (nothing of the previous report, such as a revealed contact, stays). */
export function CasePage() {
  const { code = '' } = useParams();
  return <CaseDetails key={code} code={code} />;
}

const PHOTO_REFRESH_MS = 15_000;

/** Issue #6: everything about one report, its deadlines and timeline, and what the viewer may do. */
function CaseDetails({ code }: { code: string }) {
  const t = useT();
  useDocumentTitle(t('ui.cases.case_title', { code }));
  // The page shows what the server last answered: the load, then each action's answer (cases.api.ts), and it is
  // asked again when the alert stream says the report changed (client/lib/alerts.api.ts).
  const loaded = useCase(code);
  const { state } = useStaffSession();
  // Issue #17: the report is open, so what one was told about it is read.
  useMarkCaseAlertsRead(
    code,
    loaded.data !== undefined && state.status === 'signed_in' && isAlerted(state.session.user.role),
  );
  return (
    <QueryResult query={loaded}>
      {(report) => <CaseView report={report} onReload={() => void loaded.refetch()} />}
    </QueryResult>
  );
}

/**
 * Issue #14: a citizen's photos follow the report one by one, for up to 24 hours and up to the limit. While
 * they can still come and the page is visible, it asks for them again every 15 s.
 */
function usePhotos(r: CaseViewBody): CaseViewBody['photos'] {
  const now = useNow(PHOTO_REFRESH_MS);
  const mayGetPhotos = r.photos.length < MAX_PHOTOS && now - Date.parse(r.receivedAt) < PHOTO_UPLOAD_HOURS * 3_600_000;
  const late = useLatePhotos(r.trackingCode, r.photos, PHOTO_REFRESH_MS, mayGetPhotos).data;
  // Photos are only ever added: the longer list is the newer one (an action's answer may be newer still).
  return late.length > r.photos.length ? late : r.photos;
}

function CaseView({ report: r, onReload }: { report: CaseViewBody; onReload(): void }) {
  const t = useT();
  const [stale, setStale] = useState(false);
  const photos = usePhotos(r);
  const actor = (name: string) =>
    name === 'reporter' ? t('ui.cases.reporter') : name === 'system' ? t('ui.cases.system') : name;
  // The server's due-soon/overdue are for the deadline running now; the other one is only late once passed.
  const dueOf = (at: string): DueFlags | undefined => (at === r.deadlines.running ? r.deadlines : undefined);

  return (
    <div className="container container--wide case-page">
      <p>
        <Link to={paths.staff.cases.href()} className="standalone-link">
          ← {t('ui.cases.back')}
        </Link>
      </p>
      <h1>
        {t('ui.cases.case_title', { code: r.trackingCode })}{' '}
        <span className="badge" data-testid="case-status">
          {t(`status.${r.status}` as MessageKey)}
        </span>
        {r.urgent && (
          <span className="badge badge--urgent" title={t('ui.report.urgent')} data-testid="urgent-mark">
            {t('ui.cases.urgent')}
          </span>
        )}
      </h1>
      {stale && (
        <div className="notice notice--warning" role="alert">
          <p>{t('ui.cases.stale')}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setStale(false);
              onReload();
            }}
          >
            {t('ui.cases.reload')}
          </button>
        </div>
      )}
      {r.transfer && (
        <div className="notice notice--warning">
          <p>
            {t(r.transfer.disputed ? 'ui.cases.transfer_disputed' : 'ui.cases.transfer_waiting', {
              unit: r.transfer.toUnitName,
            })}{' '}
            {r.transfer.reason}
          </p>
        </div>
      )}
      {r.escalations.length > 0 && (
        <div className="notice notice--warning" data-testid="escalations">
          {r.escalations.map((e) => (
            <p key={e.level}>
              {e.level === 'province'
                ? t('ui.cases.escalated_province', { at: formatDateTime(e.at), due: formatDateTime(e.dueAt) })
                : t('ui.cases.escalated_national', { at: formatDateTime(e.at) })}
            </p>
          ))}
        </div>
      )}
      {r.answerWaitEndsAt && (
        <div className="notice">
          <p>{t('ui.cases.answer_wait', { date: formatDateTime(r.answerWaitEndsAt) })}</p>
        </div>
      )}
      <div className="case-grid">
        <div>
          <section className="panel" aria-labelledby="deadlines-title">
            <h2 id="deadlines-title">{t('ui.cases.deadlines')}</h2>
            <dl className="facts">
              <dt>{t('ui.cases.accept_by')}</dt>
              <dd>
                {r.deadlines.acceptedAt ? (
                  t('ui.cases.accepted_at', { time: formatDateTime(r.deadlines.acceptedAt) })
                ) : (
                  <Deadline
                    at={r.deadlines.acceptDueAt}
                    paused={r.deadlines.paused}
                    due={dueOf(r.deadlines.acceptDueAt)}
                  />
                )}
              </dd>
              <dt>{t('ui.cases.resolve_by')}</dt>
              <dd>
                {r.deadlines.resolvedAt ? (
                  t('ui.cases.resolved_at', { time: formatDateTime(r.deadlines.resolvedAt) })
                ) : (
                  <Deadline
                    at={r.deadlines.resolveDueAt}
                    paused={r.deadlines.paused}
                    due={dueOf(r.deadlines.resolveDueAt)}
                  />
                )}
              </dd>
              {r.deadlines.extensions > 0 && (
                <>
                  <dt>{t('ui.cases.extensions')}</dt>
                  <dd>{r.deadlines.extensions}</dd>
                </>
              )}
            </dl>
            {/* Issue #18: 20 calendar days from receipt; reports received before it kept 20 working days. */}
            <p className="hint" data-testid="resolve-clock">
              {t('ui.cases.resolve_clock', { clock: t(`resolveClock.${r.resolveClock}`) })}
            </p>
          </section>
          {r.crime && <CrimePanel crime={r.crime} />}
          <CaseResults report={r} />
          <section aria-labelledby="report-title">
            <h2 id="report-title">{t('ui.intake.report_title')}</h2>
            <dl className="facts">
              <dt>{t('field.category')}</dt>
              <dd>{t(`category.${r.category}` as MessageKey)}</dd>
              <dt>{t('field.placeType')}</dt>
              <dd>{t(`place_type.${r.placeType}` as MessageKey)}</dd>
              <dt>{t('ui.intake.place')}</dt>
              <dd>{[r.address, r.commune?.name, r.province.name].filter(Boolean).join(', ')}</dd>
              {r.sellerHandle && (
                <>
                  <dt>{t('field.sellerHandle')}</dt>
                  <dd className="opened-report__text" data-testid="case-seller-handle">
                    {r.sellerHandle}
                  </dd>
                </>
              )}
              {r.url && (
                <>
                  <dt>{t('field.url')}</dt>
                  <dd className="opened-report__text">{r.url}</dd>
                </>
              )}
              <dt>{t('field.observedAt')}</dt>
              <dd>{formatDateTime(r.observedAt)}</dd>
              <dt>{t('ui.intake.received')}</dt>
              <dd>
                {formatDateTime(r.receivedAt)} · {t(`channel.${r.channel}` as MessageKey)}
              </dd>
              <dt>{t('field.description')}</dt>
              <dd className="opened-report__text" data-testid="case-description">
                {r.description}
              </dd>
              <dt>{t('ui.cases.contact')}</dt>
              <dd>{r.hasContact ? t('ui.cases.contact_given') : t('ui.cases.anonymous')}</dd>
              {r.assignedTo && (
                <>
                  <dt>{t('field.assignedTo')}</dt>
                  <dd>{r.assignedTo.name}</dd>
                </>
              )}
              {r.mergedInto && (
                <>
                  <dt>{t('field.into')}</dt>
                  <dd>
                    <Link to={paths.staff.case.href(r.mergedInto)}>{r.mergedInto}</Link>
                  </dd>
                </>
              )}
            </dl>
            {photos.length > 0 && (
              <ul className="photo-list">
                {photos.map((p, i) => (
                  <li key={p.id} className="photo-list__item">
                    <a href={`/api/staff/photos/${p.id}`} target="_blank" rel="noreferrer">
                      <img
                        src={`/api/staff/photos/${p.id}?size=thumb`}
                        alt={t('ui.report.photo_alt', { n: i + 1 })}
                        loading="lazy"
                      />
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="routing-title">
            <h2 id="routing-title">{t('ui.intake.routing_title')}</h2>
            {/* Issue #18: a tip about officials, led by the standing office (of no force). */}
            {r.misconduct && (
              <p className="notice notice--warning" data-testid="misconduct">
                {r.implicatedForce
                  ? t('ui.cases.misconduct_implicated', { force: t(`force.${r.implicatedForce}` as MessageKey) })
                  : t('ui.cases.misconduct')}
              </p>
            )}
            <p>
              {r.lead.force && <strong>{t(`force.${r.lead.force}` as MessageKey)} — </strong>}
              {r.lead.unitName}
            </p>
            {r.coordinating.length > 0 && (
              <p>
                {t('ui.intake.coordinating')} {r.coordinating.map((c) => c.unitName).join('; ')}
              </p>
            )}
            <p className="hint">
              {r.routing.explanation}
              {r.routing.ruleSetVersion && ` (${r.routing.ruleSetVersion})`}
            </p>
            {r.revealRequests.length > 0 && (
              <>
                <h3>{t('ui.cases.reveal_requests')}</h3>
                <ul data-testid="reveal-requests">
                  {r.revealRequests.map((x) => (
                    <li key={x.id}>
                      {t('ui.cases.reveal_request', {
                        who: x.requestedByName,
                        at: formatDateTime(x.requestedAt),
                        reason: x.reason,
                      })}{' '}
                      —{' '}
                      {x.approvedAt && x.approvedByName
                        ? t('ui.cases.reveal_approved', { who: x.approvedByName, at: formatDateTime(x.approvedAt) })
                        : t('ui.cases.reveal_waiting')}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </div>
        <div>
          <CaseActions report={r} onStale={() => setStale(true)} />
          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('ui.cases.timeline')}</h2>
            <ol className="case-timeline">
              {[...r.timeline].reverse().map((e) => (
                <li key={e.seq}>
                  <span className="hint">
                    {formatDateTime(e.at)} · {actor(e.actor)}
                    {e.public ? '' : ` · ${t('ui.cases.internal')}`}
                  </span>
                  <p>
                    <strong>{t(`ui.cases.event.${e.type}` as MessageKey)}</strong>
                    {e.toStatus && ` → ${t(`status.${e.toStatus}` as MessageKey)}`}
                  </p>
                  {e.body && <p className="opened-report__text">{e.body}</p>}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </div>
  );
}
