import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openApp, onCounts } from './fixtures';
import { sevenPng } from './sevenPng';

function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'ascii');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 6, 0, 0, 0], 16);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.alloc(64)]);
}

async function upload(page: Page, name: string, mimeType: string, buffer: Buffer) {
  if (buffer.length < 40 * 1024 * 1024) {
    await page.getByTestId('upload-input').setInputFiles({ name, mimeType, buffer });
    return;
  }
  // Playwright hands large files over by path only.
  const path = test.info().outputPath(name);
  writeFileSync(path, buffer);
  await page.getByTestId('upload-input').setInputFiles(path);
}

test('bad uploads are refused with a clear message and the input stays', async ({ page }) => {
  await openApp(page);
  const before = await onCounts(page);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const cases: [string, string, Buffer, RegExp][] = [
    ['empty.png', 'image/png', Buffer.alloc(0), /empty/i],
    ['notes.png', 'image/png', Buffer.from('This is just text, renamed to look like a picture.\n'), /PNG, JPEG, WebP or GIF/],
    ['huge.png', 'image/png', pngHeader(10_000, 10_000), /10[,.\u202f ]?000 × 10[,.\u202f ]?000/],
    ['drawing.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), /PNG, JPEG, WebP or GIF/],
    ['big-50MB.png', 'image/png', Buffer.concat([pngHeader(100, 100), Buffer.alloc(50 * 1024 * 1024)]), /MB/],
  ];
  for (const [name, mime, buffer, message] of cases) {
    await upload(page, name, mime, buffer);
    const error = page.getByTestId('input-error');
    await expect(error).toContainText(name);
    await expect(error).toContainText(message);
    await expect(page.getByTestId('input-source')).toHaveText('MNIST digit 2, number 0');
    expect(await onCounts(page)).toEqual(before);
  }
  expect(dialogs).toBe(0);
});

test('a dark-on-light picture is inverted, centred and used as the input', async ({ page, problems }) => {
  await openApp(page);
  const before = await onCounts(page);
  await upload(page, 'seven.png', 'image/png', await sevenPng(page));
  await expect(page.getByTestId('input-source')).toHaveText('Uploaded: seven.png');
  await expect(page.getByTestId('input-error')).toHaveCount(0);
  const after = await onCounts(page);
  expect(after).not.toEqual(before);
  expect(after.reduce((a, b) => a + b, 0)).toBeGreaterThan(20);
  // A damaged file with a valid signature is refused after the header check.
  const broken = Buffer.concat([pngHeader(50, 50).subarray(0, 40), Buffer.from('garbage')]);
  await upload(page, 'broken.png', 'image/png', broken);
  await expect(page.getByTestId('input-error')).toContainText('broken.png');
  await expect(page.getByTestId('input-source')).toHaveText('Uploaded: seven.png');
  expect(problems.errors).toEqual([]);
});
