import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PHONE, describeInBrowser, useBrowserPage } from './browser';
import { HomePage } from './pages/HomePage';

jest.setTimeout(60_000);

const ARTEFACTS = path.resolve(__dirname, '../../test-results');

describeInBrowser('a citizen opens the home page on a phone', () => {
  const session = useBrowserPage(PHONE);

  it('reads Vietnamese by default, calls the hotlines, and switches to English and back, remembered on reload', async () => {
    const { page, server, problems } = session;
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

    for (const target of [
      home.languageSwitch(),
      home.headerHotline(/0981\.389\.389/),
      home.reportButton('Gửi tin báo'),
    ]) {
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
