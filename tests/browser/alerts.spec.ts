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
 * Then what staff choose: e-mail per alert kind on "my account", a unit's duty contacts in the units editor.
 */
describeInBrowser('what staff are told, and where', () => {
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
    // While the count is not known the bell shows none (never a "0" that is not true).
    await page.getByRole('link', { name: /^\d+ thông báo chưa đọc$/ }).waitFor();
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
    // Screen readers are told of the rise (a polite live region beside the bell).
    const news = page.getByTestId('alert-bell-news');
    expect(await news.getAttribute('aria-live')).toBe('polite');
    expect(await news.textContent()).toBe(`Có thông báo mới: ${before + 1} thông báo chưa đọc`);
    await page.screenshot({ path: path.join(ARTEFACTS, 'alerts-bell-queue.png'), fullPage: true });

    // The alerts page says what happened; opening the report reads its alert.
    await page.getByTestId('alert-bell').click();
    await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: trackingCode }) });
    await row.getByText('Tin báo mới giao đơn vị').waitFor();
    await row.getByRole('link', { name: trackingCode }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(trackingCode) }).waitFor();
    await page.getByRole('link', { name: `${before} thông báo chưa đọc` }).waitFor({ timeout: 10_000 });

    // The session check before sign-in answers 401; nothing else may go wrong.
    expect(problems.filter((p) => !/401/.test(p))).toEqual([]);
  });

  it("keeps an officer's e-mail choice and address, and a unit's duty mailbox and hotline", async () => {
    const { server, page, problems } = session;
    const inputValue = (id: string) => page.locator(`#${id}`).inputValue();
    await page.goto(`${server.baseUrl}/staff/account`);
    await page.getByLabel('Tên đăng nhập').fill('market.cao-bang');
    await page.getByLabel('Mật khẩu').fill(TEST_DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Nhận thông báo qua thư điện tử' }).waitFor();
    // E-mail is on for every kind until one turns it off.
    expect(await page.getByLabel('Đã quá hạn').isChecked()).toBe(true);
    await page.getByLabel('Đã quá hạn').uncheck();
    await page.getByLabel('Địa chỉ thư điện tử nhận thông báo').fill('can.bo@qltt-caobang.example');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu lựa chọn nhận thông báo.').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Nhận thông báo qua thư điện tử' }).waitFor();
    await page.waitForFunction(
      () => (document.getElementById('alert-address') as HTMLInputElement | null)?.value !== '',
    );
    expect(await inputValue('alert-address')).toBe('can.bo@qltt-caobang.example');
    expect(await page.getByLabel('Đã quá hạn').isChecked()).toBe(false);
    expect(await page.getByLabel('Sắp đến hạn').isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill(TEST_DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
    await page.goto(`${server.baseUrl}/staff/units`);
    await page.getByRole('button', { name: 'Chi cục Quản lý thị trường tỉnh Cao Bằng' }).click();
    await page.getByRole('heading', { name: 'Liên lạc trực ban' }).waitFor();
    // Checked by the shared schema before anything is sent.
    await page.getByLabel('Hộp thư trực ban').fill('truc ban');
    await page.getByRole('button', { name: 'Lưu liên lạc trực ban' }).click();
    await page.locator('#unit-duty-email-error').waitFor();
    await page.getByLabel('Hộp thư trực ban').fill('truc.ban@qltt-caobang.example');
    await page.getByLabel('Điện thoại trực ban').fill('0206.3852.389');
    await page.getByRole('button', { name: 'Lưu liên lạc trực ban' }).click();
    await page.getByText('Đã lưu liên lạc trực ban.').waitFor();
    expect(await inputValue('unit-duty-email')).toBe('truc.ban@qltt-caobang.example');
    expect(await inputValue('unit-duty-phone')).toBe('02063852389');
    expect(problems.filter((p) => !/401/.test(p))).toEqual([]);
  });
});
