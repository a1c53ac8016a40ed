/**
 * WebKitGTK's MiniBrowser, driven through WebKitWebDriver (classic W3C WebDriver) with
 * selenium-webdriver, in a window on the virtual display. Classic WebDriver has no console:
 * the page's problems are watched by an error probe (./error-probe.js) that a front to the app's
 * server puts before the app's scripts; the engine's own console messages are read in a
 * separate, inspected window (./webkitConsole.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { Builder, By, Button, Origin, type WebDriver } from 'selenium-webdriver';
import { freePort } from '../scripts/bench/servers';
import { stopGroup, trackGroup } from './processes';
import { byTestId, check, waitUntil, type EngineSession, type Point } from './session';

export interface WebKitOptions {
  readonly driverPath: string;
  readonly miniBrowserPath: string;
  /** The X display to open the window on (Xvfb). */
  readonly display: string;
  readonly viewport: { readonly width: number; readonly height: number };
}

const PROBE_FILE = 'engine-smoke-error-probe.js';
const PROBE = readFileSync(new URL('./error-probe.js', import.meta.url));

/**
 * A front for the app's server that passes every request through unchanged, except that the
 * HTML page gets the error probe (./error-probe.js) as its first script, and that it notes
 * every HTTP error and every request it could not pass on.
 */
async function startProbeFront(upstream: URL, problems: string[]): Promise<{ url: string; server: Server }> {
  const port = await freePort();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path.endsWith(`/${PROBE_FILE}`)) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Content-Length': PROBE.length, 'Cache-Control': 'no-cache' }).end(PROBE);
      return;
    }
    const headers = { ...req.headers, host: upstream.host };
    delete headers['accept-encoding'];
    const forward = request({ host: upstream.hostname, port: upstream.port, path, method: req.method, headers }, (answer) => {
      const status = answer.statusCode ?? 502;
      if (status >= 400) problems.push(`HTTP ${status}: ${path}`);
      const type = String(answer.headers['content-type'] ?? '');
      if (!type.startsWith('text/html')) {
        res.writeHead(status, answer.headers);
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const html = Buffer.concat(chunks).toString('utf8');
        const at = html.indexOf('<script');
        const body = at < 0 ? html : `${html.slice(0, at)}<script src="./${PROBE_FILE}"></script>\n    ${html.slice(at)}`;
        const out = Buffer.from(body, 'utf8');
        res.writeHead(status, { ...answer.headers, 'content-length': String(out.length) }).end(out);
      });
    });
    forward.on('error', (error) => {
      problems.push(`request failed: ${path} ${error.message}`);
      res.writeHead(502).end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { url: `http://127.0.0.1:${port}`, server };
}

/** Starts WebKitWebDriver on a free port and waits until it answers. */
async function startDriver(driverPath: string, display: string): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const port = await freePort();
  let output = '';
  // Its own process group, so that stopping it also stops the MiniBrowser it started.
  const child = spawn(driverPath, [`--port=${port}`], { env: { ...process.env, DISPLAY: display }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  trackGroup(child);
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  let exited: string | null = null;
  child.once('exit', (code, signal) => (exited = `WebKitWebDriver exited (${signal ?? code}): ${output.trim()}`));
  await waitUntil(
    'WebKitWebDriver to answer',
    async () => {
      if (exited) throw new Error(exited);
      const res = await fetch(`${url}/status`);
      return ((await res.json()) as { value?: { ready?: boolean } }).value?.ready === true;
    },
    (ready) => ready || exited !== null,
    20_000,
  );
  check(exited === null, exited ?? '');
  return { url, child, output: () => output };
}

export async function launchWebKit(options: WebKitOptions): Promise<EngineSession> {
  const driverProcess = await startDriver(options.driverPath, options.display);
  let driver: WebDriver;
  try {
    driver = await new Builder()
      .usingServer(driverProcess.url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: options.miniBrowserPath, args: ['--automation'] },
      })
      .build();
  } catch (error) {
    stopGroup(driverProcess.child);
    const detail = driverProcess.output().trim();
    throw new Error(
      `MiniBrowser did not start through WebKitWebDriver: ${error instanceof Error ? error.message : String(error)}${detail ? `\n${detail}` : ''}`,
      { cause: error },
    );
  }
  const problems: string[] = [];
  let front: { url: string; server: Server } | null = null;
  try {
    const capabilities = await driver.getCapabilities();
    const version = String(capabilities.get('browserVersion') ?? '?');
    // The window is larger than the viewport by its toolbar: make the viewport the size asked for.
    await driver.manage().window().setRect({ width: options.viewport.width, height: options.viewport.height });
    const inner = (await driver.executeScript('return [innerWidth, innerHeight];')) as [number, number];
    await driver
      .manage()
      .window()
      .setRect({ width: 2 * options.viewport.width - inner[0], height: 2 * options.viewport.height - inner[1] });

    const element = (testId: string) => driver.findElement(By.css(`[data-testid="${testId}"]`));

    return {
      name: `WebKitGTK ${version}`,
      how: 'MiniBrowser through WebKitWebDriver (selenium-webdriver), page errors by an in-page probe, a window on Xvfb',
      async open(url) {
        const target = new URL(url);
        front ??= await startProbeFront(target, problems);
        await driver.get(`${front.url}${target.pathname}${target.search}`);
      },
      async evaluate<T>(expression: string) {
        return (await driver.executeScript(`return (${expression});`)) as T;
      },
      async click(testId) {
        await element(testId).click();
      },
      async select(testId, value) {
        // A click on the option, as a user picks it from the list; options without a value attribute have their text as value.
        const index = (await driver.executeScript(
          `return [...(${byTestId(testId)}?.options ?? [])].findIndex((o) => o.value === ${JSON.stringify(value)});`,
        )) as number;
        check(index >= 0, `${testId} has no option ${value}`);
        const options = await element(testId).findElements(By.css('option'));
        await options[index].click();
      },
      async stroke(points: readonly Point[]) {
        const at = ([x, y]: Point) => ({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT, duration: 0 });
        let actions = driver.actions({ async: true }).move(at(points[0])).press(Button.LEFT);
        for (const point of points.slice(1)) actions = actions.move(at(point));
        await actions.release(Button.LEFT).perform();
      },
      async upload(testId, path) {
        await element(testId).sendKeys(path);
      },
      async problems() {
        const seen = (await driver.executeScript('return window.__engineSmokeProblems ?? null;')) as string[] | null;
        return [...problems, ...(seen ?? ['the error probe is not on the page: console and page errors could not be watched'])];
      },
      async warnings() {
        return ((await driver.executeScript('return window.__engineSmokeWarnings ?? [];')) as string[]).slice();
      },
      async close() {
        try {
          await driver.quit();
        } finally {
          stopGroup(driverProcess.child);
          front?.server.close();
        }
      },
    } satisfies EngineSession;
  } catch (error) {
    await driver.quit().catch(() => {});
    stopGroup(driverProcess.child);
    throw error;
  }
}
