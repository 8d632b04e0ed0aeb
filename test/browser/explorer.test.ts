/**
 * The explorer in a real browser: headless Debian Chromium drives the built page (built once per run into
 * a temporary folder). Every test fails on a console error or an uncaught page/worker error. Screenshots
 * land in test-artifacts/browser/. All browser tests live in this one file so only one Chromium runs.
 */
import { loadSavedModel } from '../../src/run/savedModel.js';
import { runOnnx } from '../export/runners.js';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveActivation } from '../../src/activations/resolve.js';
import { findTour, tourPatch } from '../../web/src/tours/tours.js';
import {
  DESKTOP,
  canvasInk,
  PHONE,
  getEpoch,
  getState,
  getTrainLosses,
  gotoExplorer,
  openPage,
  screenshot,
  settledUrl,
  startExplorer,
  startTraining,
  stopTraining,
  waitEpochs,
  type ExplorerSession,
  type WatchedPage,
} from './harness.js';

const CJK = /[\u4e00-\u9fff]/;

/** expect.poll with room for a busy machine (the default gives up after 1 s). */
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 100 });

let session: ExplorerSession;
let current: WatchedPage | null = null;

beforeAll(async () => {
  session = await startExplorer();
}, 180_000);

afterAll(async () => {
  await session?.close();
});

afterEach(async () => {
  const w = current;
  current = null;
  if (!w) return;
  await w.close();
  w.assertNoErrors();
});

/** A fresh page showing the explorer (with an optional query string). */
async function open(search = '', viewport: { width: number; height: number } = DESKTOP): Promise<Page> {
  current = await openPage(session, viewport);
  await gotoExplorer(current.page, session, search);
  return current.page;
}

/** Number shown by a data-testid element (epoch, train-loss, …). */
async function shownNumber(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).first().textContent()) ?? '';
  const m = /[-+]?\d[\d,]*(\.\d+)?(e[-+]?\d+)?/i.exec(text);
  return m ? Number(m[0].replace(/,/g, '')) : Number.NaN;
}

/** The expression box of an activation picker, switching the picker to a custom expression when needed. */
async function expressionBox(page: Page, pickerId: string): Promise<Locator> {
  const expr = page.getByTestId(`${pickerId}-expr`);
  if (!(await expr.isVisible())) {
    const select = page.getByTestId(`${pickerId}-select`);
    const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const custom = values.find((v) => /custom|expr/i.test(v));
    if (custom === undefined) throw new Error(`${pickerId}: no expression box and no custom option among ${values.join(', ')}`);
    await select.selectOption(custom);
  }
  await poll(() => expr.isVisible()).toBe(true);
  return expr;
}

async function typeExpression(box: Locator, text: string): Promise<void> {
  await box.fill(text);
  await box.press('Enter');
}

/** Chooses a language with the `lang` control (a select or a toggle button). */
async function chooseLanguage(page: Page, lang: 'en' | 'zh'): Promise<void> {
  const control = page.getByTestId('lang');
  const tag = await control.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'select') await control.selectOption(lang);
  else await control.click();
  await page.waitForFunction((l) => window.__actlab!.state.value.lang === l, lang);
}

function csv(rows: string[]): { name: string; mimeType: string; buffer: Buffer } {
  return { name: 'three-blobs.csv', mimeType: 'text/csv', buffer: Buffer.from(`${rows.join('\n')}\n`) };
}

/** 90 points in three well-separated clusters, labelled a/b/c. */
function threeClassCsv(): { name: string; mimeType: string; buffer: Buffer } {
  const rows = ['x1,x2,label'];
  const centres: Array<[number, number, string]> = [
    [-3, -3, 'a'],
    [3, -3, 'b'],
    [0, 3, 'c'],
  ];
  for (let i = 0; i < 30; i++) {
    for (const [cx, cy, c] of centres) {
      const a = i * 2.399;
      const r = 0.3 + (i % 5) * 0.2;
      rows.push(`${(cx + r * Math.cos(a)).toFixed(3)},${(cy + r * Math.sin(a)).toFixed(3)},${c}`);
    }
  }
  return csv(rows);
}

