/**
 * `npm run bench:web`: the explorer in headless Chromium on the setting (spiral, 500 points, 50 %
 * training, batch 10, six hidden layers of 8 tanh units, 100×100 heatmap): page frames/s and epochs/s
 * while training and drawing, the main thread's load, then the worker's flat-out throughput next to the
 * same session in Node. Options: --json, --quick, --seconds <n>.
 */
import os from 'node:os';
import type { Page } from 'playwright-core';
import type { ExplorerState } from '../../web/src/state/types.js';
import { writeUrlState } from '../../web/src/state/url.js';
import { startExplorer, type ExplorerSession } from './browserHarness.js';
import { parseWebBenchOptions } from './options.js';
import { mainThreadTaskSeconds, probePage } from './pageProbe.js';
import { judge, reportLines, type WebBenchResult } from './report.js';
import { measureSessionNode, referenceSpec } from './sessionNode.js';
import { BENCH_SETTING, BENCH_STATE } from './setting.js';

const settingOf = (s: ExplorerState): string =>
  JSON.stringify({ dataset: s.dataset, points: s.points, trainRatio: s.trainRatio, batchSize: s.batchSize, hidden: s.hidden, features: s.features });

async function measurePage(session: ExplorerSession, seconds: number, flatOut: number, log: (l: string) => void) {
  const page: Page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const pageErrors: string[] = [];
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) pageErrors.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${session.url}${writeUrlState(BENCH_STATE, null)}`);
  await page.waitForFunction(() => !!window.__actlab && window.__actlab.dataInfo.value !== null, undefined, { timeout: 60_000 });
  const got = await page.evaluate(() => JSON.parse(JSON.stringify(window.__actlab!.state.value)) as ExplorerState);
  if (settingOf(got) !== settingOf(BENCH_STATE)) {
    warnings.push('the URL did not carry the whole setting; it was applied through the store instead');
    await page.evaluate((s) => window.__actlab!.update(s), BENCH_STATE);
    await page.waitForFunction((n) => window.__actlab!.modelLabels.value.length > 0 && window.__actlab!.state.value.hidden.length === n, BENCH_STATE.hidden.length);
  }
  const playButton = page.getByTestId('play');
  if ((await playButton.count()) > 0) await playButton.click();
  else {
    warnings.push('no play button (data-testid=play); started through the store');
    await page.evaluate(() => window.__actlab!.play());
  }
  await page.waitForFunction(() => window.__actlab!.running.value && (window.__actlab!.snapshot.value?.epoch ?? 0) > 0, undefined, { timeout: 30_000 });
  await page.waitForTimeout(1000); // warm-up: JIT, first layouts
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  log(`measuring ${seconds} s of live training on the page`);
  const busy0 = await mainThreadTaskSeconds(cdp);
  const w = await probePage(page, seconds);
  const busy1 = await mainThreadTaskSeconds(cdp);
  const mainThreadBusy = Number.isFinite(busy1 - busy0) ? (busy1 - busy0) / w.wallSeconds : null;
  await page.evaluate(() => window.__actlab!.pause());
  await page.waitForFunction(() => !window.__actlab!.running.value);
  log(`measuring the worker flat out for ${flatOut} s`);
  const worker = await page.evaluate((s) => window.__actlab!.engine().bench(s), flatOut);
  await page.close();
  return {
    page: {
      ...w,
      framesPerSecond: w.frames / w.wallSeconds,
      epochsPerSecond: w.epochs / w.wallSeconds,
      snapshotsPerSecond: w.snapshots / w.wallSeconds,
      mainThreadBusy,
    },
    worker: { epochs: worker.epochs, seconds: worker.seconds, epochsPerSecond: worker.epochsPerSecond },
    pageErrors,
    warnings,
  };
}

async function main(): Promise<number> {
  let opts;
  try {
    opts = parseWebBenchOptions(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`bench:web: ${(e as Error).message}\n`);
    return 2;
  }
  const log = (line: string): void => {
    if (!opts.json) process.stderr.write(`  … ${line}\n`);
  };
  const t0 = performance.now();
  const session = await startExplorer(log);
  let measured;
  let chromium: string;
  try {
    chromium = `Chromium ${session.browser.version()}`;
    measured = await measurePage(session, opts.seconds, opts.flatOutSeconds, log);
  } finally {
    await session.close();
  }
  log(`measuring the same session in Node for ${opts.flatOutSeconds} s`);
  const node = await measureSessionNode(opts.flatOutSeconds);
  const ref = referenceSpec();
  if (settingOf({ ...BENCH_STATE, ...ref }) !== settingOf(BENCH_STATE)) {
    measured.warnings.push(`the Node session (bench/web/sessionNode.ts) trains ${ref.dataset}, ${ref.points} points, not exactly the page's setting`);
  }
  const result: WebBenchResult = {
    env: { node: process.version, chromium, cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length },
    setting: BENCH_SETTING,
    page: measured.page,
    worker: measured.worker,
    node: { epochsPerSecond: node.epochsPerSecond, epochsPerSecondWithFrames: node.epochsPerSecondWithFrames },
    ...judge(measured.page, measured.worker, node),
    pageErrors: measured.pageErrors,
    warnings: measured.warnings,
    seconds: (performance.now() - t0) / 1000,
  };
  process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${reportLines(result).join('\n')}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench:web: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
