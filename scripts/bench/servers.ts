/** The servers the bench drives: scripts/serve.ts for dist/ and for the bench page build. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { build } from 'vite';

/** A running static server. */
export interface StaticServer {
  /** The app's URL, ending in the base path, e.g. http://127.0.0.1:40123/convlens/ */
  readonly url: string;
  stop(): void;
}

/** A TCP port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', (code) => reject(new Error(`server exited with code ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (pattern.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

/** Starts `scripts/serve.ts` (the same static server as the browser tests) for `dir` under `base`. */
export async function startStaticServer(root: string, dir: string, base: string): Promise<StaticServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'serve.ts'), '--port', String(port), '--base', base, '--dir', dir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await waitForLine(child, /served at/, 30_000);
  } catch (error) {
    child.kill();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}${base}`, stop: () => void child.kill() };
}

/**
 * Builds the bench page (scripts/bench/index.html: the app plus the bench's measurements;
 * `pageDir` names another page folder)
 * with the app's own Vite config in production mode into `outDir`, with public/ (model,
 * data) beside it, so it can be served like dist/.
 */
export async function buildBenchPage(root: string, outDir: string, pageDir = join(root, 'scripts', 'bench')): Promise<void> {
  await build({
    configFile: join(root, 'vite.config.ts'),
    root: pageDir,
    publicDir: join(root, 'public'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 10_000 },
  });
}
