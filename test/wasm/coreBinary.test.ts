import { beforeAll, describe, expect, it } from 'vitest';
import { assembleBinary, loadBinaryen } from '../../src/wasm/assemble.js';
import { CORE_WASM_SHARED, CORE_WASM_UNSHARED } from '../../src/wasm/coreBinary.js';
import { coreWat } from '../../src/wasm/coreWat.js';

beforeAll(async () => {
  await loadBinaryen();
});

describe('the embedded core module', () => {
  for (const [shared, embedded] of [[true, CORE_WASM_SHARED], [false, CORE_WASM_UNSHARED]] as const) {
    it(`is exactly what coreWat assembles to today (${shared ? 'shared' : 'ordinary'} memory; regenerate with npx tsx scripts/core-wasm.ts)`, () => {
      expect(Buffer.from(embedded, 'base64').equals(Buffer.from(assembleBinary(coreWat(shared))))).toBe(true);
    });
  }
});
