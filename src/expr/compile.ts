/**
 * Compilation of expressions to JavaScript functions: a scalar f64 evaluator and Float32Array kernels.
 *
 * Safety: the generated source is assembled only from the primitive table's templates, numbers printed
 * by `formatNumber`, and identifiers generated here (x, p0, t12, ...). No text typed by a user ever
 * reaches `new Function`; an unknown name in the AST is an error, not an identifier.
 *
 * Speed: common subexpressions (structurally equal subtrees, across all outputs of a kernel) are computed
 * once; subexpressions that do not depend on x are hoisted out of the element loop.
 *
 * Limits: evaluation is eager (both branches of `c ? a : b` are computed, then one is chosen), so a
 * branch that would be NaN or infinite where it is not chosen does no harm. At x = ±Infinity an
 * expression that evaluates to NaN (e.g. x*sigmoid(x) at -Infinity, 0·∞) gets its limit from two huge
 * arguments instead: their common value, ±Infinity if both are beyond 1e300, or NaN if it oscillates.
 */
import type { Expr } from './ast.js';
import { VARIABLE } from './ast.js';
import type { ActivationKernel } from './kernel.js';
import { keyOf } from './keys.js';
import { primitive } from './primitives.js';
import { formatNumber } from './print.js';
import { RUNTIME, type Runtime } from './runtime.js';

/** A scalar f64 function of x with parameter values in the given order. */
export type ScalarFunction = (x: number, p: ArrayLike<number>) => number;

interface Emitted {
  /** Statements that do not depend on x. */
  readonly pre: string[];
  /** Statements that depend on x. */
  readonly body: string[];
  /** JS expressions (numbers) of the roots. */
  readonly outs: string[];
}

interface Slot {
  readonly code: string;
  readonly bool: boolean;
  readonly varying: boolean;
}

function numberLiteral(v: number): string {
  const s = formatNumber(v);
  return v < 0 || Object.is(v, -0) ? `(${s})` : s;
}

/**
 * Emits straight-line code for several roots with shared subexpressions.
 * `paramId(k)` names the JS identifier that holds parameter k; `hoist` moves x-free work to `pre`.
 */
function emit(roots: readonly Expr[], params: readonly string[], paramId: (k: number) => string, hoist: boolean, prefix: string, blend = false): Emitted {
  const pre: string[] = [];
  const body: string[] = [];
  const slots = new Map<string, Slot>();
  const keys = new Map<Expr, string>();
  let counter = 0;

  const visit = (e: Expr): Slot => {
    const k = keyOf(e, keys);
    const hit = slots.get(k);
    if (hit) return hit;
    let slot: Slot;
    if (e.kind === 'num') slot = { code: numberLiteral(e.value), bool: false, varying: false };
    else if (e.kind === 'sym') {
      if (e.name === VARIABLE) slot = { code: 'x', bool: false, varying: true };
      else {
        const i = params.indexOf(e.name);
        if (i < 0) throw new Error(`compile: unknown name in expression (not a declared parameter)`);
        slot = { code: paramId(i), bool: false, varying: !hoist };
      }
    } else {
      const p = primitive(e.op);
      const args = e.args.map(visit);
      const wantsBool = (i: number): boolean => (e.op === 'select' ? i === 0 : e.op === 'and' || e.op === 'or' || e.op === 'not');
      const codes = args.map((a, i) => {
        if (wantsBool(i) && !a.bool) return `(${a.code} !== 0)`;
        if (!wantsBool(i) && a.bool) return `(${a.code} ? 1 : 0)`;
        return a.code;
      });
      const varying = args.some((a) => a.varying);
      const name = `${prefix}${counter++}`;
      const target = varying ? body : pre;
      if (blend && e.op === 'select') {
        // Branch-free select: a·m + b·(1−m) with m = 1 or 0 is exact when both branches are finite; the
        // kernel loops re-evaluate any NaN result with the scalar code, which covers ∞·0.
        target.push(`const ${name}m = +${codes[0]};`);
        target.push(`const ${name} = ${codes[1]} * ${name}m + ${codes[2]} * (1 - ${name}m);`);
      } else target.push(`const ${name} = ${p.js(codes)};`);
      slot = { code: name, bool: p.boolean === true, varying };
    }
    slots.set(k, slot);
    return slot;
  };

  const outs = roots.map((r) => {
    const s = visit(r);
    return s.bool ? `(${s.code} ? 1 : 0)` : s.code;
  });
  return { pre, body, outs };
}

const MAX = '1.7976931348623157e308';

function build<T>(source: string): T {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- source is generated from AST nodes only (see file header)
  const factory = new Function('M', `"use strict";\n${source}`) as (m: Runtime) => T;
  return factory(RUNTIME);
}

/** Source of a scalar function `(x, p) => number` for one root, with NaN-in/NaN-out and limits at ±∞. */
function scalarSource(e: Expr, params: readonly string[]): string {
  const { pre, body, outs } = emit([e], params, (k) => `p${k}`, false, 't');
  const loads = params.map((_, k) => `const p${k} = p[${k}];`).join('\n');
  return `const inner = (x, p) => {\n${loads}\n${[...pre, ...body].join('\n')}\nreturn ${outs[0]};\n};
return (x, p) => {
  if (x !== x) return NaN;
  const r = inner(x, p);
  if (r === r || (x !== Infinity && x !== -Infinity)) return r;
  // The limit at ±∞: the values at two huge arguments agree (a finite limit), or both are beyond 1e300
  // with one sign (a divergence); otherwise the function keeps oscillating and has no limit.
  const s = x > 0 ? 1 : -1;
  const a = inner(s * ${MAX}, p);
  const b = inner(s * 1e300, p);
  if (Math.abs(a) > 1e300 && Math.abs(b) > 1e300 && Math.sign(a) === Math.sign(b)) return Math.sign(a) * Infinity;
  if (a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))) return a;
  return NaN;
};`;
}

