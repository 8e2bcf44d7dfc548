import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { TEST_DEMO_PASSWORD } from '../helpers/test-db';
import { DESK, describeInBrowser, useBrowserPage } from './browser';

jest.setTimeout(120_000);
const ARTEFACTS = path.resolve(__dirname, '../../test-results');

const DESCRIPTION = 'Một cửa hàng trong chợ bán mỹ phẩm giả nhãn hiệu nổi tiếng, không có hóa đơn chứng từ.';
const TRA_LINH = { provinceCode: '04', communeCode: '01447', address: 'Chợ Trà Lĩnh' };

/** Today's half-year in Vietnam, `2026-H2`: the periodic report that holds reports filed now. */
function currentHalf(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  return `${today.slice(0, 4)}-H${Number(today.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/**
 * Issue #7: "a coordinator opens the dashboard, filters by a period and a force, opens a chart's
 * list, downloads the XLSX"; and the public page hides small counts. The reports are filed here,
 * through the public API, not taken from demo data.
 */
describeInBrowser('statistics: the coordinators’ dashboard and the public figures', () => {
  // A Vietnamese browser: the downloaded file is in the language the browser asks for.
  const session = useBrowserPage({ ...DESK, locale: 'vi-VN' }, { clock: { now: () => new Date() } });

  async function file(report: Record<string, string>): Promise<string> {
    const res = await fetch(`${session.server.baseUrl}/api/public/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        description: DESCRIPTION,
        observedAt: new Date(Date.now() - 3_600_000).toISOString(),
        ...report,
      }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { trackingCode: string }).trackingCode;
  }

  /** The lead unit's officer accepts a report through the staff API, as the case page would. */
  async function accept(username: string, code: string): Promise<void> {
    const base = session.server.baseUrl;
    const signIn = await fetch(`${base}/api/staff/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: TEST_DEMO_PASSWORD }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const view = (await (await fetch(`${base}/api/staff/cases/${code}`, { headers: { Cookie: cookie } })).json()) as {
      version: number;
    };
    const res = await fetch(`${base}/api/staff/cases/${code}/accept`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken },
      body: JSON.stringify({ version: view.version }),
    });
    expect(res.status).toBe(200);
  }

  it('a coordinator filters by period and force, opens the list behind a bar and a number, and downloads the XLSX', async () => {
    const { page, server, problems } = session;
    const market = [];
    for (let i = 0; i < 3; i++) market.push(await file({ ...TRA_LINH, category: 'counterfeit', placeType: 'market' }));
    await file({ ...TRA_LINH, category: 'smuggling', placeType: 'border_gate' });
    await accept('market.cao-bang', market[0] ?? '');

    // A coordinator lands on the dashboard after signing in.
    await page.goto(`${server.baseUrl}/staff`);
    await page.getByLabel('Tên đăng nhập').fill('coordinator.cao-bang');
    await page.getByLabel('Mật khẩu').fill(TEST_DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Thống kê tin báo' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff/dashboard');
    await page.getByTestId('total-received').getByText('4', { exact: true }).waitFor();

    // This month, market management only; both stay in the URL.
    await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: 'Tháng này' });
    await page.waitForURL(/from=\d{4}-\d{2}-01/);
    await page.getByLabel('Lực lượng', { exact: true }).selectOption({ label: 'Quản lý thị trường' });
    await page.waitForURL(/force=market/);
    await page
      .getByTestId('dashboard-scope')
      .getByText(/Quản lý thị trường/)
      .waitFor();
    await page.getByTestId('total-received').getByText('3', { exact: true }).waitFor();
    await page.screenshot({ path: path.join(ARTEFACTS, 'dashboard-desk.png'), fullPage: true });

    // The category chart's table gives the number of the counterfeit row …
    const byCategory = page.getByTestId('figure-by-category');
    await byCategory.getByRole('button', { name: 'Xem bảng số liệu' }).click();
    const counterfeitRow = byCategory
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Hàng giả' }) });
    const shown = ((await counterfeitRow.getByRole('cell').first().textContent()) ?? '').trim();
    expect(shown).toBe('3');
    // … and a click on that bar in the chart lists exactly that many reports.
    await byCategory.getByRole('button', { name: 'Xem biểu đồ' }).click();
    await byCategory.locator('.recharts-bar-rectangle').first().click();
    await page.waitForURL(/\/staff\/dashboard\/reports\?.*dimension=category/);
    expect(new URL(page.url()).searchParams.get('key')).toBe('counterfeit');
    expect(new URL(page.url()).searchParams.get('measure')).toBe('received');
    await page.getByTestId('drill-total').getByText(`Tổng số: ${shown} tin báo`).waitFor();
    for (const code of market) await page.getByRole('link', { name: code }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(Number(shown));

    // A number in a table opens its list the same way: accepted in time, by force.
    await page.goBack();
    const byForce = page.getByTestId('figure-by-force');
    await byForce.getByRole('button', { name: 'Xem bảng số liệu' }).click();
    const marketRow = byForce
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Quản lý thị trường' }) });
    const acceptedInTime = marketRow.getByRole('cell').nth(1);
    expect((await acceptedInTime.textContent())?.trim()).toBe('1');
    await acceptedInTime.getByRole('link').click();
    await page.getByTestId('drill-total').getByText('Tổng số: 1 tin báo').waitFor();
    await page.getByRole('link', { name: market[0] ?? '' }).waitFor();

    // The periodic report of this half-year, downloaded as XLSX.
    await page.goBack();
    await page.getByRole('link', { name: /Báo cáo định kỳ/ }).click();
    // Wait for the periodic page before choosing: the dashboard has lists of its own.
    await page.waitForURL(/\/staff\/dashboard\/periodic/);
    await page.locator('h1.periodic__title').waitFor();
    // Issue #18: the period is chosen by preset (half, its year and which half), then shown.
    const [year, half] = currentHalf().split('-H');
    await page.getByLabel('Loại kỳ báo cáo', { exact: true }).selectOption('half');
    await page.getByLabel('Năm', { exact: true }).selectOption(year ?? '');
    await page.getByLabel('Tháng, quý hoặc nửa năm', { exact: true }).selectOption(half ?? '');
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await page.getByRole('heading', { level: 2, name: 'Theo lực lượng' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Số liệu tổng hợp (XLSX)' }).click(),
    ]);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tipline-xlsx-'));
    try {
      const file = path.join(dir, download.suggestedFilename());
      await download.saveAs(file);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      // Two title lines, a blank, the header, then the total: Cao Bằng received four reports this half-year.
      const sheet = workbook.worksheets[0];
      expect(sheet?.getRow(4).getCell(4).value).toBe('Tiếp nhận');
      expect(sheet?.getRow(5).getCell(1).value).toBe('Tổng số');
      expect(sheet?.getRow(5).getCell(4).value).toBe(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The session check before sign-in answers 401; nothing else may go wrong.
    expect(problems.filter((p) => !/401/.test(p))).toEqual([]);
  });

  it('shows "<10" on the public page, without signing in, for a province with two reports, and the year to choose', async () => {
    const { page, server, problems } = session;
    const communes = (await (await fetch(`${server.baseUrl}/api/public/provinces/82/communes`)).json()) as {
      communes: { code: string }[];
    };
    const communeCode = communes.communes[0]?.code ?? '';
    for (let i = 0; i < 2; i++)
      await file({
        provinceCode: '82',
        communeCode,
        address: 'Chợ phường',
        category: 'counterfeit',
        placeType: 'market',
      });

    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Số liệu thống kê tin báo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Số liệu thống kê tin báo' }).waitFor();
    await page.getByLabel('Tỉnh, thành phố', { exact: true }).selectOption({ label: 'Tỉnh Đồng Tháp' });
    await page
      .getByTestId('public-scope')
      .getByText(/Tỉnh Đồng Tháp/)
      .waitFor();
    const received = page.locator('.stat-card').filter({ hasText: 'Tin báo tiếp nhận' });
    expect((await received.locator('.stat-card__value').textContent())?.trim()).toBe('<10');
    await page.getByRole('heading', { name: 'Vì sao các con số được làm tròn?' }).waitFor();
    await page.getByText(/làm tròn riêng đến bội số gần nhất của 5/).waitFor();
    await page.getByText(/Tình trạng xử lý chỉ được công bố cho cả nước/).waitFor();
    // Issue #15: calendar years only; the year before the latest one runs January to December.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const earlier = Number(today.slice(0, 4)) - (today.slice(5, 7) === '01' ? 2 : 1);
    await page.getByLabel('Năm', { exact: true }).selectOption({ label: `Năm ${earlier}` });
    await page
      .getByTestId('public-scope')
      .getByText(`Tỉnh Đồng Tháp, từ 01/01/${earlier} đến 31/12/${earlier}`)
      .waitFor();
    expect(new URL(page.url()).searchParams.get('year')).toBe(String(earlier));
    await page.screenshot({ path: path.join(ARTEFACTS, 'public-stats-desk.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
