import { isMessageKey } from '../../shared/i18n/translate';
import { ApiError } from '../lib/api';
import type { Translate } from '../lib/i18n';

/**
 * The sentence to show for a failed request. Known codes are translated here, so the text
 * follows a language switch made after the error arrived; otherwise the server's own message.
 */
export function apiErrorMessage(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return t('ui.error.unexpected');
  if (error.code === 'network') return t('ui.error.network');
  if (error.code === 'unexpected_response') return t('ui.error.unexpected');
  const key = `error.${error.code}`;
  return isMessageKey(key) ? t(key) : error.message;
}
