import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
    const secrets = ensureSecrets(
      loadConfig({ DATA_DIR: dir, CONTACT_ENCRYPTION_KEY: key, SESSION_SECRET: 'cd'.repeat(32) }),
    );
    expect(secrets.contactEncryptionKey).toBe(key);
    expect(() => statSync(path.join(dir, 'secrets.json'))).toThrow();
  });

  it('refuses to start over a damaged key file rather than replace keys that encrypted data depends on', () => {
    const config = loadConfig({ DATA_DIR: dir });
    ensureSecrets(config);
    require('node:fs').writeFileSync(path.join(dir, 'secrets.json'), '{"broken":');
    expect(() => ensureSecrets(config)).toThrow(/damaged/);
  });

  describe('with the contact key given apart from the data (CONTACT_ENCRYPTION_KEY_FILE, issue #15)', () => {
    let keyDir: string;
    const key = 'ef'.repeat(32);
    beforeEach(() => {
      keyDir = mkdtempSync(path.join(os.tmpdir(), 'tipline-key-'));
    });
    afterEach(() => rmSync(keyDir, { recursive: true, force: true }));
    const keyFile = (content: string) => {
      const file = path.join(keyDir, 'contact.key');
      writeFileSync(file, content, { mode: 0o600 });
      return file;
    };

    it('keeps only the session secret in DATA_DIR, so a backup of the data does not carry the contact key', () => {
      const secrets = ensureSecrets(loadConfig({ DATA_DIR: dir, CONTACT_ENCRYPTION_KEY_FILE: keyFile(key) }));
      expect(secrets.contactEncryptionKey).toBe(key);
      const stored = JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8'));
      expect(Object.keys(stored)).toEqual(['sessionSecret']);
      expect(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).not.toContain(key);
    });

    it("moves a pilot's generated key out: once the same key is in the key file, secrets.json no longer holds it; without the file the server refuses rather than make a new key", () => {
      const first = ensureSecrets(loadConfig({ DATA_DIR: dir }));
      const moved = ensureSecrets(
        loadConfig({ DATA_DIR: dir, CONTACT_ENCRYPTION_KEY_FILE: keyFile(`${first.contactEncryptionKey}\n`) }),
      );
      expect(moved).toMatchObject({
        contactEncryptionKey: first.contactEncryptionKey,
        sessionSecret: first.sessionSecret,
        keyMovedOut: true,
      });
      expect(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).not.toContain(first.contactEncryptionKey);
      expect(() => ensureSecrets(loadConfig({ DATA_DIR: dir }))).toThrow(
        /holds no contact key.*CONTACT_ENCRYPTION_KEY_FILE/,
      );
    });

    it('moves it out too when SESSION_SECRET is also given (the usual production setup)', () => {
      const first = ensureSecrets(loadConfig({ DATA_DIR: dir }));
      const moved = ensureSecrets(
        loadConfig({
          DATA_DIR: dir,
          CONTACT_ENCRYPTION_KEY_FILE: keyFile(first.contactEncryptionKey),
          SESSION_SECRET: 'ab'.repeat(32),
        }),
      );
      expect(moved).toMatchObject({
        contactEncryptionKey: first.contactEncryptionKey,
        sessionSecret: 'ab'.repeat(32),
        keyMovedOut: true,
      });
      expect(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).not.toContain(first.contactEncryptionKey);
    });
  });
});
