import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { TEST_DEMO_PASSWORD } from '../helpers/test-db';
import { DESK, describeInBrowser, useBrowserPage } from './browser';
import { sheetRows } from '../helpers/xlsx';

jest.setTimeout(180_000);
const ARTEFACTS = path.resolve(__dirname, '../../test-results');

/** Today in Vietnam, `yyyy-mm-dd`. */
const vietnamToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/**
 * Issue #18, "done when": an officer resolves a report with a fine and seized goods, a coordinator sees them in
 * the periodic report and downloads the XLSX. The report is filed through the public API and accepted through
 * the staff API (the loop before it has its own tests); the results are typed in the case page.
 */
describeInBrowser('results as data, from the case page to the committee’s periodic report', () => {
  const session = useBrowserPage({ ...DESK, locale: 'vi-VN' }, { clock: { now: () => new Date() } });

  it('an officer records a fine and seized goods; the coordinator reads them on the page and in the XLSX', async () => {
    const { page, server, problems } = session;
    const base = server.baseUrl;
    const filed = await fetch(`${base}/api/public/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        category: 'counterfeit',
        placeType: 'market',
        provinceCode: '04',
        communeCode: '01447',
        address: 'Chợ Trà Lĩnh, dãy C',
        observedAt: new Date(Date.now() - 3_600_000).toISOString(),
        description: 'Một gian hàng trong chợ bán mỹ phẩm giả nhãn hiệu nổi tiếng, không có hóa đơn chứng từ.',
      }),
    });
    expect(filed.status).toBe(201);
    const code = ((await filed.json()) as { trackingCode: string }).trackingCode;

    // The lead unit's officer signs in, opens the report and accepts it.
    await page.goto(`${base}/staff`);
    await page.getByLabel('Tên đăng nhập').fill('market.cao-bang');
    await page.getByLabel('Mật khẩu').fill(TEST_DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Tin báo của đơn vị' }).waitFor();
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(code) }).waitFor();
    await page.getByRole('button', { name: 'Thụ lý' }).click();
    await page.getByTestId('case-status').getByText('Đã thụ lý').waitFor();

    // Resolved as a handled violation: the decision with a fine of 15,000,000 đ, and one lot of goods seized.
    const today = vietnamToday();
    await page.getByRole('button', { name: 'Ghi kết quả giải quyết' }).click();
    const form = page.locator('form.case-action');
    await form.getByLabel('Kết quả', { exact: true }).selectOption('violation_handled');
    await form.getByLabel('Kết quả công khai').fill('Đã kiểm tra gian hàng, xử phạt vi phạm hành chính theo quy định.');
    await form.getByLabel('Số biên bản vi phạm hành chính').fill('12/BB-VPHC');
    await form.getByLabel('Ngày lập biên bản').fill(today);
    await form.getByLabel('Số quyết định', { exact: true }).fill('34/QĐ-XPHC');
    await form.getByLabel('Ngày quyết định', { exact: true }).fill(today);
    await form.getByLabel('Phạt tiền', { exact: true }).check();
    await form.getByLabel('Số tiền phạt (đồng)').fill('15.000.000');
    await form.getByRole('button', { name: 'Thêm lô hàng' }).click();
    await page.locator('[id="action-seizedGoods.0.goodsType"]').selectOption('cosmetics');
    await page.locator('#action-lot-0-quantity').fill('12,5');
    await page.locator('#action-lot-0-unit').fill('kg');
    await page.locator('#action-lot-0-value').fill('3.750.000');
    await form.getByRole('button', { name: 'Ghi kết quả giải quyết' }).click();
    await page.getByTestId('case-status').getByText('Đã giải quyết').waitFor();
    await page.getByTestId('seized-goods').getByText('3.750.000').waitFor();
    await page.screenshot({ path: path.join(ARTEFACTS, 'case-results.png'), fullPage: true });

    // The province coordinator opens this month's periodic report.
    await page.context().clearCookies();
    await page.goto(`${base}/staff`);
    await page.getByLabel('Tên đăng nhập').fill('coordinator.cao-bang');
    await page.getByLabel('Mật khẩu').fill(TEST_DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Thống kê tin báo' }).waitFor();
    await page.goto(`${base}/staff/dashboard/periodic`);
    await page.locator('h1.periodic__title').waitFor();
    await page.getByLabel('Loại kỳ báo cáo', { exact: true }).selectOption('month');
    await page.getByLabel('Năm', { exact: true }).selectOption(today.slice(0, 4));
    await page.getByLabel('Tháng, quý hoặc nửa năm', { exact: true }).selectOption(String(Number(today.slice(5, 7))));
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await page.waitForURL(/preset=month/);

    // The outcome table: one report resolved, its fine, its lot and the lot's value.
    const byOutcome = page.locator('section[aria-labelledby="periodic-outcome"]');
    const handled = byOutcome.getByRole('row').filter({
      has: page.getByRole('rowheader', { name: 'Xử phạt vi phạm hành chính' }),
    });
    await handled.waitFor();
    expect((await handled.getByRole('cell').allTextContents()).map((s) => s.trim())).toEqual([
      '1',
      '15.000.000',
      '1',
      '3.750.000',
    ]);
    const cosmetics = page
      .locator('section[aria-labelledby="periodic-goods"]')
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Mỹ phẩm' }) });
    expect((await cosmetics.getByRole('cell').allTextContents()).map((s) => s.trim())).toEqual([
      '1',
      '15.000.000',
      '1',
      '3.750.000',
    ]);
    await page.screenshot({ path: path.join(ARTEFACTS, 'periodic-results.png'), fullPage: true });

    // … and downloads the XLSX: the same figures, under the same outcome and goods type.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Số liệu tổng hợp (XLSX)' }).click(),
    ]);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tipline-results-'));
    try {
      const file = path.join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const rows = sheetRows(book.worksheets[0]);
      const total = rows.find((r) => r['Nhóm'] === 'Tổng số');
      const outcome = rows.find((r) => r['Nhóm'] === 'Theo kết quả xử lý' && r['Mã'] === 'violation_handled');
      const goods = rows.find((r) => r['Nhóm'] === 'Theo nhóm hàng' && r['Mã'] === 'cosmetics');
      for (const row of [total, outcome, goods])
        expect([
          row?.['Đã giải quyết trong kỳ'],
          row?.['Tiền phạt (đồng)'],
          row?.['Số lô hàng tạm giữ, tịch thu'],
          row?.['Trị giá hàng tạm giữ, tịch thu (đồng)'],
        ]).toEqual([1, 15_000_000, 1, 3_750_000]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The session check before sign-in answers 401; nothing else may go wrong.
    expect(problems.filter((p) => !/401/.test(p))).toEqual([]);
  });
});
