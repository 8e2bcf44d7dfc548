import type { Browser, BrowserContext } from 'playwright-core';
import { firstFormField, hotlineLink, timeToHotline, timeToUsableForm } from '../helpers/field-measures';
import { startThrottleProxy, WEAK_3G, type ThrottleProxy } from '../helpers/throttle-proxy';
import { PHONE, describeInBrowser, launchBrowser, watchForPageProblems } from './browser';
import { startTestServer, type RunningServer } from './test-server';

jest.setTimeout(90_000);

/**
 * Issue #14: a phone on a weak link (400 kbit/s down, 200 up, 400 ms round trip, through the
 * throttling proxy), Chromium at 390 × 844, each test a cold start (fresh context, empty cache).
 */
describeInBrowser('the first screen on a weak mobile link', () => {
  let server: RunningServer;
  let proxy: ThrottleProxy;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    proxy = await startThrottleProxy({ port: Number(new URL(server.baseUrl).port) }, WEAK_3G);
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.close();
  });
  afterEach(async () => {
    proxy.restore();
    await context?.close();
    context = undefined;
  });

  async function coldPage(options: { javaScriptEnabled?: boolean } = {}) {
    context = await browser.newContext({ ...PHONE, ...options });
    const page = await context.newPage();
    const problems = options.javaScriptEnabled === false ? [] : await watchForPageProblems(page);
    return { page, problems };
  }

  it('shows the hotline numbers within 3 s of a cold start, and the report form is usable within 6 s', async () => {
    const { page, problems } = await coldPage();
    const hotline = await timeToHotline(page, proxy.url);
    expect(hotline).toBeLessThan(3_000);
    expect(await hotlineLink(page).getAttribute('href')).toBe('tel:0981389389');

    await context?.close();
    const cold = await coldPage();
    const form = await timeToUsableForm(cold.page, proxy.url);
    expect(form).toBeLessThan(6_000);
    // Usable means it answers: the first control takes a choice or text.
    const field = firstFormField(cold.page);
    if (['radio', 'checkbox'].includes((await field.getAttribute('type')) ?? '')) {
      await field.check();
      expect(await field.isChecked()).toBe(true);
    } else {
      await field.fill('Chợ Trà Lĩnh');
      expect(await field.inputValue()).toBe('Chợ Trà Lĩnh');
    }
    console.log(`weak link, cold start: hotline visible after ${hotline} ms, report form usable after ${form} ms`);
    expect([...problems, ...cold.problems]).toEqual([]);
  });

  it('without JavaScript the first HTML already shows the title, the two tel: links and the way to report', async () => {
    const { page } = await coldPage({ javaScriptEnabled: false });
    await page.goto(`${proxy.url}/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Báo tin buôn lậu, hàng giả, gian lận thương mại',
    );
    for (const [name, href] of [
      ['Gọi đường dây nóng 0981.389.389', 'tel:0981389389'],
      ['Gọi đường dây nóng 0961.389.389', 'tel:0961389389'],
    ]) {
      const link = page.getByRole('banner').getByRole('link', { name });
      expect(await link.isVisible()).toBe(true);
      expect(await link.getAttribute('href')).toBe(href);
    }
    const report = page.getByRole('main').getByRole('link', { name: 'Gửi tin báo' });
    expect(await report.isVisible()).toBe(true);
    expect(await report.getAttribute('href')).toBe('/report');
    expect((await report.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
  });

  it('after one visit the public pages (/, /report, /track, /stats) open with no network at all, and the staff area never comes from the cache', async () => {
    const { page, problems } = await coldPage();
    await timeToUsableForm(page, proxy.url);
    // The service worker registers after the page has loaded, then precaches the citizen pages.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    proxy.cut();
    for (const url of ['/report', '/track', '/']) {
      await page.goto(`${proxy.url}${url}`);
      expect(await hotlineLink(page).isVisible()).toBe(true);
    }
    expect(await timeToUsableForm(page, proxy.url)).toBeLessThan(3_000);
    // The public figures' code is kept too (their numbers need the network).
    await page.goto(`${proxy.url}/stats`);
    await page.getByRole('heading', { level: 1, name: 'Số liệu thống kê tin báo' }).waitFor({ timeout: 5_000 });
    await expect(page.goto(`${proxy.url}/staff`)).rejects.toThrow(/ERR_/);
    // Offline, the report page shows no script or CSP error (the provinces are simply not there yet).
    expect(problems.filter((p) => !/Failed to (fetch|load resource)|ERR_CONNECTION|net::/.test(p))).toEqual([]);
  });
});
