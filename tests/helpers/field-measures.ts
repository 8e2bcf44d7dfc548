import type { Locator, Page } from 'playwright-core';

/**
 * What a citizen waits for on a weak link (issue #14), measured the same way by
 * tests/browser/first-screen.spec.ts and bench/field.ts. Each starts its clock just before the
 * navigation; a cold start is a fresh browser context (empty cache, no service worker).
 */

/** The first national hotline as a `tel:` link: in the first HTML, then in the page React renders. */
export const hotlineLink = (page: Page): Locator => page.locator('a[href="tel:0981389389"]').first();

/** The report form's first field (whatever the form's first control is), once React has rendered it. */
export const firstFormField = (page: Page): Locator =>
  page.locator('main form').locator('input:not([type=hidden]), textarea, select').first();

/** ms from the navigation to `/` until the hotline number is on screen. */
export async function timeToHotline(page: Page, baseUrl: string, timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  await page.goto(`${baseUrl}/`, { waitUntil: 'commit', timeout: timeoutMs });
  await hotlineLink(page).waitFor({ state: 'visible', timeout: timeoutMs });
  return Date.now() - started;
}

/** ms from the navigation to `/report` until the form's first field is visible and enabled. */
export async function timeToUsableForm(page: Page, baseUrl: string, timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  await page.goto(`${baseUrl}/report`, { waitUntil: 'commit', timeout: timeoutMs });
  const field = firstFormField(page);
  await field.waitFor({ state: 'visible', timeout: timeoutMs });
  while (!(await field.isEnabled())) {
    if (Date.now() - started > timeoutMs) throw new Error('the report form stayed disabled');
    await page.waitForTimeout(50);
  }
  return Date.now() - started;
}
