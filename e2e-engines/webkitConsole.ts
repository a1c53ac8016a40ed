/**
 * WebKit's own console, which the WebDriver run cannot read: classic WebDriver has no console,
 * WebKitWebDriver 2.50 has no WebDriver BiDi, an automation session is ephemeral (which turns
 * off WebKit's copy of console messages to stdout), and WebKit's inspector does not list pages
 * under automation. The in-page error probe sees what scripts see, but not what the engine
 * itself reports: CSP directives it does not know, WebGL errors, failed loads.
 *
 * So a second MiniBrowser window, not under automation, opens the app with WebKit's HTTP
 * inspector server on (WEBKIT_INSPECTOR_HTTP_SERVER), and this file reads its console and
 * evaluates in it through the inspector protocol on a WebSocket, as WebKit's own inspector does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { freePort } from '../scripts/bench/servers';
import { stopGroup, trackGroup } from './processes';
import { byTestId, check, waitUntil } from './session';
import type { SmokeCheck } from './smoke';

/** How a console message's source is named in the report. */
const SOURCES: Record<string, string> = { 'console-api': 'console error', javascript: 'page error', network: 'network error', security: 'security error' };

interface ConsoleMessage {
  readonly source: string;
  readonly level: string;
  readonly text: string;
  readonly url?: string;
  readonly line?: number;
}

interface Reply {
  readonly result?: { result?: { type?: string; value?: unknown; description?: string }; wasThrown?: boolean };
  readonly error?: { message?: string };
}

/**
 * One page's inspector connection. Each web process the page uses is a target of its own (a
 * navigation to another site makes a new one); new targets are held at their start until their
 * console is on, and messages from before the connection are replayed by WebKit on Console.enable.
 */
class InspectedPage {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  private target: string | null = null;
  private nextId = 0;
  private readonly replies = new Map<number, (reply: Reply) => void>();
  private closing = false;

  private constructor(private readonly socket: WebSocket) {}

