import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Request } from 'express';
import { and, eq, isNull, lte } from 'drizzle-orm';
import type { AppDeps } from '../deps';
import { AppError, fieldIssue, validationFailed } from '../http/errors';
import { loggableError } from '../logger';
import { idempotencyKeysTable } from './idempotency.table';

/** Issue #14: a key answers the same for 24 hours, then is forgotten. */
const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** A claim older than this without an answer was left by a crashed process: the next request takes it over. */
const ABANDONED_MS = 2 * 60_000;
/** Expired keys are deleted at most this often, by whichever request comes along. */
const SWEEP_EVERY_MS = 60_000;
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const keyReused = () => new AppError('idempotency.key_reused', 422, { header: IDEMPOTENCY_HEADER });
const stillRunning = () =>
  new AppError('idempotency.in_progress', 409, { header: IDEMPOTENCY_HEADER }, [], { 'Retry-After': '2' });

export interface Answer {
  status: number;
  body: unknown;
}

/** The request's `Idempotency-Key`, a UUID, or undefined when none was sent. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const value = req.get(IDEMPOTENCY_HEADER);
  if (value === undefined || value === '') return undefined;
  if (!UUID.test(value.trim())) throw validationFailed([fieldIssue([IDEMPOTENCY_HEADER], 'invalid_format')]);
  return value.trim().toLowerCase();
}

const fileDigest = (file: string) =>
  new Promise<string>((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('base64url')));
  });

// Keys in code-unit order, as `Array.prototype.sort` orders strings by default.
const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  const entries: [string, unknown][] = Object.entries(value);
  return `{${entries
    .sort(byKey)
    .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
    .join(',')}}`;
};

/** What makes two requests "the same": the route's own part (a tracking code), the body's fields in any order, and the files' bytes. */
export async function requestFingerprint(req: Request, ...parts: string[]): Promise<string> {
  const files = Array.isArray(req.files) ? req.files : req.file ? [req.file] : [];
  const digests = await Promise.all(files.map((f) => fileDigest(f.path)));
  return canonical({
    parts,
    body: (req.body as unknown) ?? null,
    files: files.map((f, i) => ({ field: f.fieldname, sha256: digests[i] })),
  });
}

// The answer is sealed with a key only the sender holds: HKDF of the raw idempotency key.
const answerKey = (key: string, scope: string) =>
  Buffer.from(hkdfSync('sha256', key, 'tipline-idempotency', scope, 32));

