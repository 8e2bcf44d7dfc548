import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Receipt } from '../../../shared/api/reports';
import { paths } from '../../app/paths';
import { useT } from '../../lib/i18n';

/** The receipt: shown once, cannot be recovered; large, copyable, and savable as a text file. */
export function ReceiptView({ receipt }: { receipt: Receipt }) {
  const t = useT();
  const [copied, setCopied] = useState<string | null>(null);
  const text = `${t('ui.receipt.file_title')}\n${t('field.trackingCode')}: ${receipt.trackingCode}\n${t('field.secret')}: ${receipt.secret}\n${t('ui.receipt.file_where')}\n`;
  const download = useMemo(() => URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' })), [text]);
  const copy = async (label: string, value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(label);
    } catch {
      setCopied(null);
    }
  };
  return (
    <div className="container narrow receipt">
      <h1>{t('ui.receipt.title')}</h1>
      <p className="lead">{t('ui.receipt.handled_by', { unit: receipt.lead.unitName })}</p>
      <div className="notice notice--warning" role="note">
        <p>{t('ui.receipt.warning')}</p>
      </div>
      <dl className="receipt__codes">
        <dt>{t('field.trackingCode')}</dt>
        <dd>
          <output className="receipt__code" data-testid="tracking-code">{receipt.trackingCode}</output>
          <button type="button" className="button button--secondary" onClick={() => void copy('code', receipt.trackingCode)}>
            {copied === 'code' ? t('ui.receipt.copied') : t('ui.receipt.copy')}
          </button>
        </dd>
        <dt>{t('field.secret')}</dt>
        <dd>
          <output className="receipt__code" data-testid="secret">{receipt.secret}</output>
          <button type="button" className="button button--secondary" onClick={() => void copy('secret', receipt.secret)}>
            {copied === 'secret' ? t('ui.receipt.copied') : t('ui.receipt.copy')}
          </button>
        </dd>
      </dl>
      <p>
        <a className="button button--primary" href={download} download={`tin-bao-${receipt.trackingCode}.txt`}>
          {t('ui.receipt.save')}
        </a>
      </p>
      <p>
        <Link to={paths.track.href()} className="standalone-link">{t('ui.receipt.track_link')}</Link>
      </p>
    </div>
  );
}
