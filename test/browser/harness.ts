/**
 * Browser-test helpers: one built-and-served explorer per test run (bench/web/browserHarness.ts), a fresh
 * page per test that records console errors and uncaught page/worker errors, store access through
 * window.__actlab, and screenshots saved to test-artifacts/browser/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT, startExplorer, type ExplorerSession } from '../../bench/web/browserHarness.js';
import type { ExplorerState } from '../../web/src/state/types.js';

export type { ExplorerSession } from '../../bench/web/browserHarness.js';
export { startExplorer };

/** Where screenshots go (gitignored). */
export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'browser');

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** A page under test and the errors it produced. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught errors (page and worker) so far, not counting allowed ones. */
  errors: string[];
  /** Lets errors matching `pattern` pass (for a test that provokes them on purpose). */
  allow(pattern: RegExp): void;
  /** Throws listing every unexpected error. */
  assertNoErrors(): void;
  close(): Promise<void>;
}

const contexts = new WeakMap<ExplorerSession, BrowserContext>();

/** One browser context per session, so pages share the HTTP and compiled-code caches (the bundle loads once). */
async function sharedContext(session: ExplorerSession): Promise<BrowserContext> {
  let context = contexts.get(session);
  if (!context) {
    context = await session.browser.newContext({ viewport: DESKTOP, acceptDownloads: true, deviceScaleFactor: 1 });
    // Fail fast: a missing control should not cost the 30 s default per test.
    context.setDefaultTimeout(15_000);
    contexts.set(session, context);
  }
  return context;
}

/** Opens a new page that records errors (the state lives in the URL, so pages of one context do not share it). */
export async function openPage(session: ExplorerSession, viewport: { width: number; height: number } = DESKTOP): Promise<WatchedPage> {
  const context = await sharedContext(session);
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const allowed: RegExp[] = [];
  const errors: string[] = [];
  const record = (where: string, text: string): void => {
    if (!allowed.some((re) => re.test(text))) errors.push(`${where}: ${text}`);
  };
  page.on('console', (m) => {
    // Chromium asks for /favicon.ico on its own; a page without one is not an error of the explorer.
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) record('console', `${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => record('uncaught', e.stack ?? e.message));
  page.on('worker', (w) => {
    w.on('console', (m) => {
      if (m.type() === 'error') record('worker console', m.text());
    });
  });
  page.on('crash', () => record('crash', 'the page crashed'));
  return {
    page,
    context,
    errors,
    allow: (pattern) => {
      allowed.push(pattern);
    },
    assertNoErrors: () => {
      if (errors.length > 0) throw new Error(`the page reported ${errors.length} error(s):\n${errors.join('\n')}`);
    },
    close: () => page.close(),
  };
}

/** Navigates to the explorer (with an optional query string, e.g. '?lang=zh') and waits until it is ready. */
export async function gotoExplorer(page: Page, session: ExplorerSession, search = ''): Promise<void> {
  await page.goto(`${session.url}${search}`);
  await waitReady(page);
}

/** Waits until the store exists, the worker sent its data and a first snapshot arrived. */
export async function waitReady(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const a = window.__actlab;
      return !!a && (a.dataInfo.value !== null || a.engineError.value !== null) && a.snapshot.value !== null;
    },
    undefined,
    { timeout },
  );
}

/** The explorer's settings as the page holds them. */
export function getState(page: Page): Promise<ExplorerState> {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.__actlab!.state.value)) as ExplorerState);
}

/** Epoch of the latest snapshot (0 before training). */
export function getEpoch(page: Page): Promise<number> {
  return page.evaluate(() => window.__actlab!.snapshot.value?.epoch ?? 0);
}

/** Train losses of model `model` over the epochs recorded so far. */
export function getTrainLosses(page: Page, model = 0): Promise<number[]> {
  return page.evaluate((m) => (window.__actlab!.history.value[m] ?? []).map((p) => p.trainLoss), model);
}

/** Waits until the URL the store writes (debounced) reflects the state, then returns it. */
export async function settledUrl(page: Page): Promise<string> {
  await page.waitForTimeout(400);
  return page.url();
}

/** Saves a screenshot as test-artifacts/browser/<name>.png (the whole page, or only the viewport). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Clicks play when not running and waits until the store says it runs. */
export async function startTraining(page: Page): Promise<void> {
  if (!(await page.evaluate(() => window.__actlab!.running.value))) await page.getByTestId('play').click();
  await page.waitForFunction(() => window.__actlab!.running.value);
}

/** Clicks pause when running and waits until the store says it stopped. */
export async function stopTraining(page: Page): Promise<void> {
  if (await page.evaluate(() => window.__actlab!.running.value)) await page.getByTestId('play').click();
  await page.waitForFunction(() => !window.__actlab!.running.value);
}

/** Waits until at least `epochs` epochs are recorded for model 0. */
export async function waitEpochs(page: Page, epochs: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction((n) => (window.__actlab!.history.value[0]?.length ?? 0) >= n, epochs, { timeout });
}

/** What the canvases inside a data-testid element show: how many, how many strongly coloured pixels, and a checksum. */
export interface CanvasInk {
  canvases: number;
  /** Opaque pixels whose channels differ by > 60 (series lines and bars; grey grids and white do not count). */
  coloured: number;
  checksum: number;
}

/** Reads the canvases under `[data-testid=testId]`. */
export function canvasInk(page: Page, testId: string): Promise<CanvasInk> {
  return page.evaluate((id) => {
    const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>(`[data-testid="${id}"] canvas`));
    let coloured = 0;
    let checksum = 0;
    for (const c of canvases) {
      if (c.width === 0 || c.height === 0) continue;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4) {
        const hi = Math.max(d[i], d[i + 1], d[i + 2]);
        const lo = Math.min(d[i], d[i + 1], d[i + 2]);
        if (d[i + 3] > 128 && hi - lo > 60) coloured++;
        checksum = (checksum * 31 + d[i] + 7 * d[i + 1] + 13 * d[i + 2] + d[i + 3]) % 1_000_000_007;
      }
    }
    return { canvases: canvases.length, coloured, checksum };
  }, testId);
}
