import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Config } from './config';

const SECRETS_FILE = 'secrets.json';

const secretsSchema = z.object({
  contactEncryptionKey: z.string().regex(/^[0-9a-f]{64}$/),
  sessionSecret: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Secrets = z.infer<typeof secretsSchema>;

const newKey = () => randomBytes(32).toString('hex');

/**
 * Keys from the environment when set; otherwise generated once into DATA_DIR/secrets.json
 * (mode 0600) and read back on every later start, so encrypted contacts stay readable.
 */
export function ensureSecrets(config: Config): Secrets & { generated: boolean; file?: string } {
  const fromEnv = config.secrets;
  if (fromEnv.contactEncryptionKey && fromEnv.sessionSecret) {
    return {
      contactEncryptionKey: fromEnv.contactEncryptionKey.toLowerCase(),
      sessionSecret: fromEnv.sessionSecret.toLowerCase(),
      generated: false,
    };
  }
  const file = path.join(config.paths.dataDir, SECRETS_FILE);
  mkdirSync(config.paths.dataDir, { recursive: true, mode: 0o700 });
  let stored: Secrets;
  let generated = false;
  try {
    stored = secretsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`${file} is unreadable or damaged; restore it from backup (encrypted data depends on it)`, {
        cause: err,
      });
    }
    stored = { contactEncryptionKey: newKey(), sessionSecret: newKey() };
    // 'wx' fails if another process created the file meanwhile instead of overwriting its keys.
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    generated = true;
  }
  return {
    contactEncryptionKey: fromEnv.contactEncryptionKey?.toLowerCase() ?? stored.contactEncryptionKey,
    sessionSecret: fromEnv.sessionSecret?.toLowerCase() ?? stored.sessionSecret,
    generated,
    file,
  };
}
