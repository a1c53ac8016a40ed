/**
 * Renders the app icons (PNG, 192 and 512 px, plus a maskable 512 px one) from the SVG
 * logo in headless Chromium, so the committed PNGs can be rebuilt exactly.
 * Usage: tsx scripts/make-icons.ts  (writes public/icons/)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';

const OUT = join('public', 'icons');

/**
 * The logo: a 3×3 kernel sliding along a diagonal on a dark tile. `inset` is the fraction
 * of the side left empty on each edge (maskable icons keep their content inside the
 * central 80 % circle); `rounded` rounds the tile's corners.
 */
function logoSvg(inset: number, rounded: boolean): string {
  // Three cells and two gaps of a tenth of a cell fill the space between the insets.
  const cell = (32 * (1 - 2 * inset)) / 3.2;
  const origin = 32 * inset;
  const at = (i: number) => (origin + i * cell * 1.1).toFixed(3);
  const size = cell.toFixed(3);
  const square = (col: number, row: number, fill: string, opacity = 1) =>
    `<rect x="${at(col)}" y="${at(row)}" width="${size}" height="${size}" fill="${fill}" opacity="${opacity}"/>`;
  const amber = [0, 1, 2].map((i) => square(i, i, '#ffb000')).join('');
  const violet = [
    [1, 0, 0.6],
    [2, 0, 0.35],
    [0, 1, 0.6],
    [2, 1, 0.6],
    [0, 2, 0.35],
    [1, 2, 0.6],
  ]
    .map(([c, r, o]) => square(c, r, '#8073ac', o))
    .join('');
  const tile = `<rect width="32" height="32" rx="${rounded ? 6 : 0}" fill="#181820"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">${tile}${amber}${violet}</svg>`;
}

const ICONS = [
  { file: 'icon-192.png', side: 192, svg: logoSvg(0.14, true) },
  { file: 'icon-512.png', side: 512, svg: logoSvg(0.14, true) },
  { file: 'icon-maskable-512.png', side: 512, svg: logoSvg(0.24, false) },
];

async function main() {
  await mkdir(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    for (const { file, side, svg } of ICONS) {
      const page = await browser.newPage({ viewport: { width: side, height: side }, deviceScaleFactor: 1 });
      const url = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(`<body style="margin:0;background:transparent"><img src="${url}" width="${side}" height="${side}" style="display:block"></body>`);
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: side, height: side } });
      await writeFile(join(OUT, file), png);
      await page.close();
      console.log(`wrote ${join(OUT, file)} (${side}×${side})`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
