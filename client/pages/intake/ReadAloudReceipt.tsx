import { useEffect, useRef } from 'react';
import type { IntakeReceipt } from '../../../shared/api/intake';
import type { DeskChannel } from '../../../shared/domain/channels';
import { spellForReading } from '../../../shared/domain/spelling';
import { formatPhone } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/vi';
import { useI18n } from '../../lib/i18n';
import { AttachPhotos } from './AttachPhotos';

export function Spelled({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { lang } = useI18n();
  return (
    <div className="read-aloud__item">
      <h3>{label}</h3>
      <p className="receipt__code" data-testid={testId}>
        {value}
      </p>
      <ol className="read-aloud__groups">
        {spellForReading(value, lang).map((g, i) => (
          <li key={`${g.group}-${i}`}>
            <strong>{g.group}</strong>
            <span>{g.spoken.join(' · ')}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * Issue #18 review: a call's receipt is read to the caller; a letter's, an e-mail's, a Zalo message's or a
 * visit's is given to the person who reported (read, written down or sent back).
 */
export function receiptWords(channel: DeskChannel) {
  const call = channel === 'hotline';
  return {
    title: call ? 'ui.intake.receipt_title' : 'ui.intake.receipt_title_desk',
    warning: call ? 'ui.intake.receipt_warning' : 'ui.intake.receipt_warning_desk',
    script: call ? 'ui.intake.receipt_script' : 'ui.intake.receipt_script_desk',
    where: call ? 'ui.intake.receipt_where' : 'ui.intake.receipt_where_desk',
    attach: call ? 'ui.intake.attach_title' : 'ui.intake.attach_title_desk',
    next: call ? 'ui.intake.new_call' : 'ui.intake.new_report',
  } as const satisfies Record<string, MessageKey>;
}

/**
 * After saving: the receipt as the operator reads it to the caller, group by group with the spelling
 * alphabet, so that the caller can track the report on the web. The secret is shown only here.
 */
export function ReadAloudReceipt({ receipt, onNewCall }: { receipt: IntakeReceipt; onNewCall: () => void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const words = receiptWords(receipt.call.channel);
  return (
    <section className="read-aloud" aria-labelledby="read-aloud-title">
      <h2 id="read-aloud-title" tabIndex={-1} ref={heading}>
        {t(words.title)}
      </h2>
      <p className="lead">
        {/* Issue #18: a tip about officials names no unit to the caller. */}
        {receipt.lead
          ? t('ui.intake.receipt_lead', {
              force: t(`force.${receipt.lead.force}` as MessageKey),
              unit: receipt.lead.unitName,
            })
          : t('ui.receipt.standing_office')}
      </p>
      {receipt.urgent && <HandOver phone={receipt.leadDutyPhone} />}
      <div className="notice notice--warning" role="note">
        <p>{t(words.warning)}</p>
      </div>
      <p className="read-aloud__script">{t(words.script)}</p>
      <Spelled label={t('field.trackingCode')} value={receipt.trackingCode} testId="tracking-code" />
      <Spelled label={t('field.secret')} value={receipt.secret} testId="secret" />
      <p className="hint">{t(words.where)}</p>
      <button type="button" className="button button--primary" onClick={onNewCall}>
        {t(words.next)} <kbd>Alt+N</kbd>
      </button>
      <AttachPhotos trackingCode={receipt.trackingCode} title={t(words.attach)} />
    </section>
  );
}

/** Issue #17: an urgent call goes on to the lead unit's duty desk (or the nearest unit above with one). */
function HandOver({ phone }: { phone: string | null }) {
  const { t } = useI18n();
  return (
    <div className="notice notice--error hand-over" role="note" data-testid="hand-over">
      <p>
        <strong>{t('ui.intake.hand_over')}</strong>
      </p>
      {phone ? (
        <p className="hand-over__phone">
          <a href={`tel:${phone}`} data-testid="duty-phone">
            {formatPhone(phone)}
          </a>
        </p>
      ) : (
        <p>{t('ui.intake.hand_over_none')}</p>
      )}
    </div>
  );
}
