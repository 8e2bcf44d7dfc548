import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { TestAppOptions } from '../helpers/test-app';
import { startTestServer, type RunningServer } from './test-server';

/** Debian's Chromium (STACK.md): never a browser downloaded by Playwright. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * `describe` for browser specs. Without Chromium the specs are skipped with a message, unless
 * REQUIRE_BROWSER=1 (CI), where a missing browser must fail the run rather than pass it silently.
 */
export function describeInBrowser(name: string, specs: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(name, specs);
    return;
  }
  const reason = `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.REQUIRE_BROWSER === '1') {
    describe(name, () => {
      it('needs Chromium (REQUIRE_BROWSER=1)', () => {
        throw new Error(reason);
      });
    });
    return;
  }
  console.warn(`Skipping browser specs "${name}": ${reason}`);
  describe.skip(name, specs);
}

/**
 * Collects what should never happen on our pages: console errors, uncaught exceptions and
 * Content-Security-Policy violations (reported by the browser event, which also catches
 * violations that do not reach the console).
 */
export async function watchForPageProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.exposeBinding('__reportCspViolation', (_source, text: string) => {
    problems.push(`CSP violation: ${text}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      void report(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return problems;
}

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
export const DESK = { viewport: { width: 1280, height: 900 } } as const;

export interface BrowserSession {
  server: RunningServer;
  page: Page;
  /** Console errors, page errors and CSP violations seen so far on `page`. */
  problems: string[];
}

/**
 * The setup every browser spec shares: the real app on a loopback port and one Chromium for the
 * file, a fresh context and page (watched for problems) for each test. Read the fields inside tests.
 */
export function useBrowserPage(context: BrowserContextOptions, server?: TestAppOptions): BrowserSession {
  const session = {} as BrowserSession;
  let browser: Browser;
  let current: BrowserContext | undefined;
  beforeAll(async () => {
    [session.server, browser] = await Promise.all([startTestServer(server), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await session.server?.close();
  });
  beforeEach(async () => {
    current = await browser.newContext(context);
    session.page = await current.newPage();
    session.problems = await watchForPageProblems(session.page);
  });
  afterEach(async () => current?.close());
  return session;
}
