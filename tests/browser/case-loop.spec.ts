import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { TEST_DEMO_PASSWORD } from '../helpers/test-db';
import { DESK, PHONE, describeInBrowser, launchBrowser, watchForPageProblems } from './browser';
import { startTestServer, type RunningServer } from './test-server';

jest.setTimeout(120_000);
const ARTEFACTS = path.resolve(__dirname, '../../test-results');

/**
 * Issue #6, the whole loop in two browsers: a citizen on a phone, an officer of the lead unit at a
 * desk. Each keeps their own page; neither ever sees the other's screen.
 */
describeInBrowser('a report handled to the end, seen from both sides', () => {
  let server: RunningServer;
  let browser: Browser;
  let citizen: Page;
  let officer: Page;
  let watched: string[][] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ clock: { now: () => new Date() } }), launchBrowser()]);
    citizen = await (await browser.newContext(PHONE)).newPage();
    officer = await (await browser.newContext(DESK)).newPage();
    watched = [await watchForPageProblems(citizen), await watchForPageProblems(officer)];
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('files, accepts, asks, answers, resolves, and the citizen reads the outcome', async () => {
    // The citizen files a report on the phone.
    await citizen.goto(`${server.baseUrl}/report`);
    await citizen.getByRole('radio', { name: 'Hàng giả' }).check();
    await citizen.getByRole('radio', { name: 'Chợ, trung tâm thương mại, cửa hàng, kho bãi' }).check();
    await citizen.getByLabel(/Tỉnh, thành phố nơi xảy ra vi phạm/).selectOption({ label: 'Tỉnh Cao Bằng' });
    await citizen.getByRole('searchbox').fill('tra linh');
    await citizen
      .getByRole('listbox', { name: 'Xã, phường, đặc khu' })
      .getByRole('option', { name: 'Xã Trà Lĩnh' })
      .waitFor();
    await citizen.getByRole('listbox', { name: 'Xã, phường, đặc khu' }).selectOption({ label: 'Xã Trà Lĩnh' });
    await citizen.getByLabel('Địa chỉ hoặc mốc nhận biết').fill('Chợ Trà Lĩnh');
    await citizen
      .getByLabel('Mô tả')
      .fill('Một gian hàng trong chợ bán nước hoa giả nhãn hiệu nổi tiếng, giá rẻ bất thường.');
    await citizen.getByRole('button', { name: 'Gửi tin báo' }).click();
    await citizen.getByRole('heading', { name: 'Đã tiếp nhận tin báo' }).waitFor({ timeout: 30_000 });
    const code = (await citizen.getByTestId('tracking-code').textContent()) ?? '';
    const secret = (await citizen.getByTestId('secret').textContent()) ?? '';

    // The lead unit's officer finds it in the queue and accepts it.
    await officer.goto(`${server.baseUrl}/staff`);
    await officer.getByLabel('Tên đăng nhập').fill('market.cao-bang');
    await officer.getByLabel('Mật khẩu').fill(TEST_DEMO_PASSWORD);
    await officer.keyboard.press('Enter');
    await officer.getByRole('heading', { level: 1, name: 'Tin báo của đơn vị' }).waitFor();
    await officer.getByRole('link', { name: code }).click();
    await officer.getByRole('heading', { level: 1, name: new RegExp(code) }).waitFor();
    expect(await officer.getByTestId('case-description').textContent()).toContain('nước hoa giả');
    await officer.getByRole('button', { name: 'Thụ lý' }).click();
    await officer.getByTestId('case-status').getByText('Đã thụ lý').waitFor();

    // … and asks the reporter a question.
    await officer.getByRole('button', { name: 'Hỏi người báo' }).click();
    await officer.getByLabel('Câu hỏi').fill('Gian hàng nằm ở dãy nào trong chợ?');
    await officer.locator('form.case-action').getByRole('button', { name: 'Hỏi người báo' }).click();
    await officer.getByTestId('case-status').getByText('Đề nghị bổ sung thông tin').waitFor();
    await officer.screenshot({ path: path.join(ARTEFACTS, 'case-asked.png'), fullPage: true });

    // The citizen sees the question on the tracking page and answers it.
    await citizen.goto(`${server.baseUrl}/track`);
    await citizen.getByLabel('Mã tra cứu').fill(code);
    await citizen.getByLabel('Mã bí mật').fill(secret);
    await citizen.getByRole('button', { name: 'Tra cứu' }).click();
    await citizen.getByText('Đơn vị đề nghị bổ sung: Gian hàng nằm ở dãy nào trong chợ?').waitFor();
    expect(await citizen.getByTestId('status').textContent()).toBe('Cần bổ sung thông tin');
    await citizen.getByLabel('Trả lời câu hỏi').fill('Dãy C, gần cổng phía bắc.');
    await citizen.getByRole('button', { name: 'Gửi', exact: true }).click();
    await citizen.locator('.message--reporter').getByText('Dãy C, gần cổng phía bắc.').waitFor();

    // The officer sees the answer, back where the report was, and resolves it.
    await officer.reload();
    await officer.getByTestId('case-status').getByText('Đã thụ lý').waitFor();
    await officer.locator('.case-timeline').getByText('Dãy C, gần cổng phía bắc.').waitFor();
    await officer.getByRole('button', { name: 'Ghi kết quả giải quyết' }).click();
    await officer.getByLabel('Kết quả', { exact: true }).selectOption('goods_seized');
    await officer
      .getByLabel('Kết quả công khai')
      .fill('Đã kiểm tra gian hàng, tạm giữ hàng hóa vi phạm và xử phạt theo quy định.');
    // Issue #18: the goods seized, as data.
    await officer.getByRole('button', { name: 'Thêm lô hàng' }).click();
    await officer.locator('[id="action-seizedGoods.0.goodsType"]').selectOption('cosmetics');
    await officer.locator('#action-lot-0-quantity').fill('12,5');
    await officer.locator('#action-lot-0-unit').fill('kg');
    await officer.locator('#action-lot-0-value').fill('3.750.000');
    await officer.locator('form.case-action').getByRole('button', { name: 'Ghi kết quả giải quyết' }).click();
    await officer.getByTestId('case-status').getByText('Đã giải quyết').waitFor();
    await officer.getByTestId('seized-goods').getByText('3.750.000').waitFor();
    await officer.screenshot({ path: path.join(ARTEFACTS, 'case-resolved.png'), fullPage: true });

    // The citizen reads the public outcome.
    await citizen.reload();
    await citizen.getByLabel('Mã tra cứu').fill(code);
    await citizen.getByLabel('Mã bí mật').fill(secret);
    await citizen.getByRole('button', { name: 'Tra cứu' }).click();
    await citizen.getByTestId('outcome').waitFor();
    expect(await citizen.getByTestId('status').textContent()).toBe('Đã giải quyết');
    expect(await citizen.getByTestId('outcome').textContent()).toContain('tạm giữ hàng hóa vi phạm');
    await citizen.screenshot({ path: path.join(ARTEFACTS, 'track-outcome-phone.png'), fullPage: true });
    // The session check before sign-in answers 401; nothing else may go wrong.
    expect(watched.flat().filter((p) => !/401/.test(p))).toEqual([]);
  });
});
