import { TEST_DEMO_PASSWORD } from '../helpers/test-db';
import { DESK, describeInBrowser, useBrowserPage } from './browser';

jest.setTimeout(120_000);

const DESCRIPTION = 'Một cửa hàng trong chợ bán mỹ phẩm giả nhãn hiệu nổi tiếng, không có hóa đơn chứng từ.';
const TRUNG_KHANH = { provinceCode: '04', communeCode: '01477', address: 'Chợ Trùng Khánh' };
const TRA_LINH = { provinceCode: '04', communeCode: '01447', address: 'Chợ Trà Lĩnh' };

/**
 * Issue #18: the nav shows a commune Steering Committee 389 its figures and its commune's list (read-only,
 * codes as text), and a unit lead their queue, then the figures of their unit and the units beneath it.
 */
describeInBrowser('who sees figures: a commune committee and a unit lead', () => {
  const session = useBrowserPage({ ...DESK, locale: 'vi-VN' }, { clock: { now: () => new Date() } });

  async function file(place: Record<string, string>): Promise<string> {
    const res = await fetch(`${session.server.baseUrl}/api/public/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        description: DESCRIPTION,
        observedAt: new Date(Date.now() - 3_600_000).toISOString(),
        category: 'counterfeit',
        placeType: 'market',
        ...place,
      }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { trackingCode: string }).trackingCode;
  }

  async function signIn(username: string) {
    const { page, server } = session;
    await page.goto(`${server.baseUrl}/staff`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(TEST_DEMO_PASSWORD);
    await page.keyboard.press('Enter');
  }

  it("a commune committee lands on its commune's figures and reads its list without opening a case", async () => {
    const { page, problems } = session;
    const ours = [await file(TRUNG_KHANH), await file(TRUNG_KHANH)];
    const theirs = await file(TRA_LINH);

    await signIn('committee.trung-khanh');
    await page.getByRole('heading', { level: 1, name: 'Thống kê tin báo' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff/dashboard');
    await page
      .getByTestId('dashboard-scope')
      .getByText(/Xã Trùng Khánh, Tỉnh Cao Bằng/)
      .waitFor();
    await page.getByTestId('total-received').getByText('2', { exact: true }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Điều hướng khu vực cán bộ' });
    expect(await nav.getByRole('link', { name: 'Tin báo của đơn vị' }).count()).toBe(0);
    expect(await page.getByLabel('Tỉnh, thành phố', { exact: true }).count()).toBe(0);

    await nav.getByRole('link', { name: 'Tin báo trên địa bàn xã' }).click();
    await page.getByTestId('drill-total').getByText('Tổng số: 2 tin báo').waitFor();
    await page.getByText('Chỉ để xem, không có thông tin người báo tin.').waitFor();
    for (const code of ours) {
      await page.getByRole('rowheader', { name: code }).waitFor();
      expect(await page.getByRole('link', { name: code }).count()).toBe(0);
    }
    expect(await page.getByText(theirs).count()).toBe(0);
    // The session check before sign-in answers 401; nothing else may go wrong.
    expect(problems.filter((p) => !/401/.test(p))).toEqual([]);
  });

  it('a unit lead lands on the queue and finds the figures of their unit and the units beneath it', async () => {
    const { page, problems } = session;
    await signIn('lead.market.cao-bang');
    await page.waitForURL(/\/staff\/cases/);
    const nav = page.getByRole('navigation', { name: 'Điều hướng khu vực cán bộ' });
    await nav.getByRole('link', { name: 'Thống kê' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thống kê tin báo' }).waitFor();
    await page
      .getByTestId('dashboard-scope')
      .getByText(/Chi cục Quản lý thị trường tỉnh Cao Bằng và các đơn vị trực thuộc/)
      .waitFor();
    expect(await page.getByLabel('Tỉnh, thành phố', { exact: true }).count()).toBe(0);
    expect(problems.filter((p) => !/401/.test(p))).toEqual([]);
  });

  it("an admin creates a commune committee: the role, the commune's province, then the commune", async () => {
    const { page, problems } = session;
    await signIn('admin');
    await page.getByRole('heading', { level: 1, name: 'Tài khoản cán bộ' }).waitFor();
    const form = page.getByRole('region', { name: 'Tạo tài khoản' });
    await form.getByLabel('Tên đăng nhập').fill('committee.tra-linh');
    await form.getByLabel('Họ tên hiển thị').fill('Ban Chỉ đạo 389 xã Trà Lĩnh');
    await form.getByLabel('Vai trò').selectOption({ label: 'Ban Chỉ đạo 389 xã' });
    await form.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Tỉnh Cao Bằng' });
    await form.getByLabel('Xã', { exact: true }).selectOption({ label: 'Xã Trà Lĩnh' });
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByTestId('new-password').waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'committee.tra-linh' }) });
    await row.getByText('Xã Trà Lĩnh, Tỉnh Cao Bằng').waitFor();
    expect(problems.filter((p) => !/401/.test(p))).toEqual([]);
  });
});
