import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { NATIONAL_HOTLINES } from '../shared/domain/places';
import { normalisePhone } from '../shared/phone';
import { PROJECT_ROOT } from './paths';

/** What README's "Configuration" table says of a setting; generated from here (`npm run config:docs`). */
export interface SettingDoc {
  /** The "meaning" column, for whoever deploys. */
  description: string;
  /** The "default" column, when the schema's own default does not say it (computed, or generated at start). */
  shownDefault?: string;
  /** Never printed in a configuration error (issue #15): the logs outlive the keys. */
  secret?: true;
}

export const settingDocs = z.registry<SettingDoc>();

/** One setting declared once: its schema (with its default) and its documentation. */
function setting<S extends z.ZodType>(description: string, schema: S, more: Omit<SettingDoc, 'description'> = {}): S {
  // A schema instance shared by two settings would carry only the last one's documentation.
  if (settingDocs.has(schema)) throw new Error(`one schema instance per setting: "${description}"`);
  settingDocs.add(schema, { description, ...more });
  return schema;
}

const flag = () =>
  z
    .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
    .optional()
    .transform((v) => v === '1' || v === 'true' || v === 'yes');

const positiveInt = z.coerce.number().int().positive();
const HEX_KEY = /^[0-9a-f]{64}$/i;

/** Enough for a dashboard to look lived-in (issue #7), few enough for a first start of seconds. */
const DEFAULT_DEMO_REPORTS = 200;

const hotlineLines = z
  .string()
  .default(NATIONAL_HOTLINES.join(','))
  .transform((value, ctx) => {
    const lines = value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry) => {
        const [number = '', provinceCode] = entry.split('=').map((part) => part.trim());
        const normalised = normalisePhone(number);
        if (!normalised || (provinceCode !== undefined && !/^\d{2}$/.test(provinceCode))) {
          ctx.addIssue({
            code: 'custom',
            message: `"${entry}" is not a phone number, optionally followed by =<2-digit province code>`,
          });
        }
        return { number: normalised ?? number, provinceCode: provinceCode ?? null };
      });
    if (lines.length === 0) ctx.addIssue({ code: 'custom', message: 'at least one line' });
    return lines;
  });

/**
 * Every setting the server reads, each declared once: schema, default, and the README's description.
 * This is the only reader of process.env; README "Configuration" is generated from it.
 */
