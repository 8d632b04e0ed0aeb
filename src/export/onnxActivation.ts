/**
 * Renders an IR program as ONNX nodes (opset 17), one lowering per primitive in a `Record`, so a primitive
 * without a lowering is a type error. Choices, stated:
 * - Comparisons and logic give ONNX bool tensors; a bool used as a number is `Cast` to float, a number used
 *   as a condition is `x != 0`. `c ? a : b` is `Where`.
 * - Stable forms kept: `Softplus`, `Sigmoid`, `Erf` are ONNX ops; logsigmoid = −Softplus(−x).
 * - ONNX has no Expm1, Log1p, Cbrt, Sech, Sinc or Hypot. expm1(u) = 2t/(1 − t) with t = tanh(u/2) for
 *   |u| < 1 (no cancellation near 0), exp(u) − 1 beyond; log1p(u) = log(w)·u/(w − 1) with w = 1 + u (Kahan's
 *   trick; u where w rounds to 1); erfc(u) = 1 − Erf(u) (absolute error below 6e-8; the relative error in the
 *   far right tail is large); cbrt(u) = sign(u)·|u|^(1/3); sech(u) = 2e^(−|u|)/(1 + e^(−2|u|)); sinc(u) =
 *   sin(u)/u with 1 at 0; hypot(a, b) = m·sqrt((a/m)² + (b/m)²), m = max(|a|, |b|), 0 when m = 0.
 * - sinpi(u) = ±sin(π·r) and cospi(u) = ±cos(π·r) with u = n + r, n = Round(u) (exact), the sign + where
 *   n is even (n − 2·Round(n/2) = 0): no Mod node, whose float form needs an attribute.
 * - clamp(u, lo, hi) = Max(Min(u, hi), lo) (lo wins when lo > hi, as the language); min/max are Min/Max.
 * - sinc_d (derivatives of sinc) has no lowering: it only appears in derivatives, which ONNX exports do not carry.
 * - NaN: a comparison with NaN is false in ONNX (NaN in the language); exporters put `Where(IsNaN(x), x, f)`
 *   around the whole function so NaN in gives NaN out, as the interpreter.
 */
import { ExportError } from './exportError.js';
import type { GraphBuilder } from './onnxGraph.js';
import { usedInstructions, type PrimitiveName, type Program } from './ir.js';

/** A rendered value: its tensor name and whether it is an ONNX bool. */
interface Val {
  readonly name: string;
  readonly bool: boolean;
}

type Lowering = (b: Ctx, a: readonly Val[]) => Val;

/** Helpers a lowering uses. */
class Ctx {
  constructor(readonly g: GraphBuilder) {}
  f(name: string): Val {
    return { name, bool: false };
  }
  num(v: Val): string {
    return v.bool ? this.g.node('Cast', [v.name], { to: 1 }) : v.name;
  }
  cond(v: Val): string {
    return v.bool ? v.name : this.g.node('Not', [this.g.node('Equal', [v.name, this.g.scalar(0)])]);
  }
  op(type: string, ...inputs: string[]): string {
    return this.g.node(type, inputs);
  }
  c(v: number): string {
    return this.g.scalar(v);
  }
}

const un = (type: string): Lowering => (b, a) => b.f(b.op(type, b.num(a[0])));
const bin = (type: string): Lowering => (b, a) => b.f(b.op(type, b.num(a[0]), b.num(a[1])));
const cmp = (type: string, negate = false): Lowering => (b, a) => {
  const r = b.op(type, b.num(a[0]), b.num(a[1]));
  return { name: negate ? b.op('Not', r) : r, bool: true };
};
const logic = (type: string): Lowering => (b, a) => ({ name: b.op(type, b.cond(a[0]), b.cond(a[1])), bool: true });

function unsupported(name: PrimitiveName): Lowering {
  return () => {
    throw new ExportError(`ONNX export cannot render ${name}(…): it appears only in derivatives; export the function itself`);
  };
}

/** A bool tensor: the whole number `n` is even (n − 2·Round(n/2) = 0, exact in floating point). */
function evenOnnx(b: Ctx, n: string): string {
  return b.op('Equal', b.op('Sub', n, b.op('Mul', b.op('Round', b.op('Mul', n, b.c(0.5))), b.c(2))), b.c(0));
}

