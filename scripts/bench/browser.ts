/** Browser-side plumbing shared by the bench sections: launching, User Timing entries, app readiness. */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';

/** A User Timing entry as the bench sees it. */
export interface TimingEntry {
  readonly name: string;
  readonly startTime: number;
  readonly duration: number;
}

declare global {
  interface Window {
    __convlensEntries?: TimingEntry[];
  }
}

/** The viewport of the browser tests. */
export const VIEWPORT = { width: 1366, height: 768 };

/**
 * Headless Chromium as the browser tests launch it (CHROMIUM_ARGS: SwiftShader WebGL),
 * plus precise heap sizes for performance.memory.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
}

/**
 * A fresh context and page whose User Timing entries named `convlens:*` are collected by a
 * PerformanceObserver from the first script on (so the app's own buffer limit never loses one).
 */
export async function newObservedPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  await context.addInitScript(() => {
    const entries: TimingEntry[] = [];
    window.__convlensEntries = entries;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name.startsWith('convlens:')) entries.push({ name: e.name, startTime: e.startTime, duration: e.duration });
    }).observe({ entryTypes: ['mark', 'measure'] });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[page console] ${message.text()}`);
  });
  return { context, page };
}

/** Returns the entries collected since the last call, and forgets them. */
export function takeEntries(page: Page): Promise<TimingEntry[]> {
  return page.evaluate(() => (window.__convlensEntries ?? []).splice(0));
}

/** Durations of the entries called `name`. */
export function durations(entries: readonly TimingEntry[], name: string): number[] {
  return entries.filter((e) => e.name === name).map((e) => e.duration);
}

/**
 * Waits until the app has fully started: the CNN has predicted something, and tfjs and the
 * model session are loaded and warm (the status bar names the backend and counts tensors).
 * The first predictions come before tfjs, which loads a moment later; measuring before that
 * would time tfjs's start-up and take a tensor baseline of zero.
 */
export async function waitForPrediction(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    () =>
      !!document.querySelector('[data-testid="prediction"]')?.getAttribute('data-digit') &&
      !!document.querySelector('[data-testid="backend"]')?.getAttribute('data-backend') &&
      !!document.querySelector('[data-testid="tensor-count"]')?.getAttribute('data-count'),
    null,
    { timeout, polling: 'raf' },
  );
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
