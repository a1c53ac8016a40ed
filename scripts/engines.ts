/**
 * Smoke tests of the production build in the engines students use besides Chromium:
 * Firefox ESR (school laptops) and WebKitGTK, Safari's engine (iPads). Both are Debian's
 * builds, each in a window on a private Xvfb display, against dist/ served by scripts/serve.ts
 * under /convlens/. The checks are in e2e-engines/smoke.ts.
 *
 * Usage: tsx scripts/engines.ts [firefox] [webkit]   (default: both; run `npm run build` first)
 * Paths: FIREFOX_PATH, WEBKIT_DRIVER_PATH, MINIBROWSER_PATH override the Debian locations.
 * A missing browser, driver or Xvfb fails the run with the Debian package to install.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchFirefox } from '../e2e-engines/firefox';
import { launchWebKit } from '../e2e-engines/webkit';
import { NO_PROBLEMS_CHECK_NAME, SMOKE_CHECKS, type SmokeCheck } from '../e2e-engines/smoke';
import { webkitConsoleCheck } from '../e2e-engines/webkitConsole';
import { stopAllGroups } from '../e2e-engines/processes';
import { waitUntil, type EngineSession } from '../e2e-engines/session';
import { startStaticServer, type StaticServer } from './bench/servers';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BASE = '/convlens/';
const VIEWPORT = { width: 1366, height: 768 } as const;
const SCREEN = '1600x1000x24';
const LAUNCH_TIMEOUT_MS = 90_000;
const CLOSE_TIMEOUT_MS = 30_000;

interface Engine {
  readonly id: 'firefox' | 'webkit';
  readonly label: string;
  /** Why the engine cannot run here (a missing program and its Debian package), or null. */
  missing(): string | null;
  /** The checks, in order, on one page; the check for page problems follows them. */
  readonly checks: readonly SmokeCheck[];
  launch(display: string): Promise<EngineSession>;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` in PATH, or null. */
function inPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** MiniBrowser ships in libwebkit2gtk-4.1-0 under the multiarch library folder. */
function findMiniBrowser(): string | null {
  if (process.env.MINIBROWSER_PATH) return executable(process.env.MINIBROWSER_PATH) ? process.env.MINIBROWSER_PATH : null;
  const candidates = ['/usr/libexec/webkit2gtk-4.1/MiniBrowser'];
  if (existsSync('/usr/lib')) {
    for (const dir of readdirSync('/usr/lib')) candidates.unshift(join('/usr/lib', dir, 'webkit2gtk-4.1', 'MiniBrowser'));
  }
  return candidates.find(executable) ?? null;
}

const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? inPath('WebKitWebDriver');
const MINIBROWSER_PATH = findMiniBrowser();

const ENGINES: readonly Engine[] = [
  {
    id: 'firefox',
    label: 'Firefox ESR',
    missing: () =>
      executable(FIREFOX_PATH)
        ? null
        : `Firefox ESR not found at ${FIREFOX_PATH}: install Debian's package firefox-esr (apt-get install -y firefox-esr), or set FIREFOX_PATH`,
    checks: SMOKE_CHECKS,
    launch: (display) => launchFirefox({ executablePath: FIREFOX_PATH, display, viewport: VIEWPORT }),
  },
  {
    id: 'webkit',
    label: 'WebKitGTK',
    missing: () => {
      if (!WEBKIT_DRIVER_PATH || !executable(WEBKIT_DRIVER_PATH))
        return "WebKitWebDriver not found: install Debian's package webkit2gtk-driver (apt-get install -y webkit2gtk-driver), or set WEBKIT_DRIVER_PATH";
      if (!MINIBROWSER_PATH)
        return "WebKitGTK's MiniBrowser not found (/usr/lib/<arch>/webkit2gtk-4.1/MiniBrowser): it comes with Debian's package libwebkit2gtk-4.1-0, which webkit2gtk-driver installs (apt-get install -y webkit2gtk-driver), or set MINIBROWSER_PATH";
      return null;
    },
    checks: [...SMOKE_CHECKS, webkitConsoleCheck(MINIBROWSER_PATH ?? '')],
    launch: (display) => launchWebKit({ driverPath: WEBKIT_DRIVER_PATH ?? '', miniBrowserPath: MINIBROWSER_PATH ?? '', display, viewport: VIEWPORT }),
  },
];