const envSchema = z.object({
  NODE_ENV: setting(
    '`production` disables demo data',
    z.enum(['development', 'production', 'test']).default('development'),
  ),
  HOST: setting('interface to listen on (`0.0.0.0` in a container)', z.string().min(1).default('127.0.0.1')),
  PORT: setting('port to listen on', z.coerce.number().int().min(0).max(65535).default(3000)),
  PUBLIC_URL: setting(
    'the address people use; printed at start, used in links and the OpenAPI document',
    z.url({ protocol: /^https?$/ }).optional(),
    { shownDefault: '`http://HOST:PORT`' },
  ),
  DATABASE_URL: setting(
    'unset: embedded PGlite in `DATA_DIR`; set (`postgres://…`): a PostgreSQL server',
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  DATABASE_POOL_SIZE: setting('connections to the server (1–100)', positiveInt.max(100).default(10)),
  DATA_DIR: setting('embedded database files and generated keys', z.string().min(1).default('./data')),
  UPLOAD_DIR: setting(
    'photos: `incoming/` (uploads being read), `pending/` (re-encoded, report not yet committed), `photos/` (stored; served to staff only, never as static files)',
    z.string().min(1).default('./uploads'),
  ),
  // STACK.md: sharp uses one core per image; more photos at once only add latency.
  PHOTO_CONCURRENCY: setting(
    'photos re-encoded at once (at most 16); sharp takes one core per photo, so set it to the number of cores',
    positiveInt.max(16).default(2),
  ),
  PHOTO_QUEUE_MAX: setting(
    'photos allowed to wait for a slot; past it a submission gets `503` with `Retry-After`',
    positiveInt.default(24),
  ),
  STAFF_SESSION_IDLE_MINUTES: setting(
    'a staff session ends after this long without a request',
    positiveInt.default(30),
  ),
  STAFF_SESSION_MAX_HOURS: setting('a staff session ends after this long however busy', positiveInt.default(12)),
  SIGN_IN_MAX_FAILURES: setting('failed sign-ins in a row that lock an account', positiveInt.default(5)),
  SIGN_IN_LOCK_MINUTES: setting('how long a locked account stays locked', positiveInt.default(15)),
  RATE_LIMIT_SIGN_IN_MAX: setting(
    'sign-in attempts (and own-password changes) per window and client',
    positiveInt.default(10),
  ),
  HOTLINE_LINES: setting(
    "the lines the intake console offers, comma-separated, any Vietnamese format; `number=NN` marks province NN's own line, e.g. `0981389389,0206.389.389=04`",
    hotlineLines,
    { shownDefault: `\`${NATIONAL_HOTLINES.join(',')}\` (the national lines)` },
  ),
  // Issue #18: a report entered at a desk names when it was received; its clocks start then.
  DESK_RECEIPT_MAX_DAYS: setting(
    'how far back a report entered at a desk (walk-in, letter, e-mail, Zalo) may say it was received, in days',
    positiveInt.max(365).default(30),
  ),
  // STACK.md: HSTS and upgrade-insecure-requests break plain-http LAN deployments.
  HTTPS: setting(
    '`1` behind HTTPS: sends HSTS and `upgrade-insecure-requests` (they break plain-http LAN use)',
    flag(),
  ),
  TRUST_PROXY_HOPS: setting(
    'reverse proxies in front whose `X-Forwarded-For` is trusted (0–10)',
    z.coerce.number().int().min(0).max(10).default(0),
  ),
  RATE_LIMIT_DISABLED: setting(
    '`1` turns every rate limit off (load tests, scripted demos); logged as a warning',
    flag(),
  ),
  // Issue #19: counters shared by every process (rate limits, failure guards); unset, each process counts alone.
  REDIS_URL: setting(
    'issue #19: a Redis server (`redis://host:6379/0`, `rediss://…`) where every process keeps the rate limits and the wrong-secret and unknown-username guards, so n processes allow what one does; unset: each process counts in its own memory. If Redis goes away, each process counts in memory until it is back (one warning logged)',
    z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
    { secret: true },
  ),
  RATE_LIMIT_WINDOW_SECONDS: setting('window of the rate limits', positiveInt.default(60)),
  RATE_LIMIT_PUBLIC_MAX: setting('requests per window and client on `/api/public`', positiveInt.default(120)),
  RATE_LIMIT_REPORTS_MAX: setting('report submissions per window and client', positiveInt.default(10)),
  RATE_LIMIT_TRACKING_MAX: setting(
    'receipt look-ups per window and client (SPEC §6: against guessing)',
    positiveInt.default(20),
  ),
  ACCEPT_WITHIN_HOURS: setting('SPEC §5 acceptance deadline', positiveInt.default(24)),
  ACCEPT_WITHIN_HOURS_REMOTE: setting(
    'SPEC §5 acceptance deadline in remote or island communes',
    positiveInt.default(48),
  ),
  URGENT_ACCEPT_MINUTES: setting(
    'issue #17: acceptance deadline of a report marked urgent ("Việc đang diễn ra, cần xử lý ngay"), in calendar minutes, instead of the 24/48 hours',
    positiveInt.default(120),
  ),
  RESOLVE_WITHIN_DAYS: setting(
    'SPEC §5 resolution deadline, in **calendar days** from receipt (BLTTHS 2015 Điều 147; the end of the last day, Vietnam time); reports received before issue #18 keep their deadline counted in working days',
    positiveInt.default(20),
  ),
  EXTENSION_MAX_DAYS: setting(
    'SPEC §5 first extension: the latest resolution deadline, in calendar days from receipt',
    positiveInt.default(60),
  ),
  SECOND_EXTENSION_MAX_DAYS: setting(
    'SPEC §5 second (last) extension: calendar days past the first extended deadline',
    positiveInt.default(60),
  ),
  DUE_SOON_HOURS: setting('when a deadline counts as "due soon"', positiveInt.default(24)),
  SMTP_URL: setting(
    'the mail server alerts are sent through (`smtp://user:password@host:587`, `smtps://…:465`); unset: alerts in the staff pages only (said once in the log)',
    z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    { secret: true },
  ),
  MAIL_FROM: setting(
    'the sender of alert e-mails',
    z.string().min(3).max(200).default('Tipline 389 <no-reply@localhost>'),
  ),
  ESCALATE_NATIONAL_HOURS: setting(
    'a report not accepted in time is escalated to its province coordinator; still not accepted this many hours later, to the national coordinators',
    positiveInt.default(24),
  ),
  NEEDS_INFO_MAX_DAYS: setting(
    "days after a question to the reporter without an answer from which the lead unit may go on without it; such reports also appear on the coordinators' list",
    positiveInt.default(10),
  ),
  JOBS_POLL_SECONDS: setting(
    'how often each server process asks the database for background jobs (deadline sweep, alerts); 0.5–60',
    z.coerce.number().min(0.5).max(60).default(2),
  ),
  CONTACT_ENCRYPTION_KEY: setting(
    "64 hex characters; seals reporters' contacts and callers' numbers (AES-256-GCM). Embedded mode generates it, and `SESSION_SECRET`, into `DATA_DIR/secrets.json` (mode 0600) on first start and reuses them; back that file up with the data. Required in production with `DATABASE_URL`.",
    z.string().regex(HEX_KEY, 'must be 64 hex characters').optional(),
    { shownDefault: 'generated', secret: true },
  ),
  CONTACT_ENCRYPTION_KEY_FILE: setting(
    'instead of `CONTACT_ENCRYPTION_KEY` (not both): a file holding it, outside `DATA_DIR`, readable by its owner (and at most its group) only, so the key is kept and backed up apart from the data; the rules: [deploy.md](docs/deploy.md#keys-apart-from-the-data)',
    z.string().min(1).optional(),
  ),
  SESSION_SECRET: setting(
    '64 hex characters; keys (HMAC-SHA256, `server/auth/keyed-hash.ts`) the stored hashes of session tokens and of unknown usernames typed at sign-in; changing it signs every staff member out. Generated and required like `CONTACT_ENCRYPTION_KEY`.',
    z.string().regex(HEX_KEY, 'must be 64 hex characters').optional(),
    { shownDefault: 'generated', secret: true },
  ),
  DEMO_DATA: setting(
    '`0` starts without demo units and accounts; refused with `NODE_ENV=production`',
    z
      .enum(['0', '1', 'true', 'false', 'yes', 'no'])
      .optional()
      .transform((v) => (v === undefined ? undefined : v === '1' || v === 'true' || v === 'yes')),
    { shownDefault: 'on outside production' },
  ),
  DEMO_PASSWORD: setting(
    'one password for every demo account instead of random ones (scripted demos and tests); at least 8 characters',
    z.string().min(8).optional(),
    { shownDefault: 'random', secret: true },
  ),
  DEMO_REPORTS: setting(
    'sample reports over the last twelve months, handled at every stage, loaded with the demo units on the first start (0–5,000; `0` loads none); refused with `NODE_ENV=production`',
    z.coerce.number().int().min(0).max(5000).optional(),
    { shownDefault: `\`${DEFAULT_DEMO_REPORTS}\` with demo data` },
  ),
  LOG_LEVEL: setting(
    '`fatal` … `trace`, `silent`',
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  SHUTDOWN_GRACE_SECONDS: setting(
    'on SIGTERM/SIGINT: /readyz answers 503, stop accepting, wait this long for requests in flight (then cut them), close the database',
    positiveInt.default(10),
  ),
});

type Env = z.infer<typeof envSchema>;

/** The settings in the order README lists them, for its generated table (`server/config-docs.ts`). */
export const settingSchemas: Readonly<Record<string, z.ZodType>> = envSchema.shape;

/** Variables whose values a configuration error never prints. */
const SECRET_VARIABLES = new Set(
  Object.entries(settingSchemas)
    .filter(([, schema]) => settingDocs.get(schema)?.secret)
    .map(([name]) => name),
);

/** What an error may say a variable held: nothing of a secret, a database URL without its password. */
function shownValue(key: string, value: string | undefined): string {
  if (SECRET_VARIABLES.has(key)) return '';
  if (key === 'DATABASE_URL' && value) {
    // By pattern, not with URL(): a malformed URL would otherwise be shown whole, password included.
    const masked = value
      .replace(/^([a-z][a-z0-9+.-]*:\/\/[^/:@]*:).*@/i, '$1***@')
      .replace(/(password=)[^&]*/gi, '$1***');
    return ` (got ${JSON.stringify(masked)})`;
  }
  return ` (got ${JSON.stringify(value ?? '')})`;
}

export type Config = ReturnType<typeof configFrom>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; a wrong value throws a ConfigError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const blanksRemoved = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in envSchema.shape && value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '');
        return `${key}: ${issue.message}${shownValue(key, env[key])}`;
      }),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(PROJECT_ROOT, e.DATA_DIR);
  const contactEncryptionKey = e.CONTACT_ENCRYPTION_KEY_FILE ? readKeyFile(e, dataDir) : e.CONTACT_ENCRYPTION_KEY;
  refuseInProduction(e, contactEncryptionKey);
  return configFrom(e, dataDir, contactEncryptionKey);
}