function seal(answer: Answer, key: string, scope: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', answerKey(key, scope), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(answer.body), 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

function unseal(sealed: string, key: string, scope: string): unknown {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !body) throw new Error('unknown idempotency answer format');
  const decipher = createDecipheriv('aes-256-gcm', answerKey(key, scope), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return JSON.parse(
    Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8'),
  );
}

/** Deletes every key older than 24 hours; returns how many. */
async function deleteExpiredKeys(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<number> {
  const gone = await deps.db
    .delete(idempotencyKeysTable)
    .where(lte(idempotencyKeysTable.expiresAt, deps.clock.now()))
    .returning({ keyHash: idempotencyKeysTable.keyHash });
  return gone.length;
}

/**
 * The server's periodic sweep (main.ts): keys are forgotten within `everyMs` of their 24 hours even
 * when no request comes along to sweep them. Returns the function that stops it.
 */
export function startKeySweep(deps: Pick<AppDeps, 'db' | 'clock' | 'logger'>, everyMs = 10 * 60_000): () => void {
  const timer = setInterval(() => {
    deleteExpiredKeys(deps).catch((err: unknown) =>
      deps.logger.warn({ err: loggableError(err) }, 'idempotency key sweep failed; the next one tries again'),
    );
  }, everyMs).unref();
  return () => clearInterval(timer);
}

/**
 * Issue #14, "nothing sent twice". `run` answers a request once per key: the first request claims the
 * key and does the work; the same key and request within 24 h gets the first answer again and
 * nothing is done; the same key with another request is refused (422), and while the first is
 * still running the second is told to retry (409, Retry-After). A failed first request (a 4xx, a
 * crash) leaves no claim, so the sender can correct it and send again with the same key.
 * Nothing stored links a key to a report or a sender (see idempotency.table.ts).
 */
export function createIdempotency(deps: Pick<AppDeps, 'db' | 'clock' | 'logger'>) {
  let sweptAt = 0;

  async function sweep(now: Date): Promise<void> {
    if (now.getTime() - sweptAt < SWEEP_EVERY_MS) return;
    sweptAt = now.getTime();
    await deleteExpiredKeys(deps);
  }

  /** Claims the key for this request, or says what the earlier request with that key left. */
  async function claim(
    keyHash: string,
    requestHash: string,
    now: Date,
  ): Promise<{ claimed: true } | { claimed: false; status: number; sealed: string }> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const inserted = await deps.db
        .insert(idempotencyKeysTable)
        .values({ keyHash, requestHash, createdAt: now, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) })
        .onConflictDoNothing()
        .returning({ keyHash: idempotencyKeysTable.keyHash });
      if (inserted.length > 0) return { claimed: true };
      const [row] = await deps.db.select().from(idempotencyKeysTable).where(eq(idempotencyKeysTable.keyHash, keyHash));
      if (!row) continue; // deleted in between: claim again
      if (row.expiresAt.getTime() <= now.getTime()) {
        // Forgotten: a key older than 24 h counts as new (the check on read; the sweep may not have run yet).
        await deps.db
          .delete(idempotencyKeysTable)
          .where(and(eq(idempotencyKeysTable.keyHash, keyHash), lte(idempotencyKeysTable.expiresAt, now)));
        continue;
      }
      if (row.requestHash !== requestHash) throw keyReused();
      if (row.status !== null && row.responseSealed !== null)
        return { claimed: false, status: row.status, sealed: row.responseSealed };
      if (now.getTime() - row.createdAt.getTime() < ABANDONED_MS) throw stillRunning();
      const taken = await deps.db
        .update(idempotencyKeysTable)
        .set({ createdAt: now })
        .where(
          and(
            eq(idempotencyKeysTable.keyHash, keyHash),
            isNull(idempotencyKeysTable.status),
            eq(idempotencyKeysTable.createdAt, row.createdAt),
          ),
        )
        .returning({ keyHash: idempotencyKeysTable.keyHash });
      if (taken.length > 0) return { claimed: true };
      throw stillRunning();
    }
    throw stillRunning();
  }

  return {
    /** `fingerprint` is read only when a key came: it hashes the uploaded files, which old clients need not pay for. */
    async run(
      request: { scope: string; key: string | undefined; fingerprint: () => Promise<string> },
      work: () => Promise<Answer>,
    ): Promise<Answer> {
      const { scope, key } = request;
      if (key === undefined) return work();
      const now = deps.clock.now();
      await sweep(now);
      const keyHash = createHash('sha256').update(`${scope}\n${key}`).digest('base64url');
      const requestHash = createHmac('sha256', key)
        .update(`${scope}\n${await request.fingerprint()}`)
        .digest('base64url');
      const found = await claim(keyHash, requestHash, now);
      if (!found.claimed) return { status: found.status, body: unseal(found.sealed, key, scope) };
      let answer: Answer;
      try {
        answer = await work();
      } catch (err) {
        await deps.db
          .delete(idempotencyKeysTable)
          .where(and(eq(idempotencyKeysTable.keyHash, keyHash), isNull(idempotencyKeysTable.status)));
        throw err;
      }
      try {
        await deps.db
          .update(idempotencyKeysTable)
          .set({ status: answer.status, responseSealed: seal(answer, key, scope) })
          .where(eq(idempotencyKeysTable.keyHash, keyHash));
      } catch (err) {
        // The work is done and committed: its answer goes out. A repeat within 2 minutes is told to
        // wait; after that it would be done again (docs/notes.md, session 5).
        deps.logger.error({ err: loggableError(err) }, 'idempotency answer not stored');
      }
      return answer;
    },
  };
}