describe('the explorer in Chromium', () => {
  it('loads with a title, the output heatmap and the network, and no console errors', async () => {
    const page = await open();
    expect(await page.title()).toMatch(/actlab/i);
    await poll(() => page.getByTestId('output-heatmap').evaluate((el) => el.tagName.toLowerCase())).toBe('canvas');
    expect(await page.getByTestId('output-heatmap').isVisible()).toBe(true);
    expect(await page.getByTestId('network').isVisible()).toBe(true);
    expect(await shownNumber(page, 'epoch')).toBe(0);
    const box = await page.getByTestId('output-heatmap').boundingBox();
    expect(box && box.width >= 100 && box.height >= 100).toBe(true);
    // The worker trains on the WebAssembly SIMD backend (Chromium has SIMD): no fallback note.
    await page.waitForFunction(() => window.__actlab!.engineBackend.value !== null);
    expect(await page.evaluate(() => window.__actlab!.engineBackend.value)).toEqual({ name: 'wasm', note: null });
    expect(await page.getByTestId('backend-note').count()).toBe(0);
    await screenshot(page, 'desktop-initial');
    // Where SIMD is missing the worker reports js with the core's note (src/wasm/choose.ts); the page shows it until dismissed.
    await page.evaluate(() => {
      window.__actlab!.engineBackend.value = { name: 'js', note: 'this browser has no WebAssembly SIMD, so training runs on the JavaScript backend (slower)' };
    });
    await poll(() => page.getByTestId('backend-note').textContent()).toContain('no WebAssembly SIMD');
    await page.getByTestId('backend-note').getByRole('button').click();
    await poll(() => page.getByTestId('backend-note').count()).toBe(0);
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const page = await open('', PHONE);
    expect(await page.getByTestId('output-heatmap').isVisible()).toBe(true);
    expect(await page.getByTestId('play').isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await screenshot(page, 'phone-initial');
    await screenshot(page, 'phone-top', false);
    expect(overflow).toBeLessThanOrEqual(1);
  });

  it('trains when play is pressed: the epoch counter rises and the train loss falls; pause stops it', async () => {
    const page = await open();
    const play = page.getByTestId('play');
    expect(await play.getAttribute('aria-pressed')).toBe('false');
    const histogramsBefore = await canvasInk(page, 'histograms');
    await startTraining(page);
    expect(await play.getAttribute('aria-pressed')).toBe('true');
    await waitEpochs(page, 40);
    await poll(() => shownNumber(page, 'epoch')).toBeGreaterThanOrEqual(40);
    const losses = await getTrainLosses(page);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[losses.length - 1]).toBeLessThan(losses[0]);
    const shownLoss = await shownNumber(page, 'train-loss');
    expect(Number.isFinite(shownLoss)).toBe(true);
    expect(shownLoss).toBeLessThan(losses[0]);
    // The live charts draw their series (coloured lines), and the histograms follow the training. Charts
    // only redraw while on screen, so each is scrolled into view first (the gradients sit in their tab).
    await page.getByTestId('loss-chart').scrollIntoViewIfNeeded();
    await poll(async () => (await canvasInk(page, 'loss-chart')).coloured).toBeGreaterThan(100);
    await page.getByTestId('tab-gradients').click();
    await page.getByTestId('gradient-chart').scrollIntoViewIfNeeded();
    await poll(async () => (await canvasInk(page, 'gradient-chart')).coloured).toBeGreaterThan(100);
    await page.getByTestId('tab-why').click();
    await page.getByTestId('histograms').scrollIntoViewIfNeeded();
    await poll(async () => (await canvasInk(page, 'histograms')).checksum).not.toBe(histogramsBefore.checksum);
    await screenshot(page, 'desktop-training');
    await stopTraining(page);
    expect(await play.getAttribute('aria-pressed')).toBe('false');
    const stoppedAt = await getEpoch(page);
    await page.waitForTimeout(400);
    expect(await getEpoch(page)).toBe(stoppedAt);
    expect(await shownNumber(page, 'epoch')).toBe(stoppedAt);
  });

  it("restarts the run with a layer's new activation chosen in its picker", async () => {
    const page = await open();
    await startTraining(page);
    await waitEpochs(page, 10);
    await page.getByTestId('layer-0-activation-select').selectOption('relu');
    await page.waitForFunction(() => window.__actlab!.state.value.hidden[0].activation === 'relu');
    await page.waitForFunction(() => /relu/.test(window.__actlab!.modelLabels.value[0] ?? ''));
    // The run restarted (history cleared) and keeps playing.
    await page.waitForFunction(() => window.__actlab!.running.value && (window.__actlab!.history.value[0]?.length ?? 0) > 0);
    const s = await getState(page);
    expect(s.hidden[1].activation).toBe('tanh');
    await waitEpochs(page, 5);
    expect((await getTrainLosses(page)).every(Number.isFinite)).toBe(true);
  });

  it('shows an inline error for a bad custom expression without touching training, and applies a good one', async () => {
    const page = await open();
    const before = await getState(page);
    const box = await expressionBox(page, 'layer-0-activation');
    await typeExpression(box, 'x * (');
    const error = page.getByTestId('layer-0-activation-error');
    await poll(() => error.isVisible()).toBe(true);
    expect((await error.textContent())?.trim().length).toBeGreaterThan(0);
    await screenshot(page, 'desktop-expression-error');
    expect((await getState(page)).hidden).toEqual(before.hidden);
    expect(await page.evaluate(() => window.__actlab!.engineError.value)).toBeNull();

    await typeExpression(box, 'x*sigmoid(1.5*x)');
    await page.waitForFunction(() => /x\*sigmoid\(1\.5\*x\)/.test(window.__actlab!.state.value.hidden[0].activation.replace(/\s+/g, '')));
    await poll(async () => (await error.isVisible()) && ((await error.textContent())?.trim() ?? '') !== '').toBe(false);
    await startTraining(page);
    await waitEpochs(page, 5);
    expect((await getTrainLosses(page)).every(Number.isFinite)).toBe(true);
    expect(await page.evaluate(() => window.__actlab!.engineError.value)).toBeNull();
  });

  it('trains on an uploaded 3-class CSV', async () => {
    const page = await open();
    await page.getByTestId('csv-upload').setInputFiles(threeClassCsv());
    await page.waitForFunction(() => window.__actlab!.state.value.dataset === 'custom');
    await page.waitForFunction(() => window.__actlab!.dataInfo.value?.numClasses === 3);
    expect(await page.getByTestId('csv-error').isVisible().catch(() => false)).toBe(false);
    await startTraining(page);
    await waitEpochs(page, 20);
    const losses = await getTrainLosses(page);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[losses.length - 1]).toBeLessThan(losses[0]);
    await screenshot(page, 'desktop-csv');
  });

  it('shows a one-line error for a bad CSV and keeps working', async () => {
    const page = await open();
    await page.getByTestId('csv-upload').setInputFiles(csv(['x1,x2,label', '1,2,a', '3,4', '5,6,b,7']));
    const error = page.getByTestId('csv-error');
    await poll(() => error.isVisible()).toBe(true);
    const text = ((await error.innerText()) ?? '').trim();
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain('\n');
    expect(await page.evaluate(() => window.__actlab!.state.value.dataset)).toBe('circle');
    await startTraining(page);
    await waitEpochs(page, 5);
    expect((await getTrainLosses(page)).every(Number.isFinite)).toBe(true);
  });

  it('reloads the same state from the shared URL, and the same seed gives the same first-epoch loss', async () => {
    const page = await open();
    await page.getByTestId('dataset-xor').click();
    await page.getByTestId('layer-0-activation-select').selectOption('relu');
    await page.getByTestId('add-layer').click();
    await page.evaluate(() => window.__actlab!.update({ learningRate: 0.1, initSeed: 7, noise: 10, batchSize: 5 }));
    await page.waitForFunction(() => window.__actlab!.state.value.hidden.length === 3 && window.__actlab!.state.value.dataset === 'xor');
    const shared = await settledUrl(page);
    expect(shared).toContain('?');
    const stateA = await getState(page);
    await page.getByTestId('step').click();
    await waitEpochs(page, 1);
    const [lossA] = await getTrainLosses(page);
    // Reset: same seed, same weights, same first epoch.
    await page.getByTestId('reset').click();
    await page.waitForFunction(() => (window.__actlab!.history.value[0]?.length ?? 0) === 0 && (window.__actlab!.snapshot.value?.epoch ?? 0) === 0);
    await page.getByTestId('step').click();
    await waitEpochs(page, 1);
    expect((await getTrainLosses(page))[0]).toBe(lossA);

    await page.goto(shared);
    await page.waitForFunction(() => window.__actlab?.snapshot.value != null);
    expect(await getState(page)).toEqual(stateA);
    await page.getByTestId('step').click();
    await waitEpochs(page, 1);
    expect((await getTrainLosses(page))[0]).toBe(lossA);
  });

  it('switches to Chinese, carries lang=zh in the URL and keeps it on reload', async () => {
    const page = await open();
    await chooseLanguage(page, 'zh');
    const playLabel = async (): Promise<string> => {
      const play = page.getByTestId('play');
      return `${(await play.textContent()) ?? ''} ${(await play.getAttribute('aria-label')) ?? ''} ${(await play.getAttribute('title')) ?? ''}`;
    };
    await poll(playLabel).toMatch(CJK);
    const cjkCount = async (): Promise<number> => (await page.evaluate(() => document.body.innerText)).match(/[\u4e00-\u9fff]/g)?.length ?? 0;
    expect(await cjkCount()).toBeGreaterThan(30);
    const url = await settledUrl(page);
    expect(url).toMatch(/[?&#]lang=zh\b/);
    await screenshot(page, 'desktop-zh');
    await page.reload();
    await page.waitForFunction(() => window.__actlab?.snapshot.value != null);
    expect((await getState(page)).lang).toBe('zh');
    await poll(playLabel).toMatch(CJK);
    expect(await cjkCount()).toBeGreaterThan(30);
  });

  it('shows the diverged banner for a diverging network, and reset recovers', async () => {
    const page = await open();
    await page.evaluate(() =>
      // With cross-entropy the relus just die (loss stuck near 0.69); squared error blows up at once.
      window.__actlab!.update({
        dataset: 'spiral',
        loss: 'mse',
        learningRate: 10,
        hidden: [
          { units: 8, activation: 'relu' },
          { units: 8, activation: 'relu' },
        ],
      }),
    );
    await page.waitForFunction(() => /relu/.test(window.__actlab!.modelLabels.value[0] ?? ''));
    await page.getByTestId('play').click();
    const banner = page.getByTestId('diverged');
    await page.waitForFunction(() => window.__actlab!.diverged.value !== null);
    await poll(() => banner.isVisible()).toBe(true);
    expect(((await banner.textContent()) ?? '').trim().length).toBeGreaterThan(0);
    await poll(() => page.evaluate(() => window.__actlab!.running.value)).toBe(false);
    await poll(async () => (await page.getByTestId('train-loss').textContent()) ?? '').not.toMatch(/NaN/);
    await screenshot(page, 'desktop-diverged');

    // Lowering the learning rate and pressing Play restarts the network with the settings kept (no error).
    await page.evaluate(() => window.__actlab!.update({ learningRate: 0.001 }));
    await page.getByTestId('play').click();
    await page.waitForFunction(() => window.__actlab!.diverged.value === null);
    await poll(() => banner.isVisible()).toBe(false);
    await waitEpochs(page, 3);
    expect((await getTrainLosses(page)).every(Number.isFinite)).toBe(true);
    expect(await page.getByTestId('engine-error').count()).toBe(0);
    const kept = await getState(page);
    expect(kept.dataset).toBe('spiral');
    expect(kept.hidden.map((l) => l.activation)).toEqual(['relu', 'relu']);
    await page.getByTestId('play').click();

    // Diverge again, then the banner's own button resets the network and keeps the settings.
    await page.evaluate(() => window.__actlab!.update({ learningRate: 10 }));
    await page.getByTestId('reset').click();
    await page.getByTestId('play').click();
    await page.waitForFunction(() => window.__actlab!.diverged.value !== null);
    await page.getByTestId('diverged-reset').click();
    await page.waitForFunction(() => window.__actlab!.diverged.value === null);
    await poll(() => banner.isVisible()).toBe(false);
    expect((await getState(page)).learningRate).toBe(10);
    await page.evaluate(() => window.__actlab!.update({ learningRate: 0.03 }));
    await page.getByTestId('step').click();
    await waitEpochs(page, 1);
    expect((await getTrainLosses(page)).every(Number.isFinite)).toBe(true);
  });

  it('trains three classes (blobs3) with a softmax output', async () => {
    const page = await open();
    await page.getByTestId('dataset-blobs3').click();
    expect(await page.getByTestId('dataset-blobs3').getAttribute('aria-pressed')).toBe('true');
    await page.waitForFunction(() => window.__actlab!.dataInfo.value?.numClasses === 3);
    expect((await getState(page)).loss).toBe('categorical_crossentropy');
    await startTraining(page);
    await waitEpochs(page, 20);
    const out = await page.evaluate(() => {
      const h = window.__actlab!.history.value[0];
      return { first: h[0].trainLoss, last: h[h.length - 1].trainLoss, accuracy: h[h.length - 1].trainAccuracy };
    });
    expect(out.last).toBeLessThan(out.first);
    expect(out.accuracy).toBeGreaterThan(0.5);
    await screenshot(page, 'desktop-blobs3');
  });

  it('compares two activations trained side by side, with a loss series each', async () => {
    const page = await open();
    await page.getByTestId('tab-compare').click();
    await page.getByTestId('compare-add').click();
    await page.waitForFunction(() => window.__actlab!.state.value.compare.length === 1 && window.__actlab!.modelLabels.value.length === 2);
    await startTraining(page);
    await page.waitForFunction(() => window.__actlab!.history.value.length === 2 && window.__actlab!.history.value.every((h) => h.length >= 10));
    const labels = await page.evaluate(() => window.__actlab!.modelLabels.value);
    expect(new Set(labels).size).toBe(2);
    const chart = page.getByTestId('loss-chart');
    expect(await chart.isVisible()).toBe(true);
    // The chart area (canvas plus its legend) names each model's series.
    const chartText = await chart.locator('xpath=..').innerText();
    for (const l of labels) expect(chartText).toContain(l);
    await chart.scrollIntoViewIfNeeded();
    await poll(async () => (await canvasInk(page, 'loss-chart')).coloured).toBeGreaterThan(200);
    await screenshot(page, 'desktop-compare');
    await page.getByTestId('compare-0-remove').click();
    await page.waitForFunction(() => window.__actlab!.state.value.compare.length === 0 && window.__actlab!.modelLabels.value.length === 1);
  });

  it('applies the preset of a lesson tour', async () => {
    const page = await open();
    const select = page.getByTestId('tour-select');
    const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const id = values.find((v) => findTour(v) !== undefined);
    expect(id).toBeDefined();
    await select.selectOption(id!);
    await page.waitForFunction((t) => window.__actlab!.state.value.tour === t, id!);
    await poll(() => page.getByTestId('tour-panel').isVisible()).toBe(true);
    await page.getByTestId('tour-apply').click();
    await page.waitForFunction((n) => window.__actlab!.state.value.hidden.length === n, tourPatch(findTour(id)!, 0).hidden?.length ?? 2);
    const after = (await getState(page)) as unknown as Record<string, unknown>;
    const preset = tourPatch(findTour(id)!, 0) as Record<string, unknown>;
    for (const [key, value] of Object.entries(preset)) expect({ [key]: after[key] }).toEqual({ [key]: value });
    await screenshot(page, 'desktop-tour');
  });

  it('exports the model as saved-model JSON that loadSavedModel loads, and as ONNX', async () => {
    const page = await open();
    await page.getByTestId('step').click();
    await waitEpochs(page, 1);
    await page.waitForFunction(() => (window.__actlab!.snapshot.value?.epoch ?? 0) >= 1);
    const pageWeights = await page.evaluate(() => Array.from(window.__actlab!.snapshot.value!.models[0].layers[0].weights));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-model').click()]);
    const file = await download.path();
    const json: unknown = JSON.parse(await readFile(file, 'utf8'));
    const model = loadSavedModel(json, resolveActivation).model;
    const s = await getState(page);
    expect(model.inputSize).toBe(s.features.length);
    expect(model.layers.length).toBe(s.hidden.length + 1);
    expect(model.layers.map((l) => l.units).slice(0, -1)).toEqual(s.hidden.map((h) => h.units));
    expect(Array.from(model.layers[0].weights)).toEqual(pageWeights);
    const out = model.predict(new Float32Array([0.5, -0.5]), 1);
    expect(Number.isFinite(out[0])).toBe(true);
    // The same model as ONNX (rendered in the page by src/export) runs in ONNX Runtime with actlab predict's outputs.
    const [onnxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-model-onnx').click()]);
    expect(onnxDownload.suggestedFilename()).toBe('actlab-model.onnx');
    const raw = Float32Array.from({ length: model.inputSize * 3 }, (_, i) => Math.sin(i) * 2);
    const want = loadSavedModel(json, resolveActivation).predict(raw, 3);
    const got = await runOnnx(new Uint8Array(await readFile(await onnxDownload.path())), raw, [3, model.inputSize]);
    got.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThanOrEqual(1e-5));
  });
});

describe('the explorer as a teaching instrument', () => {
  const WIDE = { width: 1440, height: 900 } as const;

  it("applies a lesson's step as soon as Next is pressed, pausing at the step's checkpoint", async () => {
    const page = await open('?speed=full');
    await page.getByTestId('tour-select').selectOption('linear_depth');
    // Choosing the lesson set up its first step: five identity layers of 8.
    await page.waitForFunction(() => {
      const m = window.__actlab!.snapshot.value?.models[0];
      return m?.layers.length === 6 && m.layers[0].activation === 'identity' && m.layers[0].units === 8;
    });
    await page.getByTestId('tour-next').click();
    // Next applied step 2 at once: one identity unit, a fresh network at epoch 0, no "Apply" needed.
    await page.waitForFunction(() => {
      const a = window.__actlab!;
      const m = a.snapshot.value?.models[0];
      return a.state.value.tourStep === 1 && m?.layers.length === 2 && m.layers[0].units === 1 && a.snapshot.value!.epoch === 0;
    });
    expect(await page.getByTestId('tour-step-label').textContent()).toMatch(/2/);
    // ▶ trains to the step's checkpoint and pauses there, where the observation appears in numbers.
    await page.getByTestId('play').click();
    await page.waitForFunction(() => !window.__actlab!.running.value && window.__actlab!.snapshot.value!.epoch === 300, undefined, { timeout: 60_000 });
    await expect.poll(() => page.getByTestId('tour-observation').textContent()).toMatch(/epoch 300: train loss \d/);
    await page.getByTestId('tour-back').click();
    await page.waitForFunction(() => window.__actlab!.snapshot.value?.models[0]?.layers.length === 6);
  });

  it('trains at least 10× more epochs a second at full speed than in slow motion', async () => {
    const page = await open('?speed=1&data=xor');
    const rate = async (ms: number): Promise<number> => {
      const e0 = await getEpoch(page);
      const t0 = Date.now();
      await page.waitForTimeout(ms);
      const e1 = await getEpoch(page);
      return ((e1 - e0) * 1000) / (Date.now() - t0);
    };
    await startTraining(page);
    await page.waitForTimeout(500);
    const slow = await rate(3000);
    await page.getByTestId('speed').selectOption('0');
    await page.waitForTimeout(500);
    const fast = await rate(1500);
    await stopTraining(page);
    expect(slow).toBeGreaterThan(0);
    expect(slow).toBeLessThan(2);
    expect(fast).toBeGreaterThanOrEqual(10 * slow);
  });

  it('shows a 6×8 network whole at 1440×900: every layer, the output and the layer controls inside the viewport', async () => {
    const layers = Array.from({ length: 6 }, () => 'l=8:tanh').join('&');
    const page = await open(`?${layers}&data=spiral`, WIDE);
    await page.waitForFunction(() => window.__actlab!.snapshot.value?.models[0]?.layers.length === 7);
    const boxes = await page.evaluate(() => {
      const r = (el: Element) => el.getBoundingClientRect();
      const nodes = Array.from(document.querySelectorAll('[data-testid="network"] g.node')).map(r);
      const cards = Array.from(document.querySelectorAll('.layer-card')).map(r);
      return { nodes, cards, svg: r(document.querySelector('[data-testid="network"]')!), vw: innerWidth, vh: innerHeight };
    });
    expect(boxes.nodes).toHaveLength(2 + 6 * 8 + 1);
    expect(boxes.cards).toHaveLength(6);
    for (const b of [...boxes.nodes, ...boxes.cards, boxes.svg]) {
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.top).toBeGreaterThanOrEqual(0);
      expect(b.right).toBeLessThanOrEqual(boxes.vw);
      expect(b.bottom).toBeLessThanOrEqual(boxes.vh);
    }
    // No sideways scroll inside the network panel either.
    expect(await page.evaluate(() => { const s = document.querySelector('.network-scroll')!; return s.scrollWidth - s.clientWidth; })).toBeLessThanOrEqual(1);
    await screenshot(page, 'wide-6x8', false);
  });

  it('redraws the z-on-f plot of each layer while training', async () => {
    const page = await open('?speed=full&l=8:sigmoid&l=8:sigmoid', WIDE);
    await page.getByTestId('tab-why').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="zplot-stats-0"]')?.textContent !== '');
    const before = await canvasInk(page, 'zplots');
    const stats0 = await page.getByTestId('zplot-stats-0').textContent();
    expect(before.coloured).toBeGreaterThan(100);
    await startTraining(page);
    await waitEpochs(page, 50);
    await stopTraining(page);
    await expect.poll(async () => (await canvasInk(page, 'zplots')).checksum, { timeout: 10_000 }).not.toBe(before.checksum);
    await expect.poll(() => page.getByTestId('zplot-stats-0').textContent(), { timeout: 10_000 }).not.toBe(stats0);
  });

  it('sorts the table of all activations and loads a row into the layers', async () => {
    const page = await open('', WIDE);
    const table = page.getByTestId('activation-table');
    await table.scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByTestId('activation-table-count').textContent(), { timeout: 60_000 }).toMatch(/^\d+ of \d+$/);
    const names = () => table.locator('tbody th').allTextContents();
    const asc = await names();
    expect(asc.length).toBeGreaterThan(30);
    expect([...asc].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))).toEqual(asc);
    await page.getByTestId('sort-name').click();
    expect(await names()).toEqual([...asc].reverse());
    await page.getByTestId('activation-table-filter').fill('relu');
    const ids = () => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id ?? ''));
    const filtered = await ids();
    expect(filtered).toContain('relu');
    expect(filtered.length).toBeLessThan(asc.length);
    await page.getByTestId('activation-table-filter').fill('');
    // Click a row to load it into every layer.
    await table.locator('tr[data-id="elu"] td').first().click();
    await page.waitForFunction(() => window.__actlab!.state.value.hidden.every((l) => l.activation === 'elu'));
    await page.waitForFunction(() => window.__actlab!.modelLabels.value[0] === 'elu');
    await page.getByTestId('compare-tanh').click();
    await page.waitForFunction(() => window.__actlab!.state.value.compare.includes('tanh'));
  });

  it('runs a small activation search in the page and loads a result into every layer', async () => {
    const page = await open('', WIDE);
    const panel = page.getByTestId('search-panel');
    await panel.scrollIntoViewIfNeeded();
    await page.getByTestId('search-budget').fill('4');
    await page.getByTestId('search-budget').dispatchEvent('change');
    await page.getByTestId('search-seeds').fill('2');
    await page.getByTestId('search-seeds').dispatchEvent('change');
    await page.getByTestId('search-epochs').fill('5');
    await page.getByTestId('search-epochs').dispatchEvent('change');
    await page.getByTestId('search-start').click();
    await expect.poll(() => page.getByTestId('search-conclusion').count(), { timeout: 120_000, interval: 250 }).toBe(1);
    const rows = page.getByTestId('search-row');
    // The best candidates (up to 3) and the four baselines, compared on fresh seeds.
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    const candidate = panel.locator('tr.candidate').first();
    const expression = (await candidate.getAttribute('data-expression')) ?? '';
    expect(expression.length).toBeGreaterThan(0);
    await candidate.locator('td').first().click();
    await page.waitForFunction((e) => window.__actlab!.state.value.hidden.every((l) => l.activation === e), expression);
  });

  it('shows softmax probabilities at the hovered point as bars that add up to 1', async () => {
    const page = await open('?data=blobs3&speed=full', WIDE);
    await page.getByTestId('tab-inspector').click();
    await page.getByTestId('step').click();
    await waitEpochs(page, 1);
    const heat = page.getByTestId('output-heatmap');
    const box = (await heat.boundingBox())!;
    for (const [fx, fy] of [[0.3, 0.3], [0.7, 0.6]]) {
      await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
      await page.waitForTimeout(300);
      const ps = await page.locator('[data-testid^="prob-"][data-p]').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.p)));
      expect(ps).toHaveLength(3);
      for (const p of ps) expect(p).toBeGreaterThan(0);
      expect(ps.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(await page.getByTestId('prob-sum').textContent()).toMatch(/1\.000/);
    }
    expect(await page.getByTestId('backward-chain').isVisible()).toBe(true);
  });

  it('truncates no Chinese label at 1280 px: no text overflows its box', async () => {
    const page = await open('?lang=zh&tour=vanishing_gradients&data=spiral&l=8:sigmoid&l=8:sigmoid&l=8:sigmoid&l=8:sigmoid&l=8:sigmoid&l=8:sigmoid', DESKTOP);
    await poll(() => page.getByTestId('tour-title').textContent()).toMatch(CJK);
    const overflowing = await page.evaluate(() => {
      const out: string[] = [];
      const skip = new Set(['SELECT', 'OPTION', 'INPUT', 'TEXTAREA', 'CANVAS', 'SCRIPT', 'STYLE', 'PRE', 'CODE']);
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
        if (skip.has(el.tagName) || el.closest('svg, pre, .u-legend, .act-table-scroll, .visually-hidden, .skip-link')) continue;
        const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
        if (!own || el.offsetParent === null) continue;
        const st = getComputedStyle(el);
        if (st.display === 'inline') continue;
        if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName}.${el.className}: "${(el.textContent ?? '').trim().slice(0, 40)}" ${el.scrollWidth}>${el.clientWidth}`);
      }
      return out;
    });
    expect(overflowing).toEqual([]);
    await screenshot(page, 'zh-1280', false);
  });

  it('walks every lesson from its first step to its last with Next, each step set up at once and its view shown', async () => {
    const page = await open('', WIDE);
    const { TOURS: tours } = await import('../../web/src/tours/tours.js');
    const { stepFocus } = await import('../../web/src/tours/tourFocus.js');
    for (const tour of tours) {
      await page.getByTestId('tour-select').selectOption(tour.id);
      for (let k = 0; k < tour.steps.length; k++) {
        if (k > 0) await page.getByTestId('tour-next').click();
        const want = tourPatch(tour, k);
        await page.waitForFunction(
          ({ id, k, layers }) => {
            const a = window.__actlab!;
            const m = a.snapshot.value?.models[0];
            return a.state.value.tour === id && a.state.value.tourStep === k && m !== undefined && m.layers.length === layers && a.engineError.value === null;
          },
          { id: tour.id, k, layers: (want.hidden?.length ?? 2) + 1 },
        );
        const view = stepFocus(tour.id, k).view;
        // The view the step points to is on screen (its tab open).
        const shown = () => page.locator(`[data-view="${view}"]`).first().evaluate((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.top < innerHeight && r.bottom > 0; });
        await poll(async () => `${tour.id} step ${k + 1}: ${view} ${(await shown()) ? 'shown' : 'hidden'}`).toBe(`${tour.id} step ${k + 1}: ${view} shown`);
      }
      expect(await page.getByTestId('tour-next').isDisabled()).toBe(true);
    }
  }, 240_000);

  it('keeps ▶ and a view chooser in a bottom bar on a phone', async () => {
    const page = await open('', PHONE);
    const bar = page.getByTestId('phone-bar');
    expect(await bar.isVisible()).toBe(true);
    const box = (await bar.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height + 1);
    await page.getByTestId('phone-play').click();
    await page.waitForFunction(() => window.__actlab!.running.value);
    await page.getByTestId('phone-view').selectOption('loss');
    await poll(() => page.locator('[data-view="loss"]').evaluate((el) => { const r = el.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; })).toBe(true);
    await page.getByTestId('phone-play').click();
    await page.waitForFunction(() => !window.__actlab!.running.value);
  });
});
