import type { Locator, Page } from 'playwright-core';

/** The public home page (/), found the way a user finds things: by role and accessible name. */
export class HomePage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/`);
    await this.heading().waitFor();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.heading().waitFor();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The hotline link in the page header, by its accessible name ("Gọi đường dây nóng 0981.389.389"). */
  headerHotline(name: string | RegExp): Locator {
    return this.page.getByRole('banner').getByRole('link', { name });
  }

  languageSwitch(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: /English|Tiếng Việt/ });
  }

  async switchLanguage(): Promise<void> {
    const before = await this.heading().textContent();
    await this.languageSwitch().click();
    await this.page.waitForFunction((previous) => document.querySelector('h1')?.textContent !== previous, before);
  }

  reportButton(name: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name, exact: true });
  }

  categoryItems(): Locator {
    return this.page
      .getByRole('main')
      .getByRole('region', { name: /Bạn có thể báo về|What you can report/ })
      .getByRole('listitem');
  }

  htmlLang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }

  /** Width of the document beyond the viewport; anything above 0 means sideways scrolling on a phone. */
  horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }
}
