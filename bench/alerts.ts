import { startSmtpSink, type SunkMail } from '../tests/helpers/smtp-sink';
import { startBenchServer } from './app-server';
import { quantile } from './server-database';

const PORT = 3391;
const PER_MINUTE = 50;
/** Bounded: two minutes of reports unless ALERTS_BENCH_SECONDS says otherwise. */
const SECONDS = Number(process.env.ALERTS_BENCH_SECONDS ?? 120);
const DUTY = 'truc-ban@bench.test';

async function signIn(base: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/staff/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'benchmark-password' }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

/**
 * Issue #17: from the event (a citizen's report submitted) to the SMTP server accepting the alert for the
 * lead unit's duty mailbox, at 50 reports a minute, through the app as `npm start` runs it (its own
 * process, embedded PGlite, the alert work on its timers: e-mails every 2 s) and a real SMTP server on
 * 127.0.0.1.
 */
export async function alertsBenchmark(): Promise<void> {
  const smtp = await startSmtpSink();
  const server = await startBenchServer(PORT, { SMTP_URL: smtp.url, MAIL_FROM: 'Tipline 389 <bench@localhost>' });
  try {
    const admin = await signIn(server.base);
    const units = (await (
      await fetch(`${server.base}/api/staff/units`, { headers: { Cookie: admin.cookie } })
    ).json()) as {
      units: { id: string; code: string }[];
    };
    const market = units.units.find((u) => u.code === 'market-04');
    if (!market) throw new Error('no market-04 unit');
    const set = await fetch(`${server.base}/api/staff/units/${market.id}/duty-contacts`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf },
      body: JSON.stringify({ dutyPhone: '02063852389', dutyEmail: DUTY }),
    });
    if (set.status !== 200) throw new Error(`duty contacts: ${set.status}`);

    const submittedAt = new Map<string, number>();
    const latencies: number[] = [];
    smtp.onMail((mail: SunkMail) => {
      if (!mail.to.includes(DUTY)) return;
      const code = /389-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(mail.subject)?.[0];
      const at = code ? submittedAt.get(code) : undefined;
      if (code && at !== undefined && mail.subject.includes('Tin báo mới')) latencies.push(mail.acceptedAt - at);
    });
    const total = Math.round((PER_MINUTE * SECONDS) / 60);
    const gap = 60_000 / PER_MINUTE;
    const started = Date.now();
    for (let i = 0; i < total; i += 1) {
      const wait = started + i * gap - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const t0 = Date.now();
      const res = await fetch(`${server.base}/api/public/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          category: 'counterfeit',
          placeType: 'market',
          provinceCode: '04',
          communeCode: '01447',
          address: `Chợ Trà Lĩnh, ki-ốt ${i}`,
          description: `Bán nước hoa giả nhãn hiệu nổi tiếng ở chợ, giá rất rẻ, không có hóa đơn (lần ${i}).`,
          observedAt: new Date(t0 - 3_600_000).toISOString(),
        }),
      });
      if (res.status !== 201) throw new Error(`report ${i}: ${res.status}`);
      submittedAt.set(((await res.json()) as { trackingCode: string }).trackingCode, t0);
    }
    const until = Date.now() + 30_000;
    while (latencies.length < total && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
    const sorted = [...latencies].sort((a, b) => a - b);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `alerts: ${total} reports at ${PER_MINUTE}/min over ${SECONDS} s; ${sorted.length} duty e-mails accepted`,
    );
    console.log(
      `alerts: report submitted → SMTP accepted: p50 ${s(quantile(sorted, 0.5))}, p95 ${s(quantile(sorted, 0.95))}, max ${s(sorted.at(-1) ?? 0)} (target p95 < 5 s)`,
    );
    if (sorted.length < total)
      console.log(`alerts: ${total - sorted.length} e-mails not accepted within 30 s of the last report`);
  } finally {
    await server.stop();
    await smtp.close();
  }
}
