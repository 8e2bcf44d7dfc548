import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../server/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration from the environment', () => {
  it('starts with documented defaults on an empty environment: embedded database, port 3000, limits on', () => {
    const config = loadConfig({});
    expect(config.database.url).toBeUndefined();
    expect(config.http.port).toBe(3000);
    expect(config.http.host).toBe('127.0.0.1');
    expect(config.http.publicUrl).toBe('http://127.0.0.1:3000');
    expect(config.paths.dataDir).toMatch(/\/data$/);
    expect(config.paths.uploadDir).toMatch(/\/uploads$/);
    expect(config.rateLimit.disabled).toBe(false);
    expect(config.deadlines).toMatchObject({
      acceptWithinHours: 24,
      acceptWithinHoursRemote: 48,
      resolveWithinDays: 20,
    });
    expect(config.demo.enabled).toBe(true);
  });

  it('names the variable and the value when a setting is wrong', () => {
    expect(problemsOf({ PORT: 'eighty' })).toEqual([expect.stringMatching(/^PORT: .*"eighty"/)]);
    expect(problemsOf({ DATABASE_URL: 'mysql://db/tipline' })[0]).toMatch(
      /^DATABASE_URL: must start with postgres:\/\//,
    );
    expect(problemsOf({ PUBLIC_URL: 'not a url' })[0]).toMatch(/^PUBLIC_URL:/);
    expect(problemsOf({ ACCEPT_WITHIN_HOURS: '-3' })[0]).toMatch(/^ACCEPT_WITHIN_HOURS:/);
    expect(problemsOf({ RATE_LIMIT_DISABLED: 'maybe' })[0]).toMatch(/^RATE_LIMIT_DISABLED:/);
  });

  it('never prints the secret values it refuses: keys, the demo password, the password in DATABASE_URL (issue #15)', () => {
    const text = (env: Record<string, string>) => problemsOf(env).join('\n');
    const refused = text({
      CONTACT_ENCRYPTION_KEY: 'almost-a-key-0123456789abcdef',
      SESSION_SECRET: 'session-secret-typed-wrong',
      DEMO_PASSWORD: 'short7!',
    });
    expect(refused).toMatch(/^CONTACT_ENCRYPTION_KEY: must be 64 hex characters$/m);
    expect(refused).toMatch(/^SESSION_SECRET: must be 64 hex characters$/m);
    expect(refused).toMatch(/^DEMO_PASSWORD:/m);
    expect(refused).not.toMatch(/almost-a-key|session-secret-typed|short7/);
    const url = text({ DATABASE_URL: 'mysql://tipline:S3cr3t@pw@db:3306/tipline?password=Other1&ssl=1' });
    expect(url).toMatch(/^DATABASE_URL: must start with postgres:\/\/.*mysql:\/\/tipline:\*\*\*@db/);
    expect(url).not.toMatch(/S3cr3t|Other1/);
    // Refused in production without its keys: no value of the URL is printed at all.
    const production = text({ NODE_ENV: 'production', DATABASE_URL: 'postgres://tipline:S3cr3t@db/tipline' });
    expect(production).toMatch(/required in production/);
    expect(production).not.toMatch(/S3cr3t/);
  });

  describe('CONTACT_ENCRYPTION_KEY_FILE: the key kept apart from the data', () => {
    let dir: string;
    const key = 'ab'.repeat(32);
    const keyFile = (name: string, content: string, mode = 0o600) => {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      chmodSync(file, mode);
      return file;
    };
    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'tipline-keyfile-'));
      mkdirSync(path.join(dir, 'data'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const dataDir = () => path.join(dir, 'data');

    it('reads the key from the file (a trailing newline is fine) and counts as the key in production', () => {
      const file = keyFile('contact.key', `${key}\n`);
      expect(loadConfig({ DATA_DIR: dataDir(), CONTACT_ENCRYPTION_KEY_FILE: file }).secrets.contactEncryptionKey).toBe(
        key,
      );
      const production = loadConfig({
        NODE_ENV: 'production',
        DATA_DIR: dataDir(),
        DATABASE_URL: 'postgres://db/x',
        CONTACT_ENCRYPTION_KEY_FILE: file,
        SESSION_SECRET: 'cd'.repeat(32),
      });
      expect(production.secrets.contactEncryptionKey).toBe(key);
      // Group-readable is allowed, for a secrets mount shared with a group.
      expect(
        loadConfig({ DATA_DIR: dataDir(), CONTACT_ENCRYPTION_KEY_FILE: keyFile('group.key', key, 0o640) }).secrets
          .contactEncryptionKey,
      ).toBe(key);
    });

    it('refuses it with the key set as well, inside DATA_DIR, missing, open to others or malformed, naming the file and never its content', () => {
      const file = keyFile('contact.key', key);
      expect(
        problemsOf({ DATA_DIR: dataDir(), CONTACT_ENCRYPTION_KEY_FILE: file, CONTACT_ENCRYPTION_KEY: key }),
      ).toEqual(['CONTACT_ENCRYPTION_KEY, CONTACT_ENCRYPTION_KEY_FILE: set one of them, not both']);
      const inside = keyFile(path.join('data', 'contact.key'), key);
      expect(problemsOf({ DATA_DIR: dataDir(), CONTACT_ENCRYPTION_KEY_FILE: inside })[0]).toMatch(
        /^CONTACT_ENCRYPTION_KEY_FILE: .*inside DATA_DIR/,
      );
      expect(
        problemsOf({ DATA_DIR: dataDir(), CONTACT_ENCRYPTION_KEY_FILE: path.join(dir, 'nowhere.key') })[0],
      ).toMatch(/^CONTACT_ENCRYPTION_KEY_FILE: cannot read .*nowhere\.key \(ENOENT\)$/);
      const open = keyFile('open.key', key, 0o644);
      expect(problemsOf({ DATA_DIR: dataDir(), CONTACT_ENCRYPTION_KEY_FILE: open })[0]).toMatch(
        /^CONTACT_ENCRYPTION_KEY_FILE: .*mode 0644.*chmod 600/,
      );
      const malformed = keyFile('bad.key', 'not-the-key-but-a-secret-anyway');
      const problems = problemsOf({ DATA_DIR: dataDir(), CONTACT_ENCRYPTION_KEY_FILE: malformed });
      expect(problems[0]).toMatch(/^CONTACT_ENCRYPTION_KEY_FILE: .*bad\.key must hold 64 hex characters/);
      expect(problems.join('\n')).not.toMatch(/not-the-key/);
    });
  });

  it('lists every wrong variable at once, not just the first', () => {
    const problems = problemsOf({ PORT: '70000', LOG_LEVEL: 'loud', CONTACT_ENCRYPTION_KEY: 'short' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['CONTACT_ENCRYPTION_KEY', 'LOG_LEVEL', 'PORT']);
  });

  it('turns the rate limits off with RATE_LIMIT_DISABLED=1', () => {
    expect(loadConfig({ RATE_LIMIT_DISABLED: '1' }).rateLimit.disabled).toBe(true);
    expect(loadConfig({ RATE_LIMIT_DISABLED: '0' }).rateLimit.disabled).toBe(false);
  });

  it('uses PUBLIC_URL without a trailing slash and reads deadline overrides', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://389.example.gov.vn/', RESOLVE_WITHIN_DAYS: '30' });
    expect(config.http.publicUrl).toBe('https://389.example.gov.vn');
    expect(config.deadlines.resolveWithinDays).toBe(30);
  });

  it('never loads demo data in production, and refuses DEMO_DATA=1 there', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demo.enabled).toBe(false);
    expect(problemsOf({ NODE_ENV: 'production', DEMO_DATA: '1' })[0]).toMatch(/^DEMO_DATA:/);
    expect(loadConfig({ DEMO_DATA: '0' }).demo.enabled).toBe(false);
  });

  it('loads 200 sample reports with the demo by default, DEMO_REPORTS of them when set, none without demo data or in production', () => {
    expect(loadConfig({}).demo.reports).toBe(200);
    expect(loadConfig({ DEMO_REPORTS: '0' }).demo.reports).toBe(0);
    expect(loadConfig({ DEMO_REPORTS: '40' }).demo.reports).toBe(40);
    expect(loadConfig({ DEMO_DATA: '0', DEMO_REPORTS: '40' }).demo.reports).toBe(0);
    expect(loadConfig({ NODE_ENV: 'production' }).demo.reports).toBe(0);
    expect(problemsOf({ NODE_ENV: 'production', DEMO_REPORTS: '10' })[0]).toMatch(/^DEMO_REPORTS:/);
    expect(problemsOf({ DEMO_REPORTS: 'lots' })[0]).toMatch(/^DEMO_REPORTS:/);
    expect(problemsOf({ DEMO_REPORTS: '-1' })[0]).toMatch(/^DEMO_REPORTS:/);
  });

  it('requires explicit keys for a production PostgreSQL server, where nothing may be generated locally', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/tipline' });
    expect(problems[0]).toMatch(/^CONTACT_ENCRYPTION_KEY \(or CONTACT_ENCRYPTION_KEY_FILE\), SESSION_SECRET: required/);
  });

  it('treats an empty variable as unset, as shells and compose files often pass them', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.url).toBeUndefined();
  });
});
