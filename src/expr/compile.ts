/**
 * Compilation of expressions to JavaScript functions, rendered from the IR (src/expr/ir.ts): a scalar
 * f64 evaluator and Float32Array kernels.
 *
 * Safety: `lower` type-checks every node first; the generated source is assembled only from the
 * JavaScript lowering table (src/expr/render/js.ts), number literals checked to be numbers, and
 * identifiers generated here (x, p0, t12, ...). No text from an expression ever reaches `new Function`.
 *
 * Speed: the IR computes common subexpressions once; instructions that do not depend on x are hoisted
 * out of the element loop.
 *
 * Semantics: the pointwise code gives exactly the interpreter's value (NaN included). `compileScalar`
 * adds one documented layer for activations: NaN in gives NaN out, and at x = ±Infinity an expression
 * that evaluates to NaN (e.g. x*sigmoid(x) at -Infinity, 0·∞) gets its limit from two huge arguments
 * instead (see {@link withLimits}).
 */
import type { Expr } from './ast.js';
import { type Program, lower, reachable } from './ir.js';
import type { ActivationKernel } from './kernel.js';
import { JS_LOWERING, type JsCode, RUNTIME_FUNCTIONS, jsNumber } from './render/js.js';

/** A scalar f64 function of x with parameter values in the given order. */
export type ScalarFunction = (x: number, p: ArrayLike<number>) => number;

interface Emitted {
  /** Statements that do not depend on x. */
  readonly pre: string[];
  /** Statements that depend on x. */
  readonly body: string[];
  /** JS expressions (numbers) of the chosen outputs. */
  readonly outs: string[];
}

/**
 * Straight-line code for some outputs of a program. `hoist` moves x-free instructions to `pre`.
 * Comparisons are not stored: each use inlines their two tests, so a select on a comparison is one
 * branch; everything else gets one `const` per instruction.
 */
function emit(program: Program, outputs: readonly number[], hoist: boolean, prefix: string): Emitted {
  const live = reachable(program, outputs);
  const pre: string[] = [];
  const body: string[] = [];
  const codes: JsCode[] = [];
  const rt = (name: string): string => `M.${name}`;
  program.instrs.forEach((ins, i) => {
    if (!live[i]) {
      codes.push({ code: 'NaN', prec: 140 });
      return;
    }
    if (ins.kind === 'x') codes.push({ code: 'x', prec: 140 });
    else if (ins.kind === 'const') codes.push(jsNumber(ins.value, ins.name));
    else if (ins.kind === 'param') codes.push({ code: `p${ins.index}`, prec: 140 });
    else {
      const c = JS_LOWERING[ins.op](ins.args.map((a) => codes[a]), rt);
      if (c.test) {
        codes.push(c);
        return;
      }
      const name = `${prefix}${i}`;
      (hoist && !program.varying[i] ? pre : body).push(`const ${name} = ${c.code};`);
      codes.push({ code: name, prec: 140 });
    }
  });
  return { pre, body, outs: outputs.map((o) => codes[o].code) };
}

type Factory = (m: typeof RUNTIME_FUNCTIONS, ...rest: unknown[]) => unknown;

function build<T>(source: string, extraNames: readonly string[] = [], extra: readonly unknown[] = []): T {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- source is generated from type-checked IR only (see file header)
  const factory = new Function('M', ...extraNames, `"use strict";\n${source}`) as Factory;
  return factory(RUNTIME_FUNCTIONS, ...extra) as T;
}

/** The pointwise function of output k of a program: exactly the interpreter's value. */
function pointwise(program: Program, k: number): ScalarFunction {
  const { pre, body, outs } = emit(program, [program.outputs[k]], false, 't');
  const loads = program.params.map((_, k) => `const p${k} = p[${k}];`).join('\n');
  return build<ScalarFunction>(`return (x, p) => {\n${loads}\n${[...pre, ...body].join('\n')}\nreturn ${outs[0]};\n};`);
}

/**
 * An activation's scalar function from its pointwise one: NaN for NaN, and at ±Infinity, where the
 * pointwise value is NaN, the limit: the values at two huge arguments agree (a finite limit), or both
 * are beyond 1e300 with one sign (a divergence); otherwise the function oscillates and has no limit (NaN).
 */
export function withLimits(inner: ScalarFunction): ScalarFunction {
  return (x, p) => {
    if (x !== x) return Number.NaN;
    const r = inner(x, p);
    if (r === r || (x !== Infinity && x !== -Infinity)) return r;
    const s = x > 0 ? 1 : -1;
    const a = inner(s * Number.MAX_VALUE, p);
    const b = inner(s * 1e300, p);
    if (Math.abs(a) > 1e300 && Math.abs(b) > 1e300 && Math.sign(a) === Math.sign(b)) return Math.sign(a) * Infinity;
    if (a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))) return a;
    return Number.NaN;
  };
}

/** Compiles an expression to its pointwise f64 function: the interpreter's value at every x, NaN included. */
export function compilePointwise(e: Expr, params: readonly string[]): ScalarFunction {
  return pointwise(lower([e], params), 0);
}

/** Compiles an expression to a scalar f64 function `(x, params) => value` with the limits at ±∞ ({@link withLimits}). */
export function compileScalar(e: Expr, params: readonly string[]): ScalarFunction {
  return withLimits(compilePointwise(e, params));
}

/**
 * Compiles an activation to Float32Array kernels, from its expression, its derivative and its
 * derivatives with respect to each parameter (all already simplified), lowered to one program.
 */
export function compileKernel(f: Expr, df: Expr, dp: readonly Expr[], params: readonly string[]): ActivationKernel {
  const program = lower([f, df, ...dp], params);
  return compileProgramKernel(program);
}

/** Float32Array kernels from a program whose outputs are f, f', ∂f/∂p_0, ... */
export function compileProgramKernel(program: Program): ActivationKernel {
  const params = program.params;
  const n = params.length;
  const [oF, oD, ...oP] = program.outputs;
  const loadShared = params.map((_, k) => `const p${k} = p[${k}];`).join('\n');
  const loadCols = params.map((_, k) => `const P${k} = P[${k}];`).join('\n');
  const colParams = params.map((_, k) => `const p${k} = P${k}[c];`).join('\n');

  // Slow paths for NaN inputs and NaN results (∞·0 at ±Infinity): the scalar function with its limits.
  const fS = withLimits(pointwise(program, 0));
  const dS = withLimits(pointwise(program, 1));
  const dpS = oP.map((_, k) => withLimits(pointwise(program, 2 + k)));

  const fw = emit(program, [oF], true, 'v');
  const fd = emit(program, [oF, oD], true, 'v');
  const bw = emit(program, [oD], true, 'v');
  const pg = emit(program, oP, true, 'v');
  const fdc = emit(program, [oF, oD], false, 'v');
  const pgc = emit(program, oP, false, 'v');

  const fix = (v: string, which: string, pArg: string) => `if (${v} !== ${v} || x !== x) ${v} = ${which}(x, ${pArg});`;

  const source = `
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
        if (y !== y || d !== d || x !== x) { const q = pvec(P, c); ${fix('y', 'fS', 'q')} ${fix('d', 'dS', 'q')} }
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
        ${params.map((_, k) => `{ let d = ${pgc.outs[k]}; if (d !== d || x !== x) { const q = pvec(P, c); d = dpS[${k}](x, q); } G${k}[c] += g * d; }`).join('\n')}
      }
    }
  },
};`;
  return build<ActivationKernel>(source, ['fS', 'dS', 'dpS'], [fS, dS, dpS]);
}
