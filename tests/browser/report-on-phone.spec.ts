import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { phoneJpeg } from '../helpers/images';
import { PHONE, describeInBrowser, useBrowserPage } from './browser';

jest.setTimeout(90_000);

const ARTEFACTS = path.resolve(__dirname, '../../test-results');

describeInBrowser('a citizen reports from a phone and tracks the report', () => {
  const session = useBrowserPage(PHONE, { clock: { now: () => new Date() } });
  let photoPaths: string[];

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tipline-photos-'));
    photoPaths = await Promise.all(
      ['cho-tra-linh.jpg', 'hang-gia.jpg'].map(async (name, i) => {
        const file = path.join(dir, name);
        writeFileSync(file, await phoneJpeg(3000 + i * 100, 2000));
        return file;
      }),
    );
    mkdirSync(ARTEFACTS, { recursive: true });
  });

  it('files a report with two photos, sees the lead unit, the progress and the receipt, then tracks it', async () => {
    const { page, server, problems } = session;
    await page.goto(`${server.baseUrl}/report`);
    await page.getByRole('heading', { level: 1, name: 'Gửi tin báo' }).waitFor();

    // Sending an empty form names the fields next to them, without leaving the page.
    await page.getByRole('button', { name: 'Gửi tin báo' }).click();
    await page.getByText('Lĩnh vực vi phạm: bắt buộc phải nhập').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('category');

    await page.getByRole('radio', { name: 'Hàng giả' }).check();
    await page.getByRole('radio', { name: 'Chợ, trung tâm thương mại, cửa hàng, kho bãi' }).check();
    await page.getByLabel(/Tỉnh, thành phố nơi xảy ra vi phạm/).selectOption({ label: 'Tỉnh Cao Bằng' });
    await page.getByRole('searchbox').fill('tra linh');
    await page.getByRole('listbox', { name: 'Xã, phường, đặc khu' }).getByRole('option', { name: 'Xã Trà Lĩnh' }).waitFor();
    await page.getByRole('listbox', { name: 'Xã, phường, đặc khu' }).selectOption({ label: 'Xã Trà Lĩnh' });
    await page.getByText('Đơn vị sẽ chủ trì xử lý: Đội Quản lý thị trường số 2').waitFor();

    await page.getByLabel('Địa chỉ hoặc mốc nhận biết').fill('Chợ Trà Lĩnh, gian hàng số 12');
    await page.getByLabel('Mô tả').fill('Bán nước hoa giả nhãn hiệu nổi tiếng, giá rẻ bất thường, không có hóa đơn.');
    await page.locator('input[type=file]').setInputFiles(photoPaths);
    await page.getByRole('img', { name: 'Ảnh 2' }).waitFor();
    expect(await page.getByRole('button', { name: /^Bỏ ảnh/ }).count()).toBe(2);
    await page.screenshot({ path: path.join(ARTEFACTS, 'report-form-phone.png'), fullPage: true });

    // A real progress bar: it shows bytes sent, not just that something is happening.
    const sawProgress = page.waitForFunction(() => (document.querySelector<HTMLProgressElement>('progress#upload-progress')?.value ?? 0) > 0, undefined, { timeout: 20_000 }).then(() => true);
    await page.getByRole('button', { name: 'Gửi tin báo' }).click();
    expect(await sawProgress).toBe(true);

    await page.getByRole('heading', { name: 'Đã tiếp nhận tin báo' }).waitFor({ timeout: 30_000 });
    const code = (await page.getByTestId('tracking-code').textContent()) ?? '';
    const secret = (await page.getByTestId('secret').textContent()) ?? '';
    expect(code).toMatch(/^389-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(secret).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(await page.getByText('Đơn vị chủ trì: Đội Quản lý thị trường số 2').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Lưu thành tệp văn bản' }).getAttribute('download')).toBe(`tin-bao-${code}.txt`);
    await page.screenshot({ path: path.join(ARTEFACTS, 'receipt-phone.png'), fullPage: true });

    await page.getByRole('link', { name: 'Tra cứu tình trạng tin báo' }).click();
    await page.getByLabel('Mã tra cứu').fill(code.toLowerCase());
    await page.getByLabel('Mã bí mật').fill(secret);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByTestId('status').waitFor();
    expect(await page.getByTestId('status').textContent()).toBe('Đã tiếp nhận');
    await page.screenshot({ path: path.join(ARTEFACTS, 'track-phone.png'), fullPage: true });

    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });
});
