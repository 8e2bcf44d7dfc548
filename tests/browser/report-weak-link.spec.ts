import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../server/db/query-rows';
import { startThrottleProxy, WEAK_3G, type LinkSettings, type ThrottleProxy } from '../helpers/throttle-proxy';
import { accessibilityProblems } from './accessibility';
import { PHONE, describeInBrowser, useBrowserPage } from './browser';

jest.setTimeout(300_000);

/** The page itself loads over a fast link (its weight is measured elsewhere); the report goes over the weak one. */
const FAST: LinkSettings = { downKbps: 100_000, upKbps: 100_000, latencyMs: 0 };

/** A phone photo of about 4 MB, 4000 × 3000, noisy enough to be heavy to decode and shrink. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: '#6a7850',
      noise: { type: 'gaussian', mean: 128, sigma: 12 },
    },
  })
    .jpeg({ quality: 90 })
    .toBuffer();
}

describeInBrowser('a report over a weak mobile link (400/200 kbit/s, 400 ms) that drops and stalls (issue #14)', () => {
  const session = useBrowserPage(PHONE, { clock: { now: () => new Date() } });
  const link: LinkSettings = { ...FAST };
  let proxy: ThrottleProxy;
  let photos: string[];

  beforeAll(async () => {
    proxy = await startThrottleProxy({ port: session.server.port }, link);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tipline-weak-'));
    const jpeg = await phonePhoto();
    photos = ['cho-tra-linh.jpg', 'kho-hang.jpg'].map((name) => {
      const file = path.join(dir, name);
      writeFileSync(file, jpeg);
      return file;
    });
  });
  afterAll(async () => proxy?.close());
  beforeEach(() => {
    Object.assign(link, FAST);
    proxy.restore();
  });

  const count = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ n: number }>(session.server.deps.db, query))[0]?.n ?? 0;
  const reportsWith = (description: string) =>
    count(sql`select count(*)::int as n from reports where description = ${description}`);
  const photosOf = (code: string) =>
    count(
      sql`select count(*)::int as n from report_photos p join reports r on r.id = p.report_id where r.tracking_code = ${code}`,
    );

  async function openForm(page: Page) {
    await page.goto(`${proxy.url}/report`);
    await page.getByRole('radio', { name: 'Hàng giả' }).waitFor();
    Object.assign(link, WEAK_3G);
  }

  async function fillReport(page: Page, description: string, files: string[] = []) {
    await page.getByRole('radio', { name: 'Hàng giả' }).check();
    await page.getByRole('radio', { name: 'Chợ, trung tâm thương mại, cửa hàng, kho bãi' }).check();
    await page.getByLabel(/Tỉnh, thành phố nơi xảy ra vi phạm/).selectOption({ label: 'Tỉnh Cao Bằng' });
    await page.getByRole('searchbox').fill('tra linh');
    await page.getByText('Đã chọn: Xã Trà Lĩnh').waitFor({ timeout: 20_000 });
    await page.getByLabel('Địa chỉ hoặc mốc nhận biết').fill('Chợ Trà Lĩnh, gian hàng số 12');
    await page.getByLabel('Mô tả').fill(description);
    if (files.length > 0) {
      await page.locator('input[type=file]').setInputFiles(files);
      await page.getByRole('img', { name: `Ảnh ${files.length}` }).waitFor({ timeout: 60_000 });
    }
  }

  const status = (page: Page, n: number) => page.getByTestId(`photo-upload-${n}`).getAttribute('data-status');
  /** Waits until photo n is through, and says it was stored (a refusal ends the wait at once). */
  async function sent(page: Page, n: number) {
    await page
      .locator(`[data-testid=photo-upload-${n}]:is([data-status=sent], [data-status=refused])`)
      .waitFor({ timeout: 240_000 });
    const item = page.getByTestId(`photo-upload-${n}`);
    expect({ status: await item.getAttribute('data-status'), text: await item.textContent() }).toMatchObject({
      status: 'sent',
    });
  }
  /** Waits until photo n has sent at least this share of its bytes in the current attempt. */
  const progressed = (page: Page, n: number, share: number) =>
    page.waitForFunction(
      ([n, share]) => {
        const bar = document.querySelector<HTMLProgressElement>(
          `[data-testid=photo-upload-${n}][data-status=sending] progress`,
        );
        return bar !== null && bar.value / bar.max >= share;
      },
      [n, share] as const,
      { timeout: 240_000 },
    );

  it('shows the receipt within 15 s with two 4 MB photos, shrinks them, and after a cut during the second photo resends that photo only', async () => {
    const { page, problems } = session;
    await openForm(page);
    const description = 'Kho hàng giả sau chợ Trà Lĩnh, hai ảnh chụp bằng điện thoại qua mạng yếu.';
    await fillReport(page, description, photos);
    const clicked = Date.now();
    await page.getByRole('button', { name: 'Gửi tin báo' }).click();
    await page.getByRole('heading', { name: 'Đã tiếp nhận tin báo' }).waitFor({ timeout: 15_000 });
    expect(Date.now() - clicked).toBeLessThan(15_000);
    const code = (await page.getByTestId('tracking-code').textContent()) ?? '';

    const sizes = await page
      .locator('[data-testid^=photo-upload-]')
      .evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-bytes'))));
    // Shrunk on the phone: a 4 MB photo leaves at a fraction of its size.
    expect(sizes).toHaveLength(2);
    for (const size of sizes) expect(size).toBeLessThan(2_000_000);

    await sent(page, 1);
    const upAfterFirst = proxy.bytes().up;
    await progressed(page, 2, 0.3);
    proxy.cut();
    await page.locator('[data-testid=photo-upload-2][data-status=failed]').waitFor({ timeout: 30_000 });
    expect(await status(page, 1)).toBe('sent');
    proxy.restore();
    await sent(page, 2);
    await page.getByText('Đã gửi xong ảnh (2).').waitFor();

    // The first photo was not sent again: after it, only the second went up (a part of it, which the
    // cut lost, then all of it). Upload progress counts bytes in socket buffers, so the part is not known.
    const afterFirst = proxy.bytes().up - upAfterFirst;
    expect(afterFirst).toBeGreaterThanOrEqual(sizes[1] ?? 0);
    expect(afterFirst).toBeLessThan((sizes[1] ?? 0) * 2 + 64_000);
    expect(await photosOf(code)).toBe(2);
    expect(await reportsWith(description)).toBe(1);
    expect(problems.filter((p) => !/Failed to load resource|ERR_CONNECTION/.test(p))).toEqual([]);
  });

  it('says the network is very slow within 25 s of a stall, offers to stop, and goes on when the link is back', async () => {
    const { page } = session;
    await openForm(page);
    await fillReport(page, 'Cửa hàng bán mỹ phẩm giả trên phố chính, ảnh gửi khi mạng chập chờn.', photos.slice(0, 1));
    await page.getByRole('button', { name: 'Gửi tin báo' }).click();
    await page.getByRole('heading', { name: 'Đã tiếp nhận tin báo' }).waitFor({ timeout: 30_000 });
    await progressed(page, 1, 0.1);

    proxy.stall();
    const stalledAt = Date.now();
    await page.getByText('Mạng đang rất chậm hoặc mất kết nối').waitFor({ timeout: 25_000 });
    expect(Date.now() - stalledAt).toBeLessThan(25_000);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await page.getByRole('button', { name: 'Dừng gửi' }).isVisible()).toBe(true);

    proxy.restore();
    await sent(page, 1);
    expect(await page.getByText('Mạng đang rất chậm hoặc mất kết nối').count()).toBe(0);
  });

  it('offers the draft back, photos included, after a reload in the middle of the form', async () => {
    const { page } = session;
    await page.goto(`${proxy.url}/report`);
    const description = 'Đang viết dở thì tải lại trang: tin báo và ảnh phải còn nguyên.';
    await fillReport(page, description, photos);
    await page.waitForTimeout(1_000);

    // Leaving a filled form asks first; staying keeps everything.
    await page.getByRole('link', { name: 'Tra cứu tin báo' }).first().click();
    await page.getByRole('alertdialog', { name: 'Rời trang tin báo?' }).waitFor();
    await page.getByRole('button', { name: 'Ở lại' }).click();
    expect(await page.getByLabel('Mô tả').inputValue()).toBe(description);

    page.on('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await page.getByRole('heading', { name: 'Tiếp tục tin báo đang soạn?' }).waitFor();
    expect(await page.getByText('(2 ảnh)').count()).toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    expect(await page.getByLabel('Mô tả').inputValue()).toBe(description);
    expect(await page.getByRole('radio', { name: 'Hàng giả' }).isChecked()).toBe(true);
    await page.getByText('Đã chọn: Xã Trà Lĩnh').waitFor();
    await page.getByRole('img', { name: 'Ảnh 2' }).waitFor();

    // Deleting it gives an empty form, and no offer on the next visit.
    await page.reload();
    await page.getByRole('button', { name: 'Xóa và soạn mới' }).click();
    expect(await page.getByLabel('Mô tả').inputValue()).toBe('');
    await page.reload();
    await page.getByRole('radio', { name: 'Hàng giả' }).waitFor();
    expect(await page.getByText('Tiếp tục tin báo đang soạn?').count()).toBe(0);
  });

  it('keeps a report completed offline as not sent yet, and sends it when the network returns', async () => {
    const { page } = session;
    await openForm(page);
    const description = 'Xe tải chở hàng lậu qua đường mòn, gửi lúc điện thoại mất sóng.';
    await fillReport(page, description);
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Gửi tin báo' }).click();
    await page.getByRole('heading', { name: 'Chưa gửi — sẽ tự gửi khi có mạng' }).waitFor();
    expect(await reportsWith(description)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.context().setOffline(false);
    await page.getByRole('heading', { name: 'Đã tiếp nhận tin báo' }).waitFor({ timeout: 30_000 });
    expect(await reportsWith(description)).toBe(1);
  });

  it('resends after a lost answer and gets the same receipt, with one report stored', async () => {
    const { page } = session;
    await openForm(page);
    const description = 'Câu trả lời bị mất trên đường về: gửi lại không được tạo tin báo thứ hai.';
    await fillReport(page, description);

    // The answer crawls back (minutes for a few hundred bytes) while the request goes up as usual…
    link.downKbps = 0.004;
    await page.getByRole('button', { name: 'Gửi tin báo' }).click();
    const deadline = Date.now() + 30_000;
    while ((await reportsWith(description)) === 0 && Date.now() < deadline) await page.waitForTimeout(200);
    expect(await reportsWith(description)).toBe(1);
    // …and the link drops with the answer still on its way.
    proxy.cut();
    Object.assign(link, WEAK_3G);
    await page.waitForTimeout(500);
    proxy.restore();

    await page.getByRole('heading', { name: 'Đã tiếp nhận tin báo' }).waitFor({ timeout: 60_000 });
    const code = (await page.getByTestId('tracking-code').textContent()) ?? '';
    expect(code).toMatch(/^389-/);
    expect(await reportsWith(description)).toBe(1);
    const [stored] = await queryRows<{ tracking_code: string }>(
      session.server.deps.db,
      sql`select tracking_code from reports where description = ${description}`,
    );
    expect(stored?.tracking_code).toBe(code);
  });
});
