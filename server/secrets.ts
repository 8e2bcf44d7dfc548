import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Config } from './config';

const SECRETS_FILE = 'secrets.json';

const secretsSchema = z.object({
  // Absent once the key is given apart from the data (CONTACT_ENCRYPTION_KEY_FILE, issue #15).
  contactEncryptionKey: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  sessionSecret: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Secrets = { contactEncryptionKey: string; sessionSecret: string };

const newKey = () => randomBytes(32).toString('hex');

/**
 * Keys from the environment (or the key file) when set; otherwise generated once into
 * DATA_DIR/secrets.json (mode 0600) and read back on every later start, so encrypted contacts stay
 * readable. A contact key given apart from the data is not kept in that file: a copy found there equal
 * to it is removed (`keyMovedOut`), so that backups of DATA_DIR stop carrying it.
 */
export function ensureSecrets(config: Config): Secrets & { generated: boolean; keyMovedOut?: boolean; file?: string } {
  const fromEnv = config.secrets;
  const givenKey = fromEnv.contactEncryptionKey?.toLowerCase();
  const file = path.join(config.paths.dataDir, SECRETS_FILE);
  // Both given and no file left from generated keys: nothing to read or to clean. A file that is
  // there may still hold the contact key of a pilot that moved it out: it goes through the check below.
  if (givenKey && fromEnv.sessionSecret && !existsSync(file)) {
    return { contactEncryptionKey: givenKey, sessionSecret: fromEnv.sessionSecret.toLowerCase(), generated: false };
  }
  mkdirSync(config.paths.dataDir, { recursive: true, mode: 0o700 });
  let stored: z.infer<typeof secretsSchema>;
  let generated = false;
  let keyMovedOut = false;
  try {
    stored = secretsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`${file} is unreadable or damaged; restore it from backup (encrypted data depends on it)`, {
        cause: err,
      });
    }
    stored = givenKey ? { sessionSecret: newKey() } : { contactEncryptionKey: newKey(), sessionSecret: newKey() };
    // 'wx' fails if another process created the file meanwhile instead of overwriting its keys.
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    generated = true;
  }
  if (givenKey && stored.contactEncryptionKey === givenKey) {
    stored = { sessionSecret: stored.sessionSecret };
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    keyMovedOut = true;
  }
  const contactEncryptionKey = givenKey ?? stored.contactEncryptionKey;
  if (!contactEncryptionKey) {
    // Never a new key here: the stored contacts were sealed with the one that was moved out.
    throw new Error(
      `${file} holds no contact key: it was moved out of the data; set CONTACT_ENCRYPTION_KEY_FILE to its file`,
    );
  }
  return {
    contactEncryptionKey,
    sessionSecret: fromEnv.sessionSecret?.toLowerCase() ?? stored.sessionSecret,
    generated,
    keyMovedOut,
    file,
  };
}
