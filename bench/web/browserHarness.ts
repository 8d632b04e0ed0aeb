/**
 * Builds the web explorer into a temporary folder, serves it on 127.0.0.1 and drives it in headless
 * Chromium (playwright-core + Debian's /usr/bin/chromium). Shared by the browser tests
 * (test/browser/harness.ts) and `npm run bench:web` (bench/web/main.ts).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { DataInfo, EpochPoint, FromWorker, ModelSnapshot } from '../../web/src/engine/protocol.js';
import type { CustomData, ExplorerState } from '../../web/src/state/types.js';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Debian's Chromium, which CI installs (`apt-get install chromium`). */
export const CHROMIUM_PATH = process.env.ACTLAB_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a quiet, sandbox-free headless Chromium (containers, CI). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** What `window.__actlab` (web/src/main.tsx) offers to tests and the benchmark: the store, read-mostly. */
export interface ActlabPage {
  state: { value: ExplorerState };
  customData: { value: CustomData | null };
  dataInfo: { value: DataInfo | null };
  modelLabels: { value: string[] };
  snapshot: { value: { epoch: number; running: boolean; epochsPerSecond: number; models: ModelSnapshot[] } | null };
  history: { value: EpochPoint[][] };
  engineError: { value: string | null };
  /** The worker's backend (wasm, or js with a note); null until it has started. */
  engineBackend: { value: { name: string; note: string | null } | null };
  diverged: { value: string | null };
  running: { value: boolean };
  update(patch: Partial<ExplorerState>): void;
  restart(): void;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  engine(): { bench(seconds: number): Promise<Extract<FromWorker, { type: 'bench' }>>; exportModel(model?: number): Promise<string> };
}

declare global {
  interface Window {
    __actlab?: ActlabPage;
  }
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** MIME type of a served file by its extension. */
export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Builds the explorer with Vite's programmatic build() (the repository's vite.config.ts) into `outDir`,
 * never into dist-web/, so a running `npm start` keeps its files.
 */
export async function buildExplorer(outDir: string): Promise<void> {
  const { build } = await import('vite');
  // Vitest runs with NODE_ENV=test; the explorer is built as for production either way.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(REPO_ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, reportCompressedSize: false },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** A static file server over one folder. */
export interface StaticServer {
  /** Base URL, ending in '/'. */
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a free port (GET/HEAD only; `/` → index.html; 404 outside `dir`). */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.writeHead(405, { Allow: 'GET, HEAD' }).end();
          return;
        }
        const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
        let file = path.resolve(root, `.${urlPath}`);
        if (file !== root && !file.startsWith(root + path.sep)) {
          res.writeHead(403).end();
          return;
        }
        if ((await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, 'index.html');
        const body = await readFile(file).catch(() => null);
        if (!body) {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: ${urlPath}`);
          return;
        }
        // Vite's hashed assets never change, so pages of one run share the browser's (and V8's code) cache.
        const cache = urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
        res.writeHead(200, { 'Content-Type': mimeType(file), 'Content-Length': body.length, 'Cache-Control': cache });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch (e) {
        res.writeHead(500).end(String(e));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Launches headless Chromium; fails with how to install it when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: the browser tests and bench:web drive Debian's Chromium; ` +
        'install it with `apt-get install chromium` (CI does so in .ci/run), or point ACTLAB_CHROMIUM at a Chromium binary',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true });
}

/** A built, served explorer and a browser to open it in. */
export interface ExplorerSession {
  /** Base URL of the explorer (index.html). */
  url: string;
  browser: Browser;
  /** Closes the browser and the server and removes the build. */
  close(): Promise<void>;
}

/** Builds the explorer into a temporary folder, serves it and launches Chromium. */
export async function startExplorer(log: (line: string) => void = () => {}): Promise<ExplorerSession> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'actlab-web-'));
  let server: StaticServer | null = null;
  try {
    log(`building the explorer into ${outDir}`);
    await buildExplorer(outDir);
    server = await serveStatic(outDir);
    log(`serving it at ${server.url}; launching Chromium`);
    const browser = await launchChromium();
    const s = server;
    return {
      url: s.url,
      browser,
      close: async () => {
        await browser.close().catch(() => {});
        await s.close();
        await rm(outDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await server?.close();
    await rm(outDir, { recursive: true, force: true });
    throw e;
  }
}
