import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Activation } from '../../src/activations/activation.js';
import { CATALOG } from '../../src/activations/registry.js';
import { activationFromSpec, resolveActivation } from '../../src/activations/resolve.js';
import { type Expr, num, op, sym } from '../../src/expr/ast.js';
import { evaluate } from '../../src/expr/evaluate.js';
import { dependsOn } from '../../src/expr/keys.js';
import { PRIMITIVES } from '../../src/expr/primitives.js';
import { CODE_LANGUAGES, type CodeFunction, type CodeLanguage, printCode, printExpression } from '../../src/expr/printCode.js';

type Fn = (x: number, ...p: number[]) => number;

function codeFunction(a: Activation): CodeFunction {
  return {
    name: a.id ?? 'activation',
    title: a.name,
    expr: a.expr,
    derivative: a.derivative,
    params: a.paramNames.map((name, i) => ({ name, value: a.paramValues[i] })),
  };
}

const camel = (s: string) => s.replace(/_+([A-Za-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** Runs the JavaScript printed for `fn` and returns [f, f']. */
function loadJs(fn: CodeFunction): [Fn, Fn] {
  const code = printCode('javascript', fn);
  const name = camel(fn.name);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the code under test
  return new Function(`${code}\nreturn [${name}, ${name}Derivative];`)() as [Fn, Fn];
}

function close(actual: number, expected: number, tol = 1e-12): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
}

const GRID: number[] = [];
for (let x = -8; x <= 8; x += 0.125) GRID.push(x);
GRID.push(-100, -45, -20, -7.3, -1e-9, 1e-9, 7.3, 20, 45, 100, Math.PI, -Math.PI);

/** Catalog entries with their default parameters, and with every parameter moved inside its range. */
function catalogCases(): Activation[] {
  const out: Activation[] = [];
  for (const spec of CATALOG) {
    out.push(activationFromSpec(spec));
    if (spec.params.length > 0) {
      const overrides: Record<string, number> = {};
      for (const p of spec.params) {
        let v = p.default === 0 ? 0.3 : p.default * 1.37;
        if (p.max !== undefined && v > p.max) v = p.default - 0.1;
        if (p.min !== undefined && v < p.min) v = p.min + 0.2;
        overrides[p.name] = v;
      }
      out.push(activationFromSpec(spec, overrides));
    }
  }
  return out;
}

describe('printCode: JavaScript', () => {
  it.each(catalogCases().map((a) => [a.key, a] as const))('the JavaScript of %s equals Activation.f and f\' on a grid', (_key, a) => {
    const [f, df] = loadJs(codeFunction(a));
    for (const x of GRID) {
      const fx = f(x);
      const dfx = df(x);
      if (!close(fx, a.f(x))) expect.fail(`${a.key} f(${x}) = ${fx}, expected ${a.f(x)}`);
      if (!close(dfx, a.df(x))) expect.fail(`${a.key} f'(${x}) = ${dfx}, expected ${a.df(x)}`);
    }
  });

  it('takes parameters as arguments with the values as defaults', () => {
    const a = resolveActivation('elu:alpha=0.5');
    const code = printCode('javascript', codeFunction(a));
    expect(code).toContain('function elu(x, alpha = 0.5)');
    expect(code).toContain('function eluDerivative(x, alpha = 0.5)');
    const [f] = loadJs(codeFunction(a));
    expect(f(-1, 2)).toBeCloseTo(2 * Math.expm1(-1), 14);
  });

  it('renames parameters that are reserved words, and custom expressions with declarations work', () => {
    const a = resolveActivation('x*sigmoid(new*x) + Math; new=1.5; Math=0.25');
    const fn = codeFunction(a);
    const js = printCode('javascript', { ...fn, name: 'custom' });
    expect(js).toContain('function custom(x, new_ = 1.5, Math_ = 0.25)');
    const [f, df] = loadJs({ ...fn, name: 'custom' });
    for (const x of [-3, 0, 0.7, 12]) {
      expect(close(f(x), a.f(x))).toBe(true);
      expect(close(df(x), a.df(x))).toBe(true);
    }
  });

  it('never computes sigmoid or softplus through an overflowing exponential', () => {
    const [f] = loadJs(codeFunction(resolveActivation('softplus(x) + sigmoid(x)')));
    expect(f(-800)).toBe(0);
    expect(f(800)).toBe(801);
  });

  it('prints random expressions over every primitive that evaluate as the interpreter does', () => {
    const leaf = fc.oneof(
      fc.constant<Expr>(sym('x')),
      fc.constant<Expr>(sym('a')),
      fc.constantFrom(-2, -0.5, 0, 0.5, 1, 2, 3).map((v) => num(v) as Expr),
    );
    const names = [...PRIMITIVES.keys()];
    const tree = fc.letrec<{ e: Expr }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(fc.constantFrom(...names), fc.array(tie('e'), { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 3 })).map(([name, args, n]) => {
          const p = PRIMITIVES.get(name)!;
          const a = args.slice(0, p.arity);
          return name === 'sinc_d' ? op(name, num(n), a[1]) : op(name, ...a);
        }),
      ),
    })).e;
    fc.assert(
      fc.property(tree, fc.double({ min: -6, max: 6, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (e, x, av) => {
        const fn: CodeFunction = { name: 'g', expr: e, derivative: num(0), params: [{ name: 'a', value: av }] };
        const [f] = loadJs(fn);
        const expected = evaluate(e, { x, a: av });
        // NaN reaching a comparison is NaN in the language but false in JavaScript: compare finite results only
        if (!Number.isFinite(expected)) return true;
        const got = f(x);
        if (!close(got, expected, 1e-12) && !(Object.is(got, -0) || Object.is(expected, -0))) {
          throw new Error(`${printExpression('javascript', e, ['a'])}: got ${got}, expected ${expected}`);
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('printCode: every primitive has a mapping in every language', () => {
  for (const [name, p] of PRIMITIVES) {
    it(`maps ${name} in JavaScript, NumPy and PyTorch, with x and with parameters only`, () => {
      for (const arg of [sym('x'), sym('a')]) {
        const args: Expr[] = name === 'sinc_d' ? [num(1), arg] : Array.from({ length: p.arity }, (_, i) => (i === 0 ? arg : num(i + 0.5)));
        const e = op(name, ...args);
        for (const lang of CODE_LANGUAGES) {
          const code = printCode(lang, { name: 'g', expr: e, derivative: num(1), params: [{ name: 'a', value: 0.5 }] });
          expect(code.length).toBeGreaterThan(0);
        }
      }
    });
  }
});

const PY_NAMES = (lang: CodeLanguage, a: Activation) => printCode(lang, codeFunction(a));

/**
 * A stand-in for the few torch functions the printed PyTorch code calls, built on NumPy (float64), so the
 * PyTorch code's structure (torch.where branches, x.new_tensor, F.softplus's threshold, math for
 * parameter-only parts) can be run where torch is not installed. The real library is not checked here.
 */
const TORCH_SHIM = `
import sys, types, math
import numpy as np
from scipy.special import erf as _erf, erfc as _erfc

class T(np.ndarray):
    def to(self, dtype):
        return np.asarray(self, dtype=float).view(T)
    def new_tensor(self, v):
        return np.asarray(v, dtype=float).view(T)

def _t(a):
    return np.asarray(a, dtype=float).view(T)

torch = types.ModuleType('torch')
torch.as_tensor = lambda x: _t(x)
torch.where = lambda c, a, b: _t(np.where(c, a, b))
torch.full_like = lambda x, v: _t(np.full_like(np.asarray(x, dtype=float), v))
torch.zeros_like = lambda x: _t(np.zeros_like(np.asarray(x, dtype=float)))
for name, f in dict(exp=np.exp, expm1=np.expm1, log=np.log, log1p=np.log1p, sqrt=np.sqrt, abs=np.abs, sign=np.sign,
                    sin=np.sin, cos=np.cos, tan=np.tan, asin=np.arcsin, acos=np.arccos, atan=np.arctan, sinh=np.sinh,
                    cosh=np.cosh, tanh=np.tanh, asinh=np.arcsinh, acosh=np.arccosh, atanh=np.arctanh, hypot=np.hypot,
                    minimum=np.minimum, maximum=np.maximum, erf=_erf, erfc=_erfc, sinc=np.sinc, isinf=np.isinf,
                    round=np.round, fmod=np.fmod).items():
    setattr(torch, name, (lambda f: lambda *a: _t(f(*a)))(f))
torch.clamp = lambda u, lo, hi: _t(np.clip(u, lo, hi))
def _sigmoid(x):
    z = np.exp(-np.abs(x))
    return _t(np.where(x >= 0, 1 / (1 + z), z / (1 + z)))
torch.sigmoid = _sigmoid
F = types.ModuleType('torch.nn.functional')
F.softplus = lambda u: _t(np.where(u > 20, u, np.logaddexp(0, u)))
F.logsigmoid = lambda u: _t(-np.logaddexp(0, -u))
nn = types.ModuleType('torch.nn')
nn.functional = F
torch.nn = nn
sys.modules['torch'] = torch
sys.modules['torch.nn'] = nn
sys.modules['torch.nn.functional'] = F
`;

/** Runs printed Python modules on the grid; returns [f values, f' values] per module. */
function runPython(prelude: string, modules: ReadonlyArray<{ file: string; name: string }>): number[][][] {
  const script = `${prelude}
import json, sys, importlib.util
import numpy as np
grid = json.loads(sys.argv[1])
out = []
for path, name in json.loads(sys.argv[2]):
    spec = importlib.util.spec_from_file_location("m", path)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    with np.errstate(all='ignore'):
        f = getattr(m, name)(np.array(grid))
        d = getattr(m, name + "_derivative")(np.array(grid))
    enc = lambda a: [float(v) if np.isfinite(v) else str(float(v)) for v in np.broadcast_to(np.asarray(a, dtype=float), len(grid))]
    out.append([enc(f), enc(d)])
print(json.dumps(out))
`;
  const res = JSON.parse(
    execFileSync('python3', ['-c', script, JSON.stringify(GRID), JSON.stringify(modules.map((m) => [m.file, m.name]))], { encoding: 'utf8', maxBuffer: 64 << 20 }),
  ) as (number | string)[][][];
  const dec = (v: number | string): number => (typeof v === 'number' ? v : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : Number.NaN);
  return res.map((m) => m.map((col) => col.map(dec)));
}

/** Prints every catalog case in `lang`, runs it, and compares with Activation.f and f'. */
function checkPython(lang: 'numpy' | 'pytorch', prelude: string): void {
  const dir = mkdtempSync(join(tmpdir(), `actlab-${lang}-`));
  try {
    const all = catalogCases();
    const modules = all.map((a, i) => {
      const file = join(dir, `m${i}.py`);
      writeFileSync(file, printCode(lang, codeFunction(a)));
      return { file, name: a.id ?? 'activation' };
    });
    const res = runPython(prelude, modules);
    all.forEach((a, i) => {
      GRID.forEach((x, j) => {
        const [fx, dx] = [res[i][0][j], res[i][1][j]];
        if (!close(fx, a.f(x), 1e-9)) expect.fail(`${a.key} ${lang} f(${x}) = ${fx}, expected ${a.f(x)}`);
        if (!close(dx, a.df(x), 1e-9)) expect.fail(`${a.key} ${lang} f'(${x}) = ${dx}, expected ${a.df(x)}`);
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('printCode: Python', () => {
  const cases = CATALOG.map((s) => activationFromSpec(s));

  it('writes NumPy with np.where for conditionals, keyword parameters and no JavaScript left over', () => {
    for (const a of cases) {
      const code = PY_NAMES('numpy', a);
      expect(code).toMatch(new RegExp(`^def ${a.id}\\(x`, 'm'));
      expect(code).toMatch(new RegExp(`^def ${a.id}_derivative\\(x`, 'm'));
      const body = code.split('\n').filter((l) => !l.startsWith('#') && !l.includes('"""'));
      expect(body.join('\n')).not.toMatch(/Math\.|torch|\?|===|&&|\|\||const /);
      if (a.expr.kind === 'op' && a.expr.op === 'select' && dependsOn(a.expr.args[0], 'x')) expect(code).toContain('np.where(');
      for (const [i, n] of a.paramNames.entries()) expect(code).toContain(`${n}=${String(a.paramValues[i]).includes('.') ? a.paramValues[i] : `${a.paramValues[i]}.0`}`);
    }
  });

  it('writes PyTorch with torch functions and no NumPy', () => {
    for (const a of cases) {
      const code = PY_NAMES('pytorch', a);
      expect(code).toContain('import torch');
      expect(code).toMatch(new RegExp(`^def ${a.id}_derivative\\(x`, 'm'));
      const body = code.split('\n').filter((l) => !l.startsWith('#') && !l.includes('"""'));
      expect(body.join('\n')).not.toMatch(/\bnp\.|Math\.|\?|===|const /);
    }
    expect(PY_NAMES('pytorch', resolveActivation('sigmoid'))).toContain('torch.sigmoid(x)');
    expect(PY_NAMES('pytorch', resolveActivation('softplus'))).toContain('F.softplus(');
    expect(PY_NAMES('numpy', resolveActivation('softplus'))).toContain('np.logaddexp(0.0, ');
    expect(PY_NAMES('pytorch', resolveActivation('relu'))).toContain('torch.where(x > 0.0, x, torch.where(x <= 0.0, ');
    expect(PY_NAMES('numpy', resolveActivation('gelu'))).toContain('from scipy.special import erf as _erf, erfc as _erfc');
  });

  it('renames Python keywords used as parameter names', () => {
    const a = resolveActivation('x > lambda ? x : 0; lambda=0.5');
    const code = printCode('numpy', { ...codeFunction(a), name: 'custom' });
    expect(code).toContain('def custom(x, lambda_=0.5)');
    expect(code).toContain('x > lambda_');
  });

  const python = spawnSync('python3', ['-c', 'import ast'], { encoding: 'utf8' }).status === 0;
  const numpy = python && spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;

  it.skipIf(!python)('prints Python that parses (NumPy and PyTorch, every catalog entry)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'actlab-py-'));
    try {
      const files: string[] = [];
      for (const a of cases) {
        for (const lang of ['numpy', 'pytorch'] as const) {
          const file = join(dir, `${a.id}_${lang}.py`);
          writeFileSync(file, printCode(lang, codeFunction(a)));
          files.push(file);
        }
      }
      const script = 'import ast, sys\nfor f in sys.argv[1:]:\n    ast.parse(open(f).read(), f)\nprint("ok")';
      expect(execFileSync('python3', ['-c', script, ...files], { encoding: 'utf8' }).trim()).toBe('ok');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!numpy)('runs the NumPy code of every catalog entry and matches Activation.f and f\'', () => {
    checkPython('numpy', '');
  });

  const scipy = numpy && spawnSync('python3', ['-c', 'import scipy.special'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!scipy)('runs the PyTorch code of every catalog entry against a NumPy stand-in for torch and matches Activation.f and f\'', () => {
    checkPython('pytorch', TORCH_SHIM);
  });
});
