/**
 * What the smoke checks need from a browser, whatever drives it: Firefox through
 * puppeteer-core over WebDriver BiDi, WebKitGTK through WebKitWebDriver (classic WebDriver).
 * Every input is real: clicks and strokes go through the browser's own input pipeline.
 */

/** A point in CSS pixels of the viewport. */
export type Point = readonly [number, number];

export interface EngineSession {
  /** e.g. "Firefox ESR 153.8.0", "WebKitGTK 2.50.6". */
  readonly name: string;
  /** How it is driven, for the report. */
  readonly how: string;
  /** Opens `url` (the app's base URL) and resolves once the page has loaded. */
  open(url: string): Promise<void>;
  /** The value of a JavaScript expression in the page (JSON-serialisable values only). */
  evaluate<T>(expression: string): Promise<T>;
  /** A real mouse click in the middle of the element with this data-testid. */
  click(testId: string): Promise<void>;
  /** Picks the option with this value in the <select> with this data-testid. */
  select(testId: string, value: string): Promise<void>;
  /** Presses the primary button at the first point, moves to each of the others (one pointer move each), releases at the last. */
  stroke(points: readonly Point[]): Promise<void>;
  /** Hands a file from disk to the <input type="file"> with this data-testid. */
  upload(testId: string, path: string): Promise<void>;
  /** Console errors, page errors, failed requests and HTTP errors seen so far, oldest first. */
  problems(): Promise<string[]>;
  /** Console warnings seen so far, oldest first: reported, not failures. */
  warnings(): Promise<string[]>;
  close(): Promise<void>;
}

/** A page expression for the element with this data-testid. */
export function byTestId(testId: string): string {
  return `document.querySelector(${JSON.stringify(`[data-testid="${testId}"]`)})`;
}

/** A check that did not hold: its message says what was expected and what was seen. */
export class CheckFailed extends Error {}

export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

const POLL_MS = 100;

/** An error as a line for the report, never empty (a crashed page can throw errors with no message). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error) || 'an empty value';
  const text = error.message || String(error.cause ?? '') || 'no message';
  return `${error.name}: ${text}`;
}

/**
 * Reads `read()` until `ok` holds for its value and returns that value; after `timeoutMs`
 * fails naming `what` and the last value read. Only waits on a condition, never for a fixed time.
 */
export async function waitUntil<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      lastError = null;
      if (ok(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const seen = lastError ? `the last read failed: ${describeError(lastError)}` : `last seen: ${JSON.stringify(last)}`;
      throw new CheckFailed(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what} (${seen})`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * A page expression that scrolls the element with this data-testid into view and returns the
 * middle of its box in viewport pixels, with whether that point hits the element itself (or a
 * child of it) rather than something laid over it; null when the element is missing.
 */
export function clickTarget(testId: string): string {
  return `(() => {
    const el = ${byTestId(testId)};
    if (!el) return null;
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    return { x, y, width: r.width, height: r.height, hits: !!hit && (hit === el || el.contains(hit)), at: hit ? hit.tagName.toLowerCase() + (hit.getAttribute('data-testid') ? '[' + hit.getAttribute('data-testid') + ']' : '') : 'nothing' };
  })()`;
}

export interface ClickTarget {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly hits: boolean;
  readonly at: string;
}

/**
 * Where to click the element with this data-testid: waits until its box has stayed put over two
 * reads and its middle hits the element, so a page still laying itself out does not take the click.
 */
export async function steadyClickPoint(session: EngineSession, testId: string, timeoutMs = 30_000): Promise<Point> {
  let previous: ClickTarget | null = null;
  const target = await waitUntil(
    `${testId} to hold still and be clickable`,
    async () => {
      const now = await session.evaluate<ClickTarget | null>(clickTarget(testId));
      const before = previous;
      previous = now;
      return { now, before };
    },
    ({ now, before }) =>
      !!now && !!before && now.hits && now.width > 0 && now.x === before.x && now.y === before.y && now.width === before.width && now.height === before.height,
    timeoutMs,
  );
  const { x, y } = target.now as ClickTarget;
  return [x, y];
}

/** An attribute of the element with this data-testid; null when the element or the attribute is missing. */
export function attribute(session: EngineSession, testId: string, name: string): Promise<string | null> {
  return session.evaluate<string | null>(`${byTestId(testId)}?.getAttribute(${JSON.stringify(name)}) ?? null`);
}

/** Whether the element with this data-testid exists and takes up space on the page (not display:none, not in a hidden panel). */
export function isShown(session: EngineSession, testId: string): Promise<boolean> {
  return session.evaluate<boolean>(
    `(() => { const e = ${byTestId(testId)}; return !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'; })()`,
  );
}

/** The text of the element with this data-testid, whitespace collapsed; null when it is missing. */
export function textOf(session: EngineSession, testId: string): Promise<string | null> {
  return session.evaluate<string | null>(`${byTestId(testId)}?.textContent.replace(/\\s+/g, ' ').trim() ?? null`);
}

/** Scrolls the element into the middle of the viewport and returns its box in viewport CSS pixels. */
export async function boxOf(session: EngineSession, testId: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await session.evaluate<{ x: number; y: number; width: number; height: number } | null>(
    `(() => { const e = ${byTestId(testId)}; if (!e) return null; e.scrollIntoView({ block: 'center', inline: 'center' }); const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; })()`,
  );
  check(box !== null && box.width > 0 && box.height > 0, `${testId} is not on the page`);
  return box;
}
