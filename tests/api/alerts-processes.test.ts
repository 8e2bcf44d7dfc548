import { sql } from 'drizzle-orm';
import request from 'supertest';
import { closeMail, deliverEmails } from '../../server/alerts/deliver';
import { openDatabase } from '../../server/db/client';
import { queryRows } from '../../server/db/query-rows';
import type { Database } from '../../server/db/types';
import { assembleDeps, type AppDeps } from '../../server/deps';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/test-app';
import { serverUrl } from '../helpers/test-db';

/**
 * Issue #17: two server processes sharing one PostgreSQL send each alert once. Two pools of their own
 * (as two processes have) run `deliverEmails` at the same time on the same outbox. PostgreSQL only:
 * PGlite is one process by design.
 */
const onServer = serverUrl() ? describe : describe.skip;

let t: TestApp;
let smtp: SmtpSink;
let second: Database;
let secondDeps: AppDeps;

onServer('alert e-mails with two processes on one PostgreSQL', () => {
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    second = await openDatabase({ url: t.testDb.url, poolSize: 4 });
    secondDeps = assembleDeps({
      config: t.deps.config,
      database: second,
      clock: t.deps.clock,
      logger: t.deps.logger,
      secrets: t.deps.secrets,
    });
  });
  afterAll(async () => {
    closeMail(t.deps);
    await second.close();
    await t.close();
    await smtp.close();
  });

  it('sends each queued message once when both deliver at the same time', async () => {
    await t.deps.db.execute(sql`update units set duty_email = 'duty-' || code || '@example.test'`);
    for (let i = 0; i < 15; i += 1) {
      const res = await request(t.app)
        .post('/api/public/reports')
        .send({
          category: 'counterfeit',
          placeType: 'market',
          provinceCode: '04',
          communeCode: '01447',
          address: 'Chợ Trà Lĩnh',
          description: `Bán nước hoa giả nhãn hiệu nổi tiếng ở chợ, giá rất rẻ (lần ${i}).`,
          observedAt: new Date(FIXED_NOW.getTime() - 3_600_000).toISOString(),
        });
      expect(res.status).toBe(201);
    }
    const [queued] = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from alert_emails where status = 'pending'`,
    );
    expect(queued?.n).toBeGreaterThanOrEqual(30);
    await Promise.all([
      deliverEmails(t.deps),
      deliverEmails(secondDeps),
      deliverEmails(t.deps),
      deliverEmails(secondDeps),
    ]);
    // A batch is 50: whatever one round left is sent by the next.
    await Promise.all([deliverEmails(t.deps), deliverEmails(secondDeps)]);
    const keys = smtp.mails.map((m) => `${m.to.join(',')} ${m.subject}`);
    expect(keys).toHaveLength(queued?.n ?? 0);
    expect(new Set(keys).size).toBe(keys.length);
    const [left] = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from alert_emails where status <> 'sent'`,
    );
    expect(left?.n).toBe(0);
  });

  it('a process that dies while sending loses nothing: after its lease the other one sends what it had taken, once', async () => {
    const res = await request(t.app)
      .post('/api/public/reports')
      .send({
        category: 'counterfeit',
        placeType: 'market',
        provinceCode: '04',
        communeCode: '01447',
        address: 'Chợ Trà Lĩnh',
        description: 'Bán nước hoa giả nhãn hiệu nổi tiếng ở chợ, giá rất rẻ (tiến trình dừng).',
        observedAt: new Date(FIXED_NOW.getTime() - 3_600_000).toISOString(),
      });
    expect(res.status).toBe(201);
    const code = (res.body as { trackingCode: string }).trackingCode;
    // The first process took the report's e-mails a minute ago and died before sending them.
    const taken = await queryRows<{ id: string }>(
      t.deps.db,
      sql`update alert_emails e set claimed_at = ${new Date(FIXED_NOW.getTime() - 60_000)}, attempts = 1
            from reports r
           where r.id = e.report_id and r.tracking_code = ${code} and e.status = 'pending'
          returning e.id`,
    );
    expect(taken.length).toBeGreaterThan(0);
    const sentBefore = smtp.mails.length;
    // Within the lease the survivor leaves them alone (the first might still be sending)…
    await deliverEmails(secondDeps, FIXED_NOW);
    expect(smtp.mails.length).toBe(sentBefore);
    // …after it, it sends each of them once.
    await deliverEmails(secondDeps, new Date(FIXED_NOW.getTime() + 5 * 60_000));
    const mails = smtp.mails.slice(sentBefore).filter((m) => m.subject.includes(code));
    expect(mails).toHaveLength(taken.length);
    const [left] = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from alert_emails e join reports r on r.id = e.report_id
           where r.tracking_code = ${code} and e.status <> 'sent'`,
    );
    expect(left?.n).toBe(0);
    closeMail(secondDeps);
  });
});