/** Compiles an expression to a scalar f64 function `(x, params) => value`. */
export function compileScalar(e: Expr, params: readonly string[]): ScalarFunction {
  return build<ScalarFunction>(scalarSource(e, params));
}

/**
 * Compiles an activation to Float32Array kernels, from its expression, its derivative and its
 * derivatives with respect to each parameter (all already simplified).
 */
export function compileKernel(f: Expr, df: Expr, dp: readonly Expr[], params: readonly string[]): ActivationKernel {
  const n = params.length;
  const loadShared = params.map((_, k) => `const p${k} = p[${k}];`).join('\n');
  const loadCols = params.map((_, k) => `const P${k} = P[${k}];`).join('\n');
  const colParams = params.map((_, k) => `const p${k} = P${k}[c];`).join('\n');

  // Slow paths for ±Infinity inputs (and NaN), shared by all kernels.
  const fixes = `
const fS = (() => { ${scalarSource(f, params)} })();
const dS = (() => { ${scalarSource(df, params)} })();
const dpS = [${dp.map((e) => `(() => { ${scalarSource(e, params)} })()`).join(', ')}];
`;

  const loop = (roots: readonly Expr[], hoist: boolean, paramId: (k: number) => string) => emit(roots, params, paramId, hoist, 'v', true);

  const fw = loop([f], true, (k) => `p${k}`);
  const fd = loop([f, df], true, (k) => `p${k}`);
  const bw = loop([df], true, (k) => `p${k}`);
  const pg = loop(dp, true, (k) => `p${k}`);
  const fdc = loop([f, df], false, (k) => `p${k}`);
  const pgc = loop(dp, false, (k) => `p${k}`);

  // Any NaN (NaN input, ∞·0 at ±Infinity, or an unselected infinite branch) is recomputed by the scalar code.
  const fix = (v: string, which: string, pArg: string) => `if (!(${v} === ${v})) ${v} = ${which}(x, ${pArg});`;

  const source = `${fixes}
const pvec = (P, c) => { const q = new Array(${n}); for (let k = 0; k < ${n}; k++) q[k] = P[k][c]; return q; };
return {
  params: ${JSON.stringify(params)},
  forward(X, Y, p) {
    ${loadShared}
    ${fw.pre.join('\n')}
    const n = X.length;
    for (let i = 0; i < n; i++) {
      const x = X[i];
      ${fw.body.join('\n')}
      let y = ${fw.outs[0]};
      ${fix('y', 'fS', 'p')}
      Y[i] = y;
    }
  },
  forwardDeriv(X, Y, D, p) {
    ${loadShared}
    ${fd.pre.join('\n')}
    const n = X.length;
    for (let i = 0; i < n; i++) {
      const x = X[i];
      ${fd.body.join('\n')}
      let y = ${fd.outs[0]};
      let d = ${fd.outs[1]};
      ${fix('y', 'fS', 'p')}
      ${fix('d', 'dS', 'p')}
      Y[i] = y;
      D[i] = d;
    }
  },
  backward(X, DY, DX, p) {
    ${loadShared}
    ${bw.pre.join('\n')}
    const n = X.length;
    for (let i = 0; i < n; i++) {
      const x = X[i];
      ${bw.body.join('\n')}
      let d = ${bw.outs[0]};
      ${fix('d', 'dS', 'p')}
      DX[i] = DY[i] * d;
    }
  },
  paramGrad(X, DY, p, G) {
    ${loadShared}
    ${pg.pre.join('\n')}
    ${params.map((_, k) => `let s${k} = 0;`).join('\n')}
    const n = X.length;
    for (let i = 0; i < n; i++) {
      const x = X[i];
      const g = DY[i];
      ${pg.body.join('\n')}
      ${params.map((_, k) => `{ let d = ${pg.outs[k]}; ${fix('d', `dpS[${k}]`, 'p')} s${k} += g * d; }`).join('\n')}
    }
    ${params.map((_, k) => `G[${k}] += s${k};`).join('\n')}
  },
  forwardDerivCols(X, Y, D, cols, P) {
    ${loadCols}
    const rows = cols > 0 ? X.length / cols : 0;
    for (let r = 0; r < rows; r++) {
      const base = r * cols;
      for (let c = 0; c < cols; c++) {
        ${colParams}
        const x = X[base + c];
        ${[...fdc.pre, ...fdc.body].join('\n')}
        let y = ${fdc.outs[0]};
        let d = ${fdc.outs[1]};
        if (!(y === y) || !(d === d)) { const q = pvec(P, c); ${fix('y', 'fS', 'q')} ${fix('d', 'dS', 'q')} }
        Y[base + c] = y;
        D[base + c] = d;
      }
    }
  },
  paramGradCols(X, DY, cols, P, G) {
    ${loadCols}
    ${params.map((_, k) => `const G${k} = G[${k}];`).join('\n')}
    const rows = cols > 0 ? X.length / cols : 0;
    for (let r = 0; r < rows; r++) {
      const base = r * cols;
      for (let c = 0; c < cols; c++) {
        ${colParams}
        const x = X[base + c];
        const g = DY[base + c];
        ${[...pgc.pre, ...pgc.body].join('\n')}
        ${params.map((_, k) => `{ let d = ${pgc.outs[k]}; if (!(d === d)) { const q = pvec(P, c); d = dpS[${k}](x, q); } G${k}[c] += g * d; }`).join('\n')}
      }
    }
  },
};`;
  return build<ActivationKernel>(source);
}
