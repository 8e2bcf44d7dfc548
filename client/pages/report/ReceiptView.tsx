import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Receipt } from '../../../shared/api/reports';
import { paths } from '../../app/paths';
import { useT } from '../../lib/i18n';
import { QuietBoundary } from '../../ui/QuietBoundary';

/** Issue #17: loaded after the page (below what the page is for), off the citizen pages' 170 KB budget. */
const ProvinceHotlines = lazy(() => import('../../ui/ProvinceHotlines').then((m) => ({ default: m.ProvinceHotlines })));

/**
 * The receipt: shown once, cannot be recovered; large, copyable in one go, and savable as a text file.
 * Below it the duty hotlines of the forces of the report's province (issue #17).
 */
export function ReceiptView({
  receipt,
  provinceCode,
  children,
}: {
  receipt: Receipt;
  provinceCode: string;
  children?: React.ReactNode;
}) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const trackUrl = `${window.location.origin}${paths.track.href()}`;
  const both = `${t('field.trackingCode')}: ${receipt.trackingCode}\n${t('field.secret')}: ${receipt.secret}`;
  const text = `${t('ui.receipt.file_title')}\n${both}\n${t('ui.receipt.file_where', { url: trackUrl })}\n`;
  const download = useMemo(() => URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' })), [text]);
  useEffect(() => () => URL.revokeObjectURL(download), [download]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${both}\n${trackUrl}`);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="container narrow receipt">
      <h1>{t('ui.receipt.title')}</h1>
      <p className="lead">
        {/* Issue #18: a tip about officials names no unit. */}
        {receipt.lead ? t('ui.receipt.handled_by', { unit: receipt.lead.unitName }) : t('ui.receipt.standing_office')}
      </p>
      <div className="notice notice--warning" role="note">
        <p>{t('ui.receipt.warning')}</p>
      </div>
      <dl className="receipt__codes">
        <dt>{t('field.trackingCode')}</dt>
        <dd>
          <output className="receipt__code" data-testid="tracking-code">
            {receipt.trackingCode}
          </output>
        </dd>
        <dt>{t('field.secret')}</dt>
        <dd>
          <output className="receipt__code" data-testid="secret">
            {receipt.secret}
          </output>
        </dd>
      </dl>
      <p className="report-actions">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {copied ? t('ui.receipt.copied') : t('ui.receipt.copy_both')}
        </button>
        <a className="button button--primary" href={download} download={`tin-bao-${receipt.trackingCode}.txt`}>
          {t('ui.receipt.save')}
        </a>
      </p>
      {children}
      <p>
        <Link to={paths.track.href(receipt.trackingCode)} className="standalone-link">
          {t('ui.receipt.track_link')}
        </Link>
      </p>
      <QuietBoundary>
        <Suspense fallback={null}>
          <ProvinceHotlines provinceCode={provinceCode} />
        </Suspense>
      </QuietBoundary>
    </div>
  );
}