function refuseInProduction(e: Env, contactEncryptionKey: string | undefined): void {
  if (e.NODE_ENV !== 'production') return;
  if (e.DATABASE_URL && (!contactEncryptionKey || !e.SESSION_SECRET)) {
    throw new ConfigError([
      'CONTACT_ENCRYPTION_KEY (or CONTACT_ENCRYPTION_KEY_FILE), SESSION_SECRET: required in production with DATABASE_URL (keys are only generated for the embedded database)',
    ]);
  }
  if (e.DEMO_DATA) {
    throw new ConfigError(['DEMO_DATA: demo units and accounts are never loaded in production (NODE_ENV=production)']);
  }
  if (e.DEMO_REPORTS) {
    throw new ConfigError(['DEMO_REPORTS: sample reports are never loaded in production (NODE_ENV=production)']);
  }
}

/** The settings grouped as the server uses them, times in milliseconds; the `Config` type is inferred from here. */
function configFrom(e: Env, dataDir: string, contactEncryptionKey: string | undefined) {
  const demoEnabled = e.NODE_ENV !== 'production' && (e.DEMO_DATA ?? true);
  const displayHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  return {
    env: e.NODE_ENV,
    http: {
      host: e.HOST,
      port: e.PORT,
      publicUrl: (e.PUBLIC_URL ?? `http://${displayHost}:${e.PORT}`).replace(/\/$/, ''),
      https: e.HTTPS,
      trustProxyHops: e.TRUST_PROXY_HOPS,
      shutdownGraceMs: e.SHUTDOWN_GRACE_SECONDS * 1000,
    },
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE, dataDir },
    paths: { dataDir, uploadDir: path.resolve(PROJECT_ROOT, e.UPLOAD_DIR) },
    photos: { concurrency: e.PHOTO_CONCURRENCY, queueMax: e.PHOTO_QUEUE_MAX },
    staff: {
      idleMs: e.STAFF_SESSION_IDLE_MINUTES * 60_000,
      maxAgeMs: e.STAFF_SESSION_MAX_HOURS * 3_600_000,
      maxFailures: e.SIGN_IN_MAX_FAILURES,
      lockMs: e.SIGN_IN_LOCK_MINUTES * 60_000,
    },
    /** Issue #19: shared counters; `url` undefined → memory per process. */
    redis: { url: e.REDIS_URL },
    rateLimit: {
      disabled: e.RATE_LIMIT_DISABLED,
      windowMs: e.RATE_LIMIT_WINDOW_SECONDS * 1000,
      publicMax: e.RATE_LIMIT_PUBLIC_MAX,
      reportsMax: e.RATE_LIMIT_REPORTS_MAX,
      trackingMax: e.RATE_LIMIT_TRACKING_MAX,
      signInMax: e.RATE_LIMIT_SIGN_IN_MAX,
    },
    deadlines: {
      acceptWithinHours: e.ACCEPT_WITHIN_HOURS,
      acceptWithinHoursRemote: e.ACCEPT_WITHIN_HOURS_REMOTE,
      urgentAcceptMinutes: e.URGENT_ACCEPT_MINUTES,
      resolveWithinDays: e.RESOLVE_WITHIN_DAYS,
      extensionMaxDays: e.EXTENSION_MAX_DAYS,
      secondExtensionMaxDays: e.SECOND_EXTENSION_MAX_DAYS,
      dueSoonHours: e.DUE_SOON_HOURS,
      escalateNationalHours: e.ESCALATE_NATIONAL_HOURS,
      needsInfoMaxDays: e.NEEDS_INFO_MAX_DAYS,
    },
    /** Issue #17: alert e-mails; `smtpUrl` undefined → in-app alerts only. */
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    jobs: { pollSeconds: e.JOBS_POLL_SECONDS },
    secrets: { contactEncryptionKey, sessionSecret: e.SESSION_SECRET },
    demo: {
      enabled: demoEnabled,
      password: e.DEMO_PASSWORD,
      /** How many sample reports the first start loads (0 when demo data is off). */
      reports: demoEnabled ? (e.DEMO_REPORTS ?? DEFAULT_DEMO_REPORTS) : 0,
    },
    /** The lines calls come in on (intake console); provinceCode null for a national line. */
    hotlineLines: e.HOTLINE_LINES,
    /** Issue #18: the oldest receipt time a desk entry may give, in days before now. */
    deskReceiptMaxDays: e.DESK_RECEIPT_MAX_DAYS,
    logLevel: e.LOG_LEVEL,
  };
}

