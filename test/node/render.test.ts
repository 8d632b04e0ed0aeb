import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionPlot } from '../../src/charts/functionPlot.js';
import { renderPng, renderSvg, writeChart } from '../../src/node/render.js';
import { ActlabError } from '../../src/util/errors.js';
import { chartExamples } from '../charts/examples.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'charts');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

/** Width and height attributes of the root <svg> element. */
function svgSize(svg: string): [number, number] {
  const m = /<svg[^>]*\swidth="(\d+(?:\.\d+)?)"[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
  if (!m) throw new Error('no size on the svg element');
  return [Number(m[1]), Number(m[2])];
}

/** Text content of the SVG, entities decoded. */
function svgTexts(svg: string): string {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
    .map((m) => m[1].replace(/&#x27;|&apos;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
    .join('\n');
}

const small = functionPlot({
  title: 'identity and square',
  xLabel: 'input x',
  yLabel: 'output y',
  series: [
    { name: 'identity', points: [-1, 0, 1].map((x) => ({ x, y: x })) },
    { name: 'square', dashed: true, points: [-1, 0, 1].map((x) => ({ x, y: x * x })) },
  ],
});

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'actlab-render-'));
  await mkdir(ARTIFACTS, { recursive: true });
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('renderSvg', () => {
  it('shows the title, axis labels and legend names of a function plot', async () => {
    const texts = svgTexts(await renderSvg(small));
    for (const t of ['identity and square', 'input x', 'output y', 'identity', 'square']) expect(texts).toContain(t);
  });

  it.each(chartExamples().map((e) => [e.file, e] as const))('shows every label of the %s example and writes it as PNG for inspection', async (_, ex) => {
    const svg = await renderSvg(ex.spec);
    const texts = svgTexts(svg);
    for (const t of ex.texts) expect(texts).toContain(t);
    await writeChart(join(ARTIFACTS, `${ex.file}.png`), ex.spec);
    await writeChart(join(ARTIFACTS, `${ex.file}.svg`), ex.spec);
  });
});

describe('renderPng', () => {
  it('starts with the PNG signature and is the SVG size times the scale', async () => {
    const [w, h] = svgSize(await renderSvg(small));
    for (const scale of [1, 2]) {
      const png = await renderPng(small, { scale });
      expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(pngSize(png)).toEqual([Math.round(w * scale), Math.round(h * scale)]);
    }
  });

  it('rejects a scale outside (0, 10]', async () => {
    await expect(renderPng(small, { scale: 0 })).rejects.toThrow(ActlabError);
  });
});

describe('writeChart', () => {
  it('picks SVG or PNG by the extension, case-insensitively', async () => {
    await writeChart(join(dir, 'a.svg'), small);
    await writeChart(join(dir, 'b.PNG'), small);
    expect((await readFile(join(dir, 'a.svg'), 'utf8')).startsWith('<svg')).toBe(true);
    expect([...(await readFile(join(dir, 'b.PNG'))).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect((await readdir(dir)).sort()).toEqual(['a.svg', 'b.PNG']);
  });

  it('refuses other extensions with a clear message and writes nothing', async () => {
    await expect(writeChart(join(dir, 'x.jpg'), small)).rejects.toThrow(ActlabError);
    await expect(writeChart('x.jpg', small)).rejects.toThrow("cannot write chart 'x.jpg': use .svg or .png");
    expect(await readdir(dir)).not.toContain('x.jpg');
  });

  it('says clearly when the output directory does not exist', async () => {
    await expect(writeChart(join(dir, 'nope', 'c.svg'), small)).rejects.toThrow(/does not exist/);
  });
});