  static async connect(url: string): Promise<InspectedPage> {
    const socket = new WebSocket(url);
    const page = new InspectedPage(socket);
    socket.on('message', (data) => page.receive(String(data)));
    socket.on('close', () => {
      if (!page.closing) page.errors.push('the inspector connection to the page closed: console messages after this were not seen');
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    page.send('Target.setPauseOnStart', { pauseOnStart: true });
    return page;
  }

  private send(method: string, params: object): void {
    this.socket.send(JSON.stringify({ id: ++this.nextId, method, params }));
  }

  private sendToTarget(target: string, method: string, params: object, onReply?: (reply: Reply) => void): void {
    const id = ++this.nextId;
    if (onReply) this.replies.set(id, onReply);
    this.send('Target.sendMessageToTarget', { targetId: target, message: JSON.stringify({ id, method, params }) });
  }

  private receive(text: string): void {
    const message = JSON.parse(text) as { method?: string; params?: Record<string, unknown> };
    if (message.method === 'Target.targetCreated') {
      const info = message.params?.targetInfo as { targetId: string; isProvisional?: boolean; isPaused?: boolean };
      if (!info.isProvisional) this.target = info.targetId;
      this.sendToTarget(info.targetId, 'Console.enable', {});
      if (info.isPaused) this.send('Target.resume', { targetId: info.targetId });
    } else if (message.method === 'Target.didCommitProvisionalTarget') {
      this.target = String(message.params?.newTargetId);
    } else if (message.method === 'Target.dispatchMessageFromTarget') {
      const inner = JSON.parse(String(message.params?.message)) as { id?: number; method?: string; params?: { message?: ConsoleMessage } } & Reply;
      if (inner.method === 'Console.messageAdded' && inner.params?.message) this.note(inner.params.message);
      if (inner.id !== undefined) {
        this.replies.get(inner.id)?.(inner);
        this.replies.delete(inner.id);
      }
    }
  }

  private note(message: ConsoleMessage): void {
    const where = message.url ? ` (${message.url}${message.line ? `:${message.line}` : ''})` : '';
    const text = message.text.trim();
    if (message.level === 'error') this.errors.push(`${SOURCES[message.source] ?? `${message.source} error`}: ${text}${where}`);
    else if (message.level === 'warning') this.warnings.push(`${message.source} warning: ${text}${where}`);
  }

  /** The value of a JavaScript expression in the page (JSON-serialisable values only). */
  evaluate<T>(expression: string): Promise<T> {
    const target = this.target;
    if (!target) return Promise.reject(new Error('the page has no inspector target yet'));
    return new Promise<T>((resolve, reject) => {
      this.sendToTarget(target, 'Runtime.evaluate', { expression, returnByValue: true }, (reply) => {
        if (reply.error) reject(new Error(reply.error.message ?? 'Runtime.evaluate failed'));
        else if (reply.result?.wasThrown) reject(new Error(reply.result.result?.description ?? 'the expression threw'));
        else resolve(reply.result?.result?.value as T);
      });
    });
  }

  close(): void {
    this.closing = true;
    this.socket.close();
  }
}

export interface WebKitConsoleOptions {
  readonly miniBrowserPath: string;
  readonly display: string;
  /** A fresh folder for the window's profile (cache, storage, service workers). */
  readonly profile: string;
}

/** MiniBrowser without automation, showing `url`, with its inspector reachable. */
export async function openInspected(options: WebKitConsoleOptions, url: string): Promise<{ page: InspectedPage; close(): void }> {
  const inspector = `127.0.0.1:${await freePort()}`;
  for (const dir of ['data', 'cache', 'config']) mkdirSync(join(options.profile, dir), { recursive: true });
  let exited: string | null = null;
  let output = '';
  const child: ChildProcess = spawn(options.miniBrowserPath, [url], {
    env: {
      ...process.env,
      DISPLAY: options.display,
      WEBKIT_INSPECTOR_HTTP_SERVER: inspector,
      XDG_DATA_HOME: join(options.profile, 'data'),
      XDG_CACHE_HOME: join(options.profile, 'cache'),
      XDG_CONFIG_HOME: join(options.profile, 'config'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stopping it also stops its web processes.
    detached: true,
  });
  trackGroup(child);
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.once('exit', (code, signal) => (exited = `MiniBrowser exited (${signal ?? code}): ${output.trim().slice(-2000)}`));
  const stop = () => stopGroup(child);
  try {
    // The inspector lists the window's page once it exists.
    const socket = await waitUntil(
      `the page in the list of WebKit's inspector at ${inspector}`,
      async () => {
        if (exited) throw new Error(exited);
        const listing = await (await fetch(`http://${inspector}/`)).text();
        return /\/socket\/\d+\/\d+\/WebPage/.exec(listing)?.[0] ?? null;
      },
      (found) => found !== null,
      30_000,
    );
    const page = await InspectedPage.connect(`ws://${inspector}${socket}`);
    return {
      page,
      close: () => {
        page.close();
        stop();
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}

/** The network tab: every layer's maps, drawn from the model's outputs (WebGL reads, canvases). */
const NETWORK_TAB = { id: 'network', content: 'layer-conv1' };

/** Made on purpose at the end, to prove that the console watch sees errors. */
const PROOF = 'engine smoke: an error made on purpose in the inspected window';

/**
 * Opens the app in an inspected window, waits for its prediction and backend, opens the network
 * tab with a click made by script; returns the errors and warnings of WebKit's console. Short:
 * the WebDriver run has already gone through everything with real input.
 */
async function webkitConsoleRun(options: WebKitConsoleOptions, url: string): Promise<{ errors: string[]; warnings: string[]; backend: string }> {
  const { page, close } = await openInspected(options, url);
  try {
    const shown = (testId: string) => page.evaluate<boolean>(`(() => { const e = ${byTestId(testId)}; return !!e && e.getClientRects().length > 0; })()`);
    const attr = (testId: string, name: string) => page.evaluate<string | null>(`${byTestId(testId)}?.getAttribute(${JSON.stringify(name)}) ?? null`);
    await waitUntil('the edge-filter maps', () => shown('fired-map-0'), Boolean, 60_000);
    await waitUntil(
      'the prediction of the default "2"',
      () => attr('prediction', 'data-digit'),
      (d) => d === '2',
      90_000,
    );
    await page.evaluate(`${byTestId(`tab-${NETWORK_TAB.id}`)}.click()`);
    await waitUntil(`${NETWORK_TAB.content} on the ${NETWORK_TAB.id} tab`, () => shown(NETWORK_TAB.content), Boolean, 60_000);
    const backend = await waitUntil(
      'the backend to be named',
      () => attr('backend', 'data-backend'),
      (b) => !!b,
      60_000,
    );
    const errors = [...page.errors];
    const warnings = [...page.warnings];
    await page.evaluate(`(setTimeout(() => { throw new Error(${JSON.stringify(PROOF)}); }), 0)`);
    try {
      await waitUntil(
        'the error made on purpose to be reported',
        async () => page.errors.slice(errors.length),
        (seen) => seen.some((e) => e.includes(PROOF)),
        15_000,
      );
    } catch (error) {
      errors.push(`the console watch is blind, so "no errors" would prove nothing: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { errors, warnings, backend: backend ?? '' };
  } finally {
    close();
  }
}

/** The check that WebKit's own console stays free of errors (WebKit only). */
export function webkitConsoleCheck(miniBrowserPath: string): SmokeCheck {
  return {
    name: "WebKit's own console (an inspected window, not under automation) shows no error while the app loads, predicts, names its backend and shows the network",
    timeoutMs: 150_000,
    async run(_session, { url, scratch, display }) {
      const { errors, warnings, backend } = await webkitConsoleRun({ miniBrowserPath, display, profile: join(scratch, 'webkit-profile') }, url);
      check(errors.length === 0, errors.join('\n'));
      check(backend === 'webgl', `the inspected window runs on ${backend}, not webgl`);
      return `backend ${backend}${warnings.length ? `; console warnings (not failures):\n${warnings.join('\n')}` : ', no console warnings'}`;
    },
  };
}
