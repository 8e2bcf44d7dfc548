import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { NATIONAL_HOTLINES } from '../shared/domain/places';
import { normalisePhone } from '../shared/phone';
import { PROJECT_ROOT } from './paths';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const positiveInt = z.coerce.number().int().positive();
const HEX_KEY = /^[0-9a-f]{64}$/i;

/** Variables whose values a configuration error never prints (issue #15): the logs outlive the keys. */
const SECRET_VARIABLES = new Set(['CONTACT_ENCRYPTION_KEY', 'SESSION_SECRET', 'DEMO_PASSWORD']);

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

/** Enough for a dashboard to look lived-in (issue #7), few enough for a first start of seconds. */
const DEFAULT_DEMO_REPORTS = 200;

/**
 * Every setting the server reads, with its default. This is the only reader of process.env;
 * docs: README "Configuration", which lists the same keys.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Interface to listen on; 0.0.0.0 in a container. */
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Absent: embedded PGlite in DATA_DIR. Present: a PostgreSQL server (postgres:// URL). */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: positiveInt.max(100).default(10),
  /** Embedded database files and the generated secret keys. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Stored photos (random names, metadata removed). */
  UPLOAD_DIR: z.string().min(1).default('./uploads'),
  /** The address citizens use, printed at start and used in links; defaults to http://HOST:PORT. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Send HSTS and upgrade-insecure-requests: only behind HTTPS (STACK.md: breaks plain-http LAN deployments). */
  HTTPS: flag,
  /** Trust X-Forwarded-* from this many proxies in front (0 = none). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Turns every rate limit off, for load tests and scripted demos; logged as a warning. */
  RATE_LIMIT_DISABLED: flag,
  RATE_LIMIT_WINDOW_SECONDS: positiveInt.default(60),
  /** Requests per window and client on /api/public. */
  RATE_LIMIT_PUBLIC_MAX: positiveInt.default(120),
  /** Report submissions per window and client. */
  RATE_LIMIT_REPORTS_MAX: positiveInt.default(10),
  /** Receipt look-ups per window and client (SPEC.md §6: against guessing). */
  RATE_LIMIT_TRACKING_MAX: positiveInt.default(20),
  /** STACK.md: sharp uses one core per image; more photos at once only add latency. */
  PHOTO_CONCURRENCY: positiveInt.max(16).default(2),
  /** Photos allowed to wait for a slot; past this, submissions get 503 with Retry-After. */
  PHOTO_QUEUE_MAX: positiveInt.default(24),
  /** Staff sessions end after this long without a request, and in any case after STAFF_SESSION_MAX_HOURS. */
  STAFF_SESSION_IDLE_MINUTES: positiveInt.default(30),
  STAFF_SESSION_MAX_HOURS: positiveInt.default(12),
  /** Consecutive failed sign-ins that lock an account, and for how long. */
  SIGN_IN_MAX_FAILURES: positiveInt.default(5),
  SIGN_IN_LOCK_MINUTES: positiveInt.default(15),
  /** Sign-in attempts per window and client. */
  RATE_LIMIT_SIGN_IN_MAX: positiveInt.default(10),
  /** SPEC.md §5: accept within 24 hours (48 for remote or island communes). */
  ACCEPT_WITHIN_HOURS: positiveInt.default(24),
  ACCEPT_WITHIN_HOURS_REMOTE: positiveInt.default(48),
  /** SPEC.md §5: resolve within 20 days, extendable to 2 months, then once more by up to 2 months. */
  RESOLVE_WITHIN_DAYS: positiveInt.default(20),
  EXTENSION_MAX_DAYS: positiveInt.default(60),
  SECOND_EXTENSION_MAX_DAYS: positiveInt.default(60),
  /** Reports due within this many hours are flagged "due soon". */
  DUE_SOON_HOURS: positiveInt.default(24),
  /** 64 hex characters (32 bytes) each; required with DATABASE_URL, generated into DATA_DIR otherwise. */
  CONTACT_ENCRYPTION_KEY: z.string().regex(HEX_KEY, 'must be 64 hex characters').optional(),
  /**
   * The same key read from a file kept apart from DATA_DIR and its backups (issue #15); not together
   * with CONTACT_ENCRYPTION_KEY. Readable by its owner (and at most its group) only.
   */
  CONTACT_ENCRYPTION_KEY_FILE: z.string().min(1).optional(),
  /** Keys the hashes of session tokens and of unknown usernames in the audit log (auth/keyed-hash.ts). */
  SESSION_SECRET: z.string().regex(HEX_KEY, 'must be 64 hex characters').optional(),
  /** Sets every demo staff password instead of random ones (scripted demos and tests). */
  DEMO_PASSWORD: z.string().min(8).optional(),
  /** Load demo units and staff into an empty database; default on outside production, refused in it. */
  DEMO_DATA: z
    .enum(['0', '1', 'true', 'false', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === '1' || v === 'true' || v === 'yes')),
  /**
   * Sample reports over the last twelve months, handled at every stage, loaded with the demo units on
   * the first start (issue #7); 0 loads none. Absent: 200. Refused in production, like DEMO_DATA.
   */
  DEMO_REPORTS: z.coerce.number().int().min(0).max(5000).optional(),
  /**
   * The lines the intake console offers, comma-separated; `number=NN` marks a province's own line.
   * Default: the two national 389 lines.
   */
  HOTLINE_LINES: z
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
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seconds to wait for in-flight requests on SIGTERM before closing anyway. */
  SHUTDOWN_GRACE_SECONDS: positiveInt.default(10),
});

