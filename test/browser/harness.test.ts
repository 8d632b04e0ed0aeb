/**
 * The pieces of the browser harness and bench:web that need no browser: the static server, MIME types,
 * the benchmark's options and its target checks.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeType, serveStatic, type StaticServer } from '../../bench/web/browserHarness.js';
import { parseWebBenchOptions } from '../../bench/web/options.js';
import { PLAYGROUND, judge, type WebBenchResult } from '../../bench/web/report.js';

describe('the static server', () => {
  let dir: string;
  let server: StaticServer;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'actlab-static-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(path.join(dir, 'assets', 'a-1.js'), 'export {};');
    await writeFile(path.join(dir, 'assets', 'k.wasm'), Buffer.from([0, 97, 115, 109]));
    await writeFile(path.join(os.tmpdir(), 'actlab-outside.txt'), 'secret');
    server = await serveStatic(dir);
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
    await rm(path.join(os.tmpdir(), 'actlab-outside.txt'), { force: true });
  });

  it('serves index.html at / on 127.0.0.1', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await fetch(server.url);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await r.text()).toContain('<title>t</title>');
  });

  it('sends scripts as JavaScript and WebAssembly as application/wasm, with hashed assets cacheable', async () => {
    const js = await fetch(`${server.url}assets/a-1.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    const wasm = await fetch(`${server.url}assets/k.wasm`);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  it('answers 404 for a missing file and never serves files outside its folder', async () => {
    expect((await fetch(`${server.url}nope.js`)).status).toBe(404);
    const escaped = await fetch(`${server.url}..%2factlab-outside.txt`);
    expect(escaped.status).not.toBe(200);
  });

  it('knows the MIME types of the built explorer', () => {
    expect(mimeType('x.css')).toBe('text/css; charset=utf-8');
    expect(mimeType('x.woff2')).toBe('font/woff2');
    expect(mimeType('x.SVG')).toBe('image/svg+xml');
    expect(mimeType('x.unknown')).toBe('application/octet-stream');
  });
});

describe('bench:web options and targets', () => {
  it('reads --json, --quick and --seconds, and rejects anything else', () => {
    expect(parseWebBenchOptions([])).toEqual({ json: false, seconds: 10, flatOutSeconds: 5 });
    expect(parseWebBenchOptions(['--json', '--seconds', '4'])).toEqual({ json: true, seconds: 4, flatOutSeconds: 5 });
    expect(parseWebBenchOptions(['--quick']).seconds).toBeLessThan(10);
    expect(() => parseWebBenchOptions(['--seconds', 'x'])).toThrow(/--seconds/);
    expect(() => parseWebBenchOptions(['--fast'])).toThrow(/unknown option '--fast'/);
  });

  it('meets the epochs target at 10× Playground and the worker target within 1.5× of Node', () => {
    const page = { framesPerSecond: 60, epochsPerSecond: 10 * PLAYGROUND.epochsPerSecond } as WebBenchResult['page'];
    const met = judge(page, { epochs: 0, seconds: 1, epochsPerSecond: 1000 }, { epochsPerSecond: 1500, epochsPerSecondWithFrames: 0 });
    expect(met.targets).toEqual({ epochs: true, workerVsNode: true });
    expect(met.ratios.framesVsPlayground).toBeCloseTo(60 / 18);
    const slow = { ...page, epochsPerSecond: 10 * PLAYGROUND.epochsPerSecond - 1 };
    const missed = judge(slow, { epochs: 0, seconds: 1, epochsPerSecond: 1000 }, { epochsPerSecond: 1501, epochsPerSecondWithFrames: 0 });
    expect(missed.targets).toEqual({ epochs: false, workerVsNode: false });
  });
});
