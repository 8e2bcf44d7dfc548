import type { AlertKind } from '../../shared/domain/alerts';
import { formatDate, formatDateTime } from '../../shared/i18n/format';
import { t, type Language } from '../../shared/i18n/translate';
import { isMessageKey } from '../../shared/i18n/translate';

/**
 * What an alert e-mail may say of a report (issue #17): enough to find and open it. Never the reporter's
 * contact, never the description, nor the address or URL reported: a mailbox is read on phones and
 * forwarded.
 */
export interface MailFacts {
  trackingCode: string;
  category: string;
  communeName: string | null;
  provinceName: string;
  dueAt: Date | null;
  /** Issue #17: "the goods cross tonight": the subject says so first. */
  urgent: boolean;
}

export interface Mail {
  subject: string;
  text: string;
}

const categoryLabel = (lang: Language, category: string) => {
  const key = `category.${category}`;
  return isMessageKey(key) ? t(lang, key) : category;
};

export const caseLink = (publicUrl: string, trackingCode: string) =>
  `${publicUrl}/staff/cases/${encodeURIComponent(trackingCode)}`;

/** The subject and text of one alert, Vietnamese by default. */
export function composeAlertMail(kind: AlertKind, facts: MailFacts, publicUrl: string, lang: Language = 'vi'): Mail {
  const place = facts.communeName ?? t(lang, 'mail.alert.online', { province: facts.provinceName });
  const facts_ = t(lang, 'mail.alert.facts', {
    code: facts.trackingCode,
    category: categoryLabel(lang, facts.category),
    place,
    due: facts.dueAt ? formatDateTime(facts.dueAt) : t(lang, 'mail.alert.no_due'),
    link: caseLink(publicUrl, facts.trackingCode),
  });
  return {
    subject: `${facts.urgent ? `[${t(lang, 'mail.alert.urgent')}] ` : ''}${t(lang, `mail.alert.subject.${kind}`, { code: facts.trackingCode })}`,
    text: [t(lang, `mail.alert.lead.${kind}`), '', facts_, '', t(lang, 'mail.alert.footer')].join('\n'),
  };
}

/** What a unit's daily digest counts (stored with the queued e-mail when the digest is made). */
export interface DigestFigures {
  unitName: string;
  open: number;
  dueSoon: number;
  overdue: number;
  newSinceYesterday: number;
  /** The first overdue codes, oldest deadline first. */
  overdueCodes: string[];
}

export function composeDigestMail(figures: DigestFigures, at: Date, publicUrl: string, lang: Language = 'vi'): Mail {
  const lines = [
    t(lang, 'mail.digest.body', {
      open: figures.open,
      dueSoon: figures.dueSoon,
      overdue: figures.overdue,
      new: figures.newSinceYesterday,
      link: `${publicUrl}/staff/cases`,
    }),
  ];
  if (figures.overdueCodes.length > 0)
    lines.push('', t(lang, 'mail.digest.overdue_codes', { codes: figures.overdueCodes.join(', ') }));
  lines.push('', t(lang, 'mail.alert.footer'));
  return {
    subject: t(lang, 'mail.digest.subject', { day: formatDate(at), unit: figures.unitName }),
    text: lines.join('\n'),
  };
}
