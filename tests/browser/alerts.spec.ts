import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { TEST_DEMO_PASSWORD } from '../helpers/test-db';
import { DESK, describeInBrowser, useBrowserPage } from './browser';

jest.setTimeout(90_000);
const ARTEFACTS = path.resolve(__dirname, '../../test-results');

/** The bell's count, read from its accessible name ("3 thông báo chưa đọc"). */
async function unreadCount(page: Page): Promise<number> {
  const label = (await page.getByTestId('alert-bell').getAttribute('aria-label')) ?? '';
  const match = /^(\d+) thông báo chưa đọc$/.exec(label);
  if (!match) throw new Error(`the bell says "${label}"`);
  return Number(match[1]);
}

/**
 * Issue #17: the staff pages are told. An officer of the market unit of Cao Bằng has the queue open; a citizen
 * files a report at a market in Xã Trà Lĩnh, which that unit leads. Without a reload, the bell counts one more
 * unread alert and the report shows in the queue (Server-Sent Events); opening it from the alerts page reads it.
 */
describeInBrowser('the bell and the queue while a citizen files a report', () => {
  const session = useBrowserPage(DESK, { clock: { now: () => new Date() } });

  it('counts the new alert and lists the report without a reload, and reads it when opened', async () => {
    const { server, page, problems } = session;
    let loads = 0;
    page.on('load', () => (loads += 1));
    const streamOpened = page.waitForResponse(
      (res) => new URL(res.url()).pathname === '/api/staff/alerts/stream' && res.status() === 200,
    );

    await page.goto(`${server.baseUrl}/staff`);
    await page.getByLabel('Tên đăng nhập').fill('market.cao-bang');
    await page.getByLabel('Mật khẩu').fill(TEST_DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Tin báo của đơn vị' }).waitFor();
    await page.getByTestId('alert-bell').waitFor();
    await streamOpened;
    const before = await unreadCount(page);
    const loadsBefore = loads;

    const submitted = await fetch(`${server.baseUrl}/api/public/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({
        category: 'counterfeit',
        placeType: 'market',
        provinceCode: '04',
        communeCode: '01447',
        address: 'Chợ Trà Lĩnh, ki-ốt 7',
        observedAt: new Date(Date.now() - 3_600_000).toISOString(),
        description: 'Ki-ốt trong chợ bán rượu ngoại giả nhãn hiệu, đóng thùng không tem nhập khẩu.',
      }),
    });
    expect(submitted.status).toBe(201);
    const { trackingCode } = (await submitted.json()) as { trackingCode: string };

    // Told live: the bell and the queue change while the page stays as it was loaded.
    await page.getByRole('link', { name: `${before + 1} thông báo chưa đọc` }).waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: trackingCode }).waitFor({ timeout: 15_000 });
    expect(loads).toBe(loadsBefore);
    await page.screenshot({ path: path.join(ARTEFACTS, 'alerts-bell-queue.png'), fullPage: true });

    // The alerts page says what happened; opening the report reads its alert.
    await page.getByTestId('alert-bell').click();
    await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: trackingCode }) });
    await row.getByText('Tin báo mới giao đơn vị chủ trì').waitFor();
    await row.getByRole('link', { name: trackingCode }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(trackingCode) }).waitFor();
    await page.getByRole('link', { name: `${before} thông báo chưa đọc` }).waitFor({ timeout: 10_000 });

    // The session check before sign-in answers 401; nothing else may go wrong.
    expect(problems.filter((p) => !/401/.test(p))).toEqual([]);
  });
});
