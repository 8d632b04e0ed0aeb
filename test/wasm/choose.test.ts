import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsBackend } from '../../src/nn/jsBackend.js';
import { chooseBackend, wasmSimdSupported } from '../../src/wasm/choose.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('chooseBackend (src/wasm/choose.ts)', () => {
  it('gives the wasm backend where WebAssembly SIMD validates (Node 20), without a note', async () => {
    expect(wasmSimdSupported()).toBe(true);
    const c = await chooseBackend('wasm');
    expect(c.backend.name).toBe('wasm');
    expect(c.note).toBeNull();
  });

  it('gives js with a one-line note where SIMD is missing', async () => {
    vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    expect(wasmSimdSupported()).toBe(false);
    const c = await chooseBackend('wasm');
    expect(c.backend).toBe(jsBackend);
    expect(c.note).toMatch(/^this browser has no WebAssembly SIMD, so training runs on the JavaScript backend/);
    expect(c.note).not.toContain('\n');
  });

  it('gives js without a note when js is asked for', async () => {
    expect(await chooseBackend('js')).toEqual({ backend: jsBackend, note: null });
  });
});
