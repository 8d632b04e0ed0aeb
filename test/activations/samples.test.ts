/**
 * The documented samples of the newer entries come from test/oracles/catalogSamples.py, which computes
 * them from the textbook formulas with Python's math module (independent of actlab's expressions). This
 * test runs the script and holds the entries to its output; the catalog sweep then holds actlab's code to
 * the samples.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findSpec } from '../../src/activations/registry.js';

const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import math'], { encoding: 'utf8' }).status === 0);

describe('samples computed independently in Python', () => {
  it.runIf(python !== undefined)('are exactly the samples of each entry the script covers (92 entries)', () => {
    const run = spawnSync(python!, ['test/oracles/catalogSamples.py'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const table = JSON.parse(run.stdout) as Record<string, Array<[number, number]>>;
    expect(Object.keys(table).length).toBeGreaterThanOrEqual(90);
    for (const [id, pairs] of Object.entries(table)) {
      const spec = findSpec(id);
      expect(spec?.id, id).toBe(id);
      expect(spec!.samples, id).toEqual(pairs);
    }
  });
});
