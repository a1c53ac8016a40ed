/**
 * Takes screenshots of the running app for the README and for review.
 * Usage: tsx scripts/screenshot.ts URL OUT.png [WIDTHxHEIGHT] [--full] [--tab=network|training]
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';

const [url = 'http://127.0.0.1:4173/convlens/', out = 'docs/screenshot.png', size = '1366x768'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const [width, height] = size.split('x').map(Number);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.goto(url);
  await page.getByTestId('fired-map-0').waitFor({ timeout: 60_000 });
  const tab = process.argv.find((a) => a.startsWith('--tab='))?.slice(6);
  if (tab) await page.getByTestId(`tab-${tab}`).click();
  await page.waitForTimeout(Number(process.env.SHOT_WAIT ?? 500));
  await page.screenshot({ path: out, fullPage: process.argv.includes('--full') });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
