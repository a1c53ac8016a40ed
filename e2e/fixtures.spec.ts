import { test, expect, openApp } from './fixtures';

// The automatic problem check of every browser test, checked itself: `test.fail()` marks a test
// that must fail, so these pass only while the check catches what it is meant to catch.

test('the problem check fails a test whose page logs a console error it did not allow', async ({ page }) => {
  test.fail();
  await openApp(page);
  await page.evaluate(() => console.error('a console error on purpose'));
});

test('the problem check fails a test whose page throws', async ({ page, problems }) => {
  test.fail();
  await openApp(page);
  await page.evaluate(() =>
    setTimeout(() => {
      throw new Error('an uncaught error on purpose');
    }),
  );
  await expect.poll(() => problems.all.length).toBeGreaterThan(0);
});

test('the problem check fails a test whose page cancels its own request', async ({ page, problems }) => {
  test.fail();
  await openApp(page);
  await page.evaluate(async () => {
    const abort = new AbortController();
    const request = fetch(`./data/mnist.bin?probe=${Math.random()}`, { signal: abort.signal }).catch(() => null);
    abort.abort();
    await request;
  });
  await expect.poll(() => problems.all.length).toBeGreaterThan(0);
});

test('an error the test names is allowed, and only that one', async ({ page, problems }) => {
  problems.allow(/an allowed error on purpose/);
  await openApp(page);
  await page.evaluate(() => console.error('an allowed error on purpose'));
  await expect.poll(() => problems.all).toEqual(['console: an allowed error on purpose']);
  expect(problems.errors).toEqual([]);
});

test('requests cut short by a reload the test makes are not failures', async ({ page, problems }) => {
  await openApp(page);
  await page.evaluate(() => void fetch(`./data/mnist.bin?probe=${Math.random()}`));
  await page.reload();
  await expect(page.getByTestId('fired-map-0')).toBeVisible();
  expect(problems.errors).toEqual([]);
});
