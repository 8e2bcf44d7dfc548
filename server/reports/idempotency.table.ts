import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Issue #14, "nothing sent twice": the first answer to an `Idempotency-Key`, kept 24 hours. Nothing
 * here points at a report or at whoever sent it: the key is stored as a hash, the request as an HMAC
 * keyed by the raw key, and the answer (a receipt holds its secret) sealed with a key derived from
 * the raw key, so the database alone can neither read it nor tie it to a report.
 */
export const idempotencyKeysTable = pgTable(
  'idempotency_keys',
  {
    /** SHA-256 of the route's scope and the raw key (base64url). */
    keyHash: text('key_hash').primaryKey(),
    /** HMAC-SHA-256, keyed by the raw key, of what was sent: the same key with another body is refused. */
    requestHash: text('request_hash').notNull(),
    /** Null while the first request is still running. */
    status: integer('status'),
    /** `v1.<iv>.<tag>.<ciphertext>` of the answer's JSON, AES-256-GCM under HKDF(raw key). */
    responseSealed: text('response_sealed'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('idempotency_keys_expires_idx').on(t.expiresAt)],
);