/** One ONNX lowering per primitive. */
const ONNX_LOWERINGS: Record<PrimitiveName, Lowering> = {
  add: bin('Add'),
  sub: bin('Sub'),
  mul: bin('Mul'),
  div: bin('Div'),
  pow: bin('Pow'),
  neg: un('Neg'),
  lt: cmp('Less'),
  le: cmp('LessOrEqual'),
  gt: cmp('Greater'),
  ge: cmp('GreaterOrEqual'),
  eq: cmp('Equal'),
  ne: cmp('Equal', true),
  and: logic('And'),
  or: logic('Or'),
  not: (b, a) => ({ name: b.op('Not', b.cond(a[0])), bool: true }),
  select: (b, a) => b.f(b.op('Where', b.cond(a[0]), b.num(a[1]), b.num(a[2]))),
  exp: un('Exp'),
  expm1: (b, a) => {
    const u = b.num(a[0]);
    const t = b.op('Tanh', b.op('Mul', u, b.c(0.5)));
    const small = b.op('Div', b.op('Mul', t, b.c(2)), b.op('Sub', b.c(1), t));
    const big = b.op('Sub', b.op('Exp', u), b.c(1));
    return b.f(b.op('Where', b.op('Less', b.op('Abs', u), b.c(1)), small, big));
  },
  log: un('Log'),
  log1p: (b, a) => {
    const u = b.num(a[0]);
    const w = b.op('Add', u, b.c(1));
    const dw = b.op('Sub', w, b.c(1));
    const ratio = b.op('Div', u, b.op('Where', b.op('Equal', dw, b.c(0)), b.c(1), dw));
    return b.f(b.op('Where', b.op('Equal', w, b.c(1)), u, b.op('Mul', b.op('Log', w), ratio)));
  },
  sqrt: un('Sqrt'),
  cbrt: (b, a) => {
    const u = b.num(a[0]);
    return b.f(b.op('Mul', b.op('Sign', u), b.op('Pow', b.op('Abs', u), b.c(1 / 3))));
  },
  abs: un('Abs'),
  sign: un('Sign'),
  step: (b, a) => b.f(b.op('Cast', b.op('GreaterOrEqual', b.num(a[0]), b.c(0)))),
  sin: un('Sin'),
  cos: un('Cos'),
  tan: un('Tan'),
  asin: un('Asin'),
  acos: un('Acos'),
  atan: un('Atan'),
  sinh: un('Sinh'),
  cosh: un('Cosh'),
  tanh: un('Tanh'),
  sech: (b, a) => {
    const e = b.op('Exp', b.op('Neg', b.op('Abs', b.num(a[0]))));
    return b.f(b.op('Div', b.op('Mul', e, b.c(2)), b.op('Add', b.c(1), b.op('Mul', e, e))));
  },
  asinh: un('Asinh'),
  acosh: un('Acosh'),
  atanh: un('Atanh'),
  erf: un('Erf'),
  erfc: (b, a) => b.f(b.op('Sub', b.c(1), b.op('Erf', b.num(a[0])))),
  sigmoid: un('Sigmoid'),
  softplus: un('Softplus'),
  logsigmoid: (b, a) => b.f(b.op('Neg', b.op('Softplus', b.op('Neg', b.num(a[0]))))),
  sinc: (b, a) => {
    const u = b.num(a[0]);
    const zero = b.op('Equal', u, b.c(0));
    const safe = b.op('Where', zero, b.c(1), u);
    return b.f(b.op('Where', zero, b.c(1), b.op('Div', b.op('Sin', safe), safe)));
  },
  sinc_d: unsupported('sinc_d'),
  min: bin('Min'),
  max: bin('Max'),
  clamp: (b, a) => b.f(b.op('Max', b.op('Min', b.num(a[0]), b.num(a[2])), b.num(a[1]))),
  sinpi: (b, a) => {
    const u = b.num(a[0]);
    const n = b.op('Round', u);
    const s = b.op('Sin', b.op('Mul', b.op('Sub', u, n), b.c(Math.PI)));
    return b.f(b.op('Where', evenOnnx(b, n), s, b.op('Neg', s)));
  },
  cospi: (b, a) => {
    const u = b.num(a[0]);
    const n = b.op('Round', u);
    const c = b.op('Cos', b.op('Mul', b.op('Sub', u, n), b.c(Math.PI)));
    return b.f(b.op('Where', evenOnnx(b, n), c, b.op('Neg', c)));
  },
  hypot: (b, a) => {
    const x = b.num(a[0]);
    const y = b.num(a[1]);
    const m = b.op('Max', b.op('Abs', x), b.op('Abs', y));
    const zero = b.op('Equal', m, b.c(0));
    const safe = b.op('Where', zero, b.c(1), m);
    const p = b.op('Div', x, safe);
    const q = b.op('Div', y, safe);
    const r = b.op('Mul', safe, b.op('Sqrt', b.op('Add', b.op('Mul', p, p), b.op('Mul', q, q))));
    return b.f(b.op('Where', zero, b.c(0), r));
  },
};

/**
 * Adds the nodes of `program`'s first output to the graph, with `x` the input tensor name and `params[i]` the
 * tensor of parameter i (a scalar, or a row of per-unit values that broadcasts). Returns the output name.
 */
export function renderOnnxActivation(g: GraphBuilder, program: Program, x: string, params: readonly string[]): string {
  const ctx = new Ctx(g);
  const vals: Val[] = [];
  const used = usedInstructions(program, [program.outputs[0]]);
  for (const [i, ins] of program.instrs.entries()) {
    if (!used[i]) vals.push({ name: '', bool: false });
    else if (ins.kind === 'x') vals.push({ name: x, bool: false });
    else if (ins.kind === 'const') vals.push({ name: g.scalar(ins.value), bool: false });
    else if (ins.kind === 'param') vals.push({ name: params[ins.index], bool: false });
    else vals.push(ONNX_LOWERINGS[ins.op](ctx, ins.args.map((i) => vals[i])));
  }
  const out = ctx.num(vals[program.outputs[0]]);
  // A result that does not depend on x (a constant function) still needs x's shape.
  const shaped = program.varying[program.outputs[0]] ? out : g.node('Expand', [out, g.node('Shape', [x])]);
  return g.node('Where', [g.node('IsNaN', [x]), x, shaped]);
}