/**
 * CONTACT_ENCRYPTION_KEY_FILE (issue #15): the key kept apart from the data it encrypts, so a copy of
 * DATA_DIR or of its backups alone does not open the contacts. Errors name the file, never its content.
 */
function readKeyFile(e: Env, dataDir: string): string {
  const name = 'CONTACT_ENCRYPTION_KEY_FILE';
  if (e.CONTACT_ENCRYPTION_KEY) throw new ConfigError([`CONTACT_ENCRYPTION_KEY, ${name}: set one of them, not both`]);
  const file = path.resolve(PROJECT_ROOT, e.CONTACT_ENCRYPTION_KEY_FILE ?? '');
  const relative = path.relative(dataDir, file);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
    throw new ConfigError([`${name}: ${file} is inside DATA_DIR; keep the key apart from the data and its backups`]);
  }
  let mode: number;
  let content: string;
  try {
    mode = statSync(file).mode & 0o777;
    content = readFileSync(file, 'utf8').trim();
  } catch (err) {
    throw new ConfigError([`${name}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  // Group-readable is allowed (a secrets mount shared with a group); anything more is not.
  if ((mode & 0o027) !== 0) {
    throw new ConfigError([
      `${name}: ${file} has mode 0${mode.toString(8)}; others may read or change it (chmod 600, or 640 for a group)`,
    ]);
  }
  if (!HEX_KEY.test(content))
    throw new ConfigError([`${name}: ${file} must hold 64 hex characters (openssl rand -hex 32)`]);
  return content;
}
