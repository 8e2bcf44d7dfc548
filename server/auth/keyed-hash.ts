import { createHmac } from 'node:crypto';

/**
 * HMAC-SHA256 under SESSION_SECRET (issue #15: the secret had no use). A value stored this way cannot be
 * read back, nor found by hashing guesses without the key; `purpose` keeps the uses apart.
 */
export function keyedHash(
  secretHex: string,
  purpose: 'session-token' | 'audit-username' | 'receipt-secret' | 'rate-limit',
  value: string,
): string {
  return createHmac('sha256', Buffer.from(secretHex, 'hex')).update(`${purpose}\0${value}`).digest('base64url');
}
