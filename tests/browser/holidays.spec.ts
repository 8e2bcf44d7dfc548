import { TEST_DEMO_PASSWORD } from '../helpers/test-db';
import { DESK, describeInBrowser, useBrowserPage } from './browser';

jest.setTimeout(60_000);

describeInBrowser('the holiday calendar at a desk', () => {
  const session = useBrowserPage(DESK, { clock: { now: () => new Date() } });

  async function signIn(username: string) {
    const { page, server } = session;
    await page.goto(`${server.baseUrl}/staff/holidays`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(TEST_DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Lịch ngày nghỉ lễ, tết' }).waitFor();
  }

  it('shows Tết 2026; a national coordinator adds a day off and removes it', async () => {
    const { page, problems } = session;
    await signIn('coordinator');
    await page.getByLabel('Năm').selectOption('2026');
    await page.getByRole('rowheader', { name: '17/02/2026' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: '17/02/2026' }).textContent()).toContain(
      'Tết Nguyên đán Bính Ngọ',
    );

    await page.getByLabel('Ngày', { exact: true }).fill('31/12/2026');
    await page.getByLabel('Tên', { exact: true }).fill('Nghỉ bù thử nghiệm');
    await page.getByRole('button', { name: 'Lưu ngày này' }).click();
    await page.getByRole('rowheader', { name: '31/12/2026' }).waitFor();
    await page.getByRole('button', { name: 'Bỏ ngày 31/12/2026' }).click();
    await page.getByRole('rowheader', { name: '31/12/2026' }).waitFor({ state: 'detached' });
    expect(problems.filter((p) => !/401/.test(p))).toEqual([]);
  });

  it('lets a province coordinator read it but not change it', async () => {
    const { page } = session;
    await signIn('coordinator.cao-bang');
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('button', { name: 'Lưu ngày này' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Bỏ ngày/ }).count()).toBe(0);
  });
});