type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  http: {
    host: string;
    port: number;
    publicUrl: string;
    https: boolean;
    trustProxyHops: number;
    shutdownGraceMs: number;
  };
  database: { url: string | undefined; poolSize: number; dataDir: string };
  paths: { dataDir: string; uploadDir: string };
  photos: { concurrency: number; queueMax: number };
  staff: { idleMs: number; maxAgeMs: number; maxFailures: number; lockMs: number };
  rateLimit: {
    disabled: boolean;
    windowMs: number;
    publicMax: number;
    reportsMax: number;
    trackingMax: number;
    signInMax: number;
  };
  deadlines: {
    acceptWithinHours: number;
    acceptWithinHoursRemote: number;
    resolveWithinDays: number;
    extensionMaxDays: number;
    secondExtensionMaxDays: number;
    dueSoonHours: number;
  };
  secrets: { contactEncryptionKey: string | undefined; sessionSecret: string | undefined };
  /** `reports`: how many sample reports the first start loads (0 when demo data is off). */
  demo: { enabled: boolean; password: string | undefined; reports: number };
  /** The lines calls come in on (intake console); provinceCode null for a national line. */
  hotlineLines: { number: string; provinceCode: string | null }[];
  logLevel: Env['LOG_LEVEL'];
}

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
  if (e.NODE_ENV === 'production' && e.DATABASE_URL && (!contactEncryptionKey || !e.SESSION_SECRET)) {
    throw new ConfigError([
      'CONTACT_ENCRYPTION_KEY (or CONTACT_ENCRYPTION_KEY_FILE), SESSION_SECRET: required in production with DATABASE_URL (keys are only generated for the embedded database)',
    ]);
  }
  if (e.NODE_ENV === 'production' && e.DEMO_DATA) {
    throw new ConfigError(['DEMO_DATA: demo units and accounts are never loaded in production (NODE_ENV=production)']);
  }
  if (e.NODE_ENV === 'production' && e.DEMO_REPORTS) {
    throw new ConfigError(['DEMO_REPORTS: sample reports are never loaded in production (NODE_ENV=production)']);
  }
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
      resolveWithinDays: e.RESOLVE_WITHIN_DAYS,
      extensionMaxDays: e.EXTENSION_MAX_DAYS,
      secondExtensionMaxDays: e.SECOND_EXTENSION_MAX_DAYS,
      dueSoonHours: e.DUE_SOON_HOURS,
    },
    secrets: { contactEncryptionKey, sessionSecret: e.SESSION_SECRET },
    demo: {
      enabled: demoEnabled,
      password: e.DEMO_PASSWORD,
      reports: demoEnabled ? (e.DEMO_REPORTS ?? DEFAULT_DEMO_REPORTS) : 0,
    },
    hotlineLines: e.HOTLINE_LINES,
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
