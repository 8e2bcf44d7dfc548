import path from 'node:path';
import { TEST_DEMO_PASSWORD } from '../helpers/test-db';
import { DESK, describeInBrowser, useBrowserPage } from './browser';

jest.setTimeout(60_000);

describeInBrowser('a staff member signs in and out at a desk', () => {
  const session = useBrowserPage(DESK, { clock: { now: () => new Date() } });

  it('is asked to sign in at a staff page, is refused a wrong password, then reaches the page and signs out', async () => {
    const { page, server, problems } = session;
    await page.goto(`${server.baseUrl}/staff/reference`);
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('username');

    await page.getByLabel('Tên đăng nhập').fill('coordinator.cao-bang');
    await page.getByLabel('Mật khẩu').fill('wrong password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();

    await page.getByLabel('Mật khẩu').fill(TEST_DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Dữ liệu danh mục/ }).waitFor();
    await page
      .getByText('Cơ quan Thường trực BCĐ 389 tỉnh Cao Bằng')
      .or(page.locator('.site-nav__user'))
      .first()
      .waitFor();
    await page.screenshot({ path: path.resolve(__dirname, '../../test-results/staff-signed-in.png') });

    // The session survives a reload (HttpOnly cookie; the CSRF token is asked for again).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Dữ liệu danh mục/ }).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    // The wrong password's 401 is expected; nothing else may go wrong on the page.
    expect(problems.filter((p) => !/401/.test(p))).toEqual([]);
  });
});
