import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../server/config';
import { ensureSecrets } from '../../../server/secrets';

describe('secret keys of the embedded mode', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tipline-secrets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates the keys into DATA_DIR on first start, readable by the owner only, and reuses them after', () => {
    const config = loadConfig({ DATA_DIR: dir });
    const first = ensureSecrets(config);
    expect(first.generated).toBe(true);
    const file = path.join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.contactEncryptionKey).toMatch(/^[0-9a-f]{64}$/);
    expect(first.sessionSecret).not.toBe(first.contactEncryptionKey);

    const second = ensureSecrets(config);
    expect(second.generated).toBe(false);
    expect(second.contactEncryptionKey).toBe(first.contactEncryptionKey);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(JSON.parse(readFileSync(file, 'utf8')).sessionSecret).toBe(first.sessionSecret);
  });

  it('takes the keys from the environment when both are set, writing no file', () => {
    const key = 'ab'.repeat(32);
    const secrets = ensureSecrets(loadConfig({ DATA_DIR: dir, CONTACT_ENCRYPTION_KEY: key, SESSION_SECRET: 'cd'.repeat(32) }));
    expect(secrets.contactEncryptionKey).toBe(key);
    expect(() => statSync(path.join(dir, 'secrets.json'))).toThrow();
  });

  it('refuses to start over a damaged key file rather than replace keys that encrypted data depends on', () => {
    const config = loadConfig({ DATA_DIR: dir });
    ensureSecrets(config);
    require('node:fs').writeFileSync(path.join(dir, 'secrets.json'), '{"broken":');
    expect(() => ensureSecrets(config)).toThrow(/damaged/);
  });
});
