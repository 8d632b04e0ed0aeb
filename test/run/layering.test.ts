import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

/** Every .ts file under a folder of the repository. */
function files(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

/** The module specifiers a file imports or re-exports (`valuesOnly`: leaving out `import type`). */
function imports(file: string, valuesOnly = false): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/^(import type|import|export)\s[^;]*?from\s+'([^']+)'/gms)].filter((m) => !valuesOnly || m[1] !== 'import type').map((m) => m[2]);
}

describe('the run module sits below its faces', () => {
  it('src/run imports nothing from experiments, lessons, search, the CLI, Node adapters, the wasm backend or node: modules', () => {
    const bad = files('src/run').flatMap((f) => imports(f).filter((s) => /^node:|\/(experiments|lessons|search|cli|node|wasm)\//.test(s)).map((s) => `${f}: ${s}`));
    expect(bad).toEqual([]);
  });

  it('the lessons build and train networks only through src/run (no trainer, no createModel of their own)', () => {
    const bad = files('src/lessons').flatMap((f) => imports(f, true).filter((s) => /nn\/(trainer|model|initializers)\.js$/.test(s)).map((s) => `${f}: ${s}`));
    expect(bad).toEqual([]);
  });

  it('src/experiments runs training only through src/run (no trainer or model building of its own)', () => {
    const bad = files('src/experiments').flatMap((f) => imports(f).filter((s) => /nn\/(trainer|model)\.js$/.test(s)).map((s) => `${f}: ${s}`));
    expect(bad).toEqual([]);
  });
});