/** A private X display: Xvfb picks a free display number and reports it (no race with other displays). */
async function startXvfb(): Promise<{ display: string; child: ChildProcess }> {
  const xvfb = inPath('Xvfb');
  if (!xvfb) throw new Error("Xvfb not found: install Debian's package xvfb (apt-get install -y xvfb)");
  const child = spawn(xvfb, ['-displayfd', '3', '-screen', '0', SCREEN, '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const display = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start within 20 s: ${log.trim()}`)), 20_000);
    const pipe = child.stdio[3] as NodeJS.ReadableStream;
    pipe.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /^(\d+)\n/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(`:${match[1]}`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}): ${log.trim()}`));
    });
  });
  return { display, child };
}

/** `promise`, or a failure after `ms` naming `what`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function message(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Some driver errors carry only their name (e.g. a WebDriver "invalid argument" without text).
  return error.message || `${error.name} (no message)`;
}

interface Result {
  readonly engine: string;
  readonly name: string;
  readonly ok: boolean;
  readonly note: string;
}

const results: Result[] = [];
/** Engines that could not run, and why. */
const notRun: string[] = [];

function report(engine: string, name: string, ok: boolean, note: string, ms?: number): void {
  results.push({ engine, name, ok, note });
  const time = ms === undefined ? '' : ` (${(ms / 1000).toFixed(1)} s)`;
  if (note === 'not run') {
    console.log(`  ✗ ${name} (not run)`);
    return;
  }
  console.log(`  ${ok ? '✓' : '✗'} ${name}${time}`);
  if (note) console.log(`      ${note.replaceAll('\n', '\n      ')}`);
}

/** Every check of an engine that could not run fails, with the reason said once. */
function failAll(engine: Engine, why: string): void {
  console.log(`\n${engine.label}: cannot run: ${why}`);
  for (const name of [...engine.checks.map((c) => c.name), NO_PROBLEMS_CHECK_NAME]) report(engine.label, name, false, 'not run');
  notRun.push(`${engine.label}: ${why}`);
}

/**
 * Proves that the watch for page problems sees them in this engine: makes a console error and
 * an uncaught error on purpose, after all the checks, and waits for both to be reported.
 * Returns why the watch is blind, or null.
 */
async function watchIsBlind(session: EngineSession, alreadySeen: number): Promise<string | null> {
  const consoleError = 'engine smoke: a console error made on purpose';
  const pageError = 'engine smoke: an uncaught error made on purpose';
  try {
    await session.evaluate(`(console.error(${JSON.stringify(consoleError)}), setTimeout(() => { throw new Error(${JSON.stringify(pageError)}); }), 0)`);
    await waitUntil(
      'the errors made on purpose to be reported',
      async () => (await session.problems()).slice(alreadySeen),
      (seen) => seen.some((p) => p.includes(consoleError)) && seen.some((p) => p.includes(pageError) && !p.startsWith('console')),
      15_000,
    );
    return null;
  } catch (error) {
    return `the watch for page problems is blind in this engine, so "no problems" would prove nothing: ${message(error)}`;
  }
}

async function runEngine(engine: Engine, display: string, url: string, scratch: string): Promise<void> {
  const missing = engine.missing();
  if (missing) {
    failAll(engine, missing);
    return;
  }
  let session: EngineSession;
  try {
    session = await within(engine.launch(display), LAUNCH_TIMEOUT_MS, `starting ${engine.label}`);
  } catch (error) {
    failAll(engine, `it did not start: ${message(error)}`);
    return;
  }
  console.log(`\n${session.name} (${session.how})`);
  /** Each page problem, with the check during which it appeared. */
  const problems: string[] = [];
  let problemsSeen = 0;
  let broken: string | null = null;
  try {
    for (const smoke of engine.checks) {
      if (broken) {
        report(session.name, smoke.name, false, `not run: ${broken}`);
        continue;
      }
      const start = Date.now();
      try {
        const note = await within(smoke.run(session, { url, scratch, display }), smoke.timeoutMs, 'the check');
        report(session.name, smoke.name, true, note, Date.now() - start);
      } catch (error) {
        report(session.name, smoke.name, false, message(error), Date.now() - start);
        if (/took longer than/.test(message(error))) broken = `an earlier check ran out of time, the page may still be busy with it`;
      }
      try {
        const seen = await within(session.problems(), 30_000, 'reading the page problems');
        for (const problem of seen.slice(problemsSeen)) problems.push(`[during "${smoke.name}"] ${problem}`);
        problemsSeen = seen.length;
      } catch (error) {
        problems.push(`[after "${smoke.name}"] could not read the page problems: ${message(error)}`);
      }
    }
    const warnings = await within(session.warnings(), 30_000, 'reading the console warnings').catch((error) => [
      `could not read the console warnings: ${message(error)}`,
    ]);
    if (warnings.length) console.log(`  (console warnings, not failures:\n    ${warnings.join('\n    ')})`);
    const blind = await watchIsBlind(session, problemsSeen);
    if (blind) problems.push(blind);
    report(session.name, NO_PROBLEMS_CHECK_NAME, problems.length === 0, problems.join('\n'));
  } finally {
    await within(session.close(), CLOSE_TIMEOUT_MS, `closing ${engine.label}`).catch((error) => console.log(`  (closing: ${message(error)})`));
  }
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !ENGINES.some((e) => e.id === w));
  if (unknown.length) {
    console.error(`unknown engine ${unknown.join(', ')}: use ${ENGINES.map((e) => e.id).join(' and/or ')}`);
    return 2;
  }
  const engines = wanted.length ? ENGINES.filter((e) => wanted.includes(e.id)) : ENGINES;
  if (engines.length < ENGINES.length) console.log(`only ${engines.map((e) => e.label).join(', ')} (chosen on the command line)`);
  const started = Date.now();
  let xvfb: ChildProcess | null = null;
  let server: StaticServer | null = null;
  const scratch = mkdtempSync(join(tmpdir(), 'convlens-engines-'));
  // Interrupted: stop what was started (puppeteer stops its Firefox itself), then end.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopAllGroups();
      server?.stop();
      xvfb?.kill();
      rmSync(scratch, { recursive: true, force: true });
      console.log(`engines: interrupted (${signal})`);
      process.exit(1);
    });
  }
  try {
    let setupError: string | null = null;
    if (!existsSync(join(ROOT, 'dist', 'index.html'))) setupError = 'dist/index.html not found: run `npm run build` first';
    let display = '';
    if (!setupError) {
      try {
        const x = await startXvfb();
        xvfb = x.child;
        display = x.display;
        server = await startStaticServer(ROOT, 'dist', BASE);
      } catch (error) {
        setupError = message(error);
      }
    }
    for (const engine of engines) {
      if (setupError || !server) {
        failAll(engine, setupError ?? 'the app server did not start');
      } else {
        await runEngine(engine, display, server.url, scratch);
      }
    }
  } finally {
    server?.stop();
    if (xvfb && xvfb.exitCode === null) xvfb.kill();
    rmSync(scratch, { recursive: true, force: true });
  }
  const failed = results.filter((r) => !r.ok);
  console.log(`\n${engines.map((e) => e.label).join(' and ')} smoke tests in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  for (const f of failed) if (f.note !== 'not run') console.log(`  failed: ${f.engine}: ${f.name}`);
  for (const why of notRun) console.log(`  not run, so failed: ${why}`);
  console.log(`engines: ${results.length - failed.length} passed, ${failed.length} failed`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    console.log('engines: 0 passed, 1 failed');
    process.exit(1);
  },
);
