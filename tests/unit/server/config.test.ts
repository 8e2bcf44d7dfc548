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
    expect(config.deadlines).toMatchObject({ acceptWithinHours: 24, acceptWithinHoursRemote: 48, resolveWithinDays: 20 });
    expect(config.demo.enabled).toBe(true);
  });

  it('names the variable and the value when a setting is wrong', () => {
    expect(problemsOf({ PORT: 'eighty' })).toEqual([expect.stringMatching(/^PORT: .*"eighty"/)]);
    expect(problemsOf({ DATABASE_URL: 'mysql://db/tipline' })[0]).toMatch(/^DATABASE_URL: must start with postgres:\/\//);
    expect(problemsOf({ PUBLIC_URL: 'not a url' })[0]).toMatch(/^PUBLIC_URL:/);
    expect(problemsOf({ ACCEPT_WITHIN_HOURS: '-3' })[0]).toMatch(/^ACCEPT_WITHIN_HOURS:/);
    expect(problemsOf({ RATE_LIMIT_DISABLED: 'maybe' })[0]).toMatch(/^RATE_LIMIT_DISABLED:/);
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
    expect(problems[0]).toMatch(/CONTACT_ENCRYPTION_KEY, SESSION_SECRET/);
  });

  it('treats an empty variable as unset, as shells and compose files often pass them', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.url).toBeUndefined();
  });
});
