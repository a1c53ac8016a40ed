/** Firefox ESR, driven by puppeteer-core over WebDriver BiDi, in a window on the virtual display. */
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { check, steadyClickPoint, type EngineSession, type Point } from './session';

export interface FirefoxOptions {
  readonly executablePath: string;
  /** The X display to open the window on (Xvfb). */
  readonly display: string;
  readonly viewport: { readonly width: number; readonly height: number };
}

export async function launchFirefox(options: FirefoxOptions): Promise<EngineSession> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: options.executablePath,
    // A window on the virtual display, not headless: headless Firefox has no WebGL without a GPU,
    // a window gets it from Mesa's software renderer, as a school laptop gets it from its GPU.
    headless: false,
    env: { ...process.env, DISPLAY: options.display },
    defaultViewport: { ...options.viewport },
    protocolTimeout: 120_000,
    extraPrefsFirefox: {
      // The interface language follows the browser: the checks read the English texts.
      'intl.accept_languages': 'en-US',
      'intl.locale.requested': 'en-US',
    },
  });
  try {
    const version = (await browser.version()).replace(/^firefox\//i, '');
    const page: Page = await browser.newPage();
    const problems: string[] = [];
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      else if (message.type() === 'warn') warnings.push(`console warning: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error instanceof Error ? error.message : String(error)}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });

    return {
      name: `Firefox ESR ${version}`,
      how: 'puppeteer-core over WebDriver BiDi, a window on Xvfb',
      async open(url) {
        await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
      },
      evaluate<T>(expression: string) {
        return page.evaluate(expression) as Promise<T>;
      },
      async click(testId) {
        const [x, y] = await steadyClickPoint(this, testId);
        await page.mouse.click(x, y);
      },
      async select(testId, value) {
        const picked = await page.select(`[data-testid="${testId}"]`, value);
        check(picked.includes(value), `${testId} has no option ${value}`);
      },
      async stroke(points: readonly Point[]) {
        const [x0, y0] = points[0];
        await page.mouse.move(x0, y0);
        await page.mouse.down();
        for (const [x, y] of points.slice(1)) await page.mouse.move(x, y);
        await page.mouse.up();
      },
      async upload(testId, path) {
        const input = await page.$(`input[type="file"][data-testid="${testId}"]`);
        check(input !== null, `${testId} is not a file input on the page`);
        await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
      },
      async problems() {
        return [...problems];
      },
      async warnings() {
        return [...warnings];
      },
      async close() {
        await browser.close();
      },
    } satisfies EngineSession;
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
}
