import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchBrowser, watchForPageProblems } from './browser';
import { HomePage } from './pages/HomePage';
import { startTestServer, type RunningServer } from './test-server';

jest.setTimeout(60_000);

const ARTEFACTS = path.resolve(__dirname, '../../test-results');

describeInBrowser('a citizen opens the home page on a phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    page = await context.newPage();
    problems = await watchForPageProblems(page);
  });

  afterEach(async () => {
    await context?.close();
  });

  it('reads Vietnamese by default, calls the hotlines, and switches to English and back, remembered on reload', async () => {
    const home = new HomePage(page, server.baseUrl);
    await home.open();

    expect(await home.heading().textContent()).toBe('Báo tin buôn lậu, hàng giả, gian lận thương mại');
    expect(await home.htmlLang()).toBe('vi');
    expect(await home.headerHotline('Gọi đường dây nóng 0981.389.389').getAttribute('href')).toBe('tel:0981389389');
    expect(await home.headerHotline('Gọi đường dây nóng 0961.389.389').getAttribute('href')).toBe('tel:0961389389');
    expect(await home.reportButton('Gửi tin báo').getAttribute('href')).toBe('/report');
    expect(await home.categoryItems().allTextContents()).toHaveLength(9);
    expect(await home.categoryItems().first().textContent()).toBe('Buôn lậu');
    expect(await home.horizontalOverflow()).toBeLessThanOrEqual(0);

    for (const target of [home.languageSwitch(), home.headerHotline(/0981\.389\.389/), home.reportButton('Gửi tin báo')]) {
      expect((await target.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    }

    mkdirSync(ARTEFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTEFACTS, 'home-phone.png'), fullPage: true });

    expect(await home.languageSwitch().textContent()).toBe('English');
    expect(await home.languageSwitch().getAttribute('lang')).toBe('en');
    await home.switchLanguage();
    expect(await home.heading().textContent()).toBe('Report smuggling, counterfeits and trade fraud');
    expect(await home.htmlLang()).toBe('en');
    expect(await home.reportButton('Send a tip').getAttribute('href')).toBe('/report');
    expect(await home.headerHotline('Call the hotline 0981.389.389').getAttribute('href')).toBe('tel:0981389389');

    await home.reload();
    expect(await home.heading().textContent()).toBe('Report smuggling, counterfeits and trade fraud');
    expect(await home.htmlLang()).toBe('en');
    expect(await home.languageSwitch().textContent()).toBe('Tiếng Việt');
    expect(await home.languageSwitch().getAttribute('lang')).toBe('vi');

    await home.switchLanguage();
    expect(await home.heading().textContent()).toBe('Báo tin buôn lậu, hàng giả, gian lận thương mại');
    expect(await home.htmlLang()).toBe('vi');
    await home.reload();
    expect(await home.htmlLang()).toBe('vi');

    expect(problems).toEqual([]);
  });
});
