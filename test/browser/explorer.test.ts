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
    await screenshot(page, 'desktop-initial');
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
    // only redraw while on screen, so each is scrolled into view first.
    for (const id of ['loss-chart', 'gradient-chart']) {
      await page.getByTestId(id).scrollIntoViewIfNeeded();
      await poll(async () => (await canvasInk(page, id)).coloured).toBeGreaterThan(100);
    }
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
