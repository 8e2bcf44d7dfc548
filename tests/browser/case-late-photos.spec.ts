import { randomUUID } from 'node:crypto';
import { phoneJpeg } from '../helpers/images';
import { TEST_DEMO_PASSWORD } from '../helpers/test-db';
import { DESK, describeInBrowser, useBrowserPage } from './browser';

jest.setTimeout(90_000);

/**
 * Issue #14: a citizen's photos follow the report one by one; the officer who has the case page
 * open sees them arrive without reloading, and sees the seller an online report names.
 */
describeInBrowser('the case page while photos arrive after the report', () => {
  const session = useBrowserPage(DESK, { clock: { now: () => new Date() } });

  it('shows the seller handle of a province-only online report and a photo sent after it opened', async () => {
    const { server, page, problems } = session;
    const submitted = await fetch(`${server.baseUrl}/api/public/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({
        category: 'counterfeit',
        placeType: 'online',
        provinceCode: '04',
        sellerHandle: 'Zalo 0399000123 "Mỹ phẩm xách tay"',
        observedAt: new Date(Date.now() - 3_600_000).toISOString(),
        description: 'Tài khoản Zalo bán mỹ phẩm giả nhãn hiệu nổi tiếng, giao hàng khắp tỉnh.',
      }),
    });
    expect(submitted.status).toBe(201);
    const receipt = (await submitted.json()) as { trackingCode: string; secret: string };

    await page.goto(`${server.baseUrl}/staff`);
    await page.getByLabel('Tên đăng nhập').fill('market.cao-bang');
    await page.getByLabel('Mật khẩu').fill(TEST_DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Tin báo của đơn vị' }).waitFor();
    await page.goto(`${server.baseUrl}/staff/cases/${receipt.trackingCode}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(receipt.trackingCode) }).waitFor();
    expect(await page.getByTestId('case-seller-handle').textContent()).toBe('Zalo 0399000123 "Mỹ phẩm xách tay"');
    expect(await page.getByRole('img', { name: 'Ảnh 1' }).count()).toBe(0);

    const form = new FormData();
    form.append('secret', receipt.secret);
    form.append('photo', new Blob([new Uint8Array(await phoneJpeg(800, 600))], { type: 'image/jpeg' }), 'IMG_0001.jpg');
    const photo = await fetch(`${server.baseUrl}/api/public/reports/${receipt.trackingCode}/photos`, {
      method: 'POST',
      headers: { 'Idempotency-Key': randomUUID() },
      body: form,
    });
    expect(await photo.json()).toEqual({ photosStored: 1, photosAccepted: 4 });

    // No reload: the page asks again every 15 s while it is visible.
    await page.getByRole('img', { name: 'Ảnh 1' }).waitFor({ timeout: 25_000 });
    // The session check before sign-in answers 401; nothing else may go wrong.
    expect(problems.filter((p) => !/401/.test(p))).toEqual([]);
  });
});
