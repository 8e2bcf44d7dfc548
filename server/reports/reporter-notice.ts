import { eq } from 'drizzle-orm';
import { LANGUAGES, type Language } from '../../shared/i18n/translate';
import type { Queryable } from '../db/types';
import { openContact } from './receipt';
import { reportsTable } from './reports.table';

/**
 * The mail's words, here rather than in shared/i18n: only the server sends them, and every text there is
 * shipped to each citizen page, whose budget is 170 KB.
 */
const NOTICE: Record<Language, { subject: string; body: (where: string) => string }> = {
  vi: {
    subject: 'Đường dây nóng 389: tin báo của bạn có thông tin mới',
    body: (where) =>
      [
        'Tin báo bạn đã gửi tới Đường dây nóng 389 có thông tin mới.',
        `Để xem, hãy mở trang Tra cứu tin báo${where} và nhập mã tra cứu cùng mã bí mật trên biên nhận của bạn.`,
        'Thư này không chứa mã của bạn. Chúng tôi không bao giờ hỏi mã bí mật qua thư hay điện thoại.',
        'Bạn nhận thư này vì đã yêu cầu được báo khi gửi tin báo.',
      ].join('\n\n'),
  },
  en: {
    subject: 'Hotline 389: there is news about your report',
    body: (where) =>
      [
        'There is news about the report you sent to Hotline 389.',
        `To read it, open the Track a report page${where} and enter the tracking code and secret key from your receipt.`,
        'This email does not contain your code. We never ask for your secret key by email or phone.',
        'You receive this email because you asked for it when you sent your report.',
      ].join('\n\n'),
  },
};

export interface ReporterNotice {
  /** The reporter's e-mail, opened from the sealed contact: for the envelope only, never logged. */
  to: string;
  language: Language;
  subject: string;
  text: string;
}

/**
 * Issue #17: the mail to a reporter who asked to be told when a question or a result arrives, or null when
 * they did not (or left no e-mail). It says only that there is news and to use the receipt: no tracking
 * code, no status, no question, no unit, nothing of the report. The code would tie whoever reads the
 * mailbox (a shared or watched one) to one report, and lets anyone who sees it lock the reporter's own
 * tracking with five wrong secrets; the reporter holds it on the receipt anyway. Called by the question
 * (`ask`) and the result (`resolve`), inside their transaction; the caller queues the mail.
 *
 * `trackUrl`, when the server knows its public address, is the tracking page the mail points to.
 */
export async function reporterNoticeFor(
  q: Queryable,
  reportId: string,
  { contactKey, trackUrl }: { contactKey: string; trackUrl?: string },
): Promise<ReporterNotice | null> {
  const [row] = await q
    .select({
      notice: reportsTable.reporterNotice,
      language: reportsTable.noticeLanguage,
      sealed: reportsTable.contactSealed,
    })
    .from(reportsTable)
    .where(eq(reportsTable.id, reportId));
  if (!row?.notice || !row.sealed) return null;
  const to = openContact(row.sealed, contactKey).email;
  if (!to) return null;
  const language = LANGUAGES.find((l) => l === row.language) ?? 'vi';
  return {
    to,
    language,
    subject: NOTICE[language].subject,
    text: NOTICE[language].body(trackUrl ? ` (${trackUrl})` : ''),
  };
}
