/**
 * A real PNG drawn by the browser under test: a dark "7" on white, 120x160, which ConvLens
 * inverts, crops and centres like any dark-on-light picture. Shared by the Chromium tests and
 * the Firefox / WebKit smoke checks, which evaluate the same page expression.
 */
import type { Page } from '@playwright/test';

/** A page expression whose value is the PNG as a `data:image/png;base64,...` URL. */
export const SEVEN_PNG_EXPRESSION = `(() => {
  const c = document.createElement('canvas');
  c.width = 120;
  c.height = 160;
  const ctx = c.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 120, 160);
  ctx.strokeStyle = '#111';
  ctx.lineWidth = 14;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(40, 20);
  ctx.lineTo(100, 20);
  ctx.lineTo(55, 145);
  ctx.stroke();
  return c.toDataURL('image/png');
})()`;

/** The bytes of a data URL's base64 payload. */
export function dataUrlBytes(dataUrl: string): Buffer {
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

/** The "7" as PNG bytes, drawn by this page. */
export async function sevenPng(page: Page): Promise<Buffer> {
  return dataUrlBytes(await page.evaluate<string>(SEVEN_PNG_EXPRESSION));
}
