/**
 * The NumPy and PyTorch lowerings of every primitive (printed code, src/expr/printCode.ts).
 *
 * Exactness: every conditional is an `np.where` / `torch.where` (both branches are computed, so NumPy
 * code runs under np.errstate(all='ignore')), and a comparison is a pair of tests, "true" and "false",
 * neither of which holds on NaN, so a NaN condition gives NaN as in the language. Parameters become
 * np.float64 / tensors at the top of each function, so parameter-only arithmetic follows IEEE 754
 * (1/0 = inf) instead of raising as Python floats do.
 * Known differences, within the printed code's stated tolerance (1e-9 relative): np.sinc/torch.sinc take
 * x/π; PyTorch's softplus returns x for x > 20; Python's `**` is C's pow (1 ** nan = 1, where the
 * language's Math.pow gives NaN).
 */
import type { PrimitiveName } from '../primitives.js';

/** A printed Python subexpression. */
export interface PySlot {
  readonly code: string;
  readonly prec: number;
  /** An array/tensor (depends on x or on a parameter), not a Python number literal. */
  readonly array: boolean;
  /** Depends on x. */
  readonly varying: boolean;
  /** For comparisons and logic: boolean-array tests for "is 1" and "is 0" (neither holds on NaN). */
  readonly test?: { readonly t: string; readonly f: string };
}

/** Helpers printed code may need (emitted once, only when used). */
export type PyHelper = 'sigmoid' | 'scipyErf' | 'sincD' | 'sinpi' | 'F';

/** What a lowering may ask of the printer. */
export interface PyContext {
  readonly helpers: Set<PyHelper>;
}

export type PyLowering = (a: readonly PySlot[], ctx: PyContext) => PySlot;

/** Python precedence levels (higher binds tighter). */
export const PY_PREC = { OR: 20, AND: 30, NOT: 40, CMP: 50, BOR: 60, BAND: 70, ADD: 100, MUL: 110, UNARY: 120, POW: 130, ATOM: 140 } as const;
const P = PY_PREC;

export const pyWrap = (s: PySlot, min: number): string => (s.prec >= min ? s.code : `(${s.code})`);

type Flavor = 'numpy' | 'pytorch';

/** Builds the lowering table of one flavour: a Record, so a missing primitive is a type error. */
function table(flavor: Flavor): { readonly [K in PrimitiveName]: PyLowering } {
  const np = flavor === 'numpy';
  const mod = np ? 'np' : 'torch';
  const nan = np ? 'np.nan' : 'math.nan';
  const slot = (code: string, prec: number, a: readonly PySlot[], extra: Partial<PySlot> = {}): PySlot => ({
    code,
    prec,
    array: a.some((s) => s.array),
    varying: a.some((s) => s.varying),
    ...extra,
  });
  /** A tensor for torch functions (a Python number becomes x.new_tensor(v)). */
  const tensor = (s: PySlot): PySlot => (np || s.array ? s : { ...s, code: `x.new_tensor(${s.code})`, prec: P.ATOM, array: true });
  const call = (fn: string, a: readonly PySlot[]): PySlot => {
    const args = fn.startsWith('torch.') || fn.startsWith('F.') ? a.map(tensor) : a;
    return slot(`${fn}(${args.map((s) => s.code).join(', ')})`, P.ATOM, a, { array: true });
  };
  const fn = (name: string): PyLowering => (a) => call(`${mod}.${name}`, a);
  const where = (c: string, a: PySlot, b: PySlot, all: readonly PySlot[]): PySlot => {
    const first = np ? a : tensor(a);
    return slot(`${mod}.where(${c}, ${first.code}, ${b.code})`, P.ATOM, all, { array: true });
  };
  const nanSlot: PySlot = { code: nan, prec: P.ATOM, array: false, varying: false };
  const one: PySlot = { code: '1.0', prec: P.ATOM, array: false, varying: false };
  const zero: PySlot = { code: '0.0', prec: P.ATOM, array: false, varying: false };
  /** The value of tests: 1, 0, NaN. */
  const fromTests = (t: string, f: string, a: readonly PySlot[]): PySlot => {
    const v = where(t, one, where(f, zero, nanSlot, a), a);
    return { ...v, test: { t, f } };
  };
  /** Tests of any value: "non-zero and a number", "zero". */
  const testsOf = (s: PySlot): { t: string; f: string } => s.test ?? { t: `(${pyWrap(s, P.ADD)} != 0) & (${pyWrap(s, P.ADD)} == ${pyWrap(s, P.ADD)})`, f: `${pyWrap(s, P.ADD)} == 0` };
  const cmp = (sym: string, negated: string): PyLowering => (a) => {
    const l = pyWrap(a[0], P.ADD);
    const r = pyWrap(a[1], P.ADD);
    return fromTests(`${l} ${sym} ${r}`, `${l} ${negated} ${r}`, a);
  };
  const both = (l: string, r: string): string => `(${l} == ${l}) & (${r} == ${r})`;
  const binary = (sym: string, prec: number): PyLowering => (a) => slot(`${pyWrap(a[0], prec)} ${sym} ${pyWrap(a[1], prec + 1)}`, prec, a);
  const p = (s: string): string => `(${s})`;

  return {
    add: binary('+', P.ADD),
    sub: binary('-', P.ADD),
    mul: binary('*', P.MUL),
    div: binary('/', P.MUL),
    pow: (a) => slot(`${pyWrap(a[0], P.ATOM)} ** ${pyWrap(a[1], P.UNARY)}`, P.POW, a),
    neg: (a) => slot(`-${pyWrap(a[0], P.UNARY)}`, P.UNARY, a),
    lt: cmp('<', '>='),
    le: cmp('<=', '>'),
    gt: cmp('>', '<='),
    ge: cmp('>=', '<'),
    eq: (a) => {
      const l = pyWrap(a[0], P.ADD);
      const r = pyWrap(a[1], P.ADD);
      return fromTests(`${l} == ${r}`, `(${l} != ${r}) & ${both(l, r)}`, a);
    },
    ne: (a) => {
      const l = pyWrap(a[0], P.ADD);
      const r = pyWrap(a[1], P.ADD);
      return fromTests(`(${l} != ${r}) & ${both(l, r)}`, `${l} == ${r}`, a);
    },
    and: (a) => {
      const [x, y] = a.map(testsOf);
      return fromTests(`${p(x.t)} & ${p(y.t)}`, `(${p(x.f)} & (${p(y.t)} | ${p(y.f)})) | (${p(y.f)} & (${p(x.t)} | ${p(x.f)}))`, a);
    },
    or: (a) => {
      const [x, y] = a.map(testsOf);
      return fromTests(`(${p(x.t)} & (${p(y.t)} | ${p(y.f)})) | (${p(y.t)} & (${p(x.t)} | ${p(x.f)}))`, `${p(x.f)} & ${p(y.f)}`, a);
    },
    not: (a) => {
      const x = testsOf(a[0]);
      return fromTests(x.f, x.t, a);
    },
    select: (a) => {
      const [c, x, y] = a;
      const t = testsOf(c);
      return where(t.t, x, where(t.f, y, nanSlot, a), a);
    },
    exp: fn('exp'),
    expm1: fn('expm1'),
    log: fn('log'),
    log1p: fn('log1p'),
    sqrt: fn('sqrt'),
    cbrt: np ? fn('cbrt') : (a) => {
      const u = tensor(a[0]);
      return slot(`torch.sign(${u.code}) * torch.abs(${u.code}) ** (1 / 3)`, P.MUL, a, { array: true });
    },
    abs: fn('abs'),
    // + 0.0 turns sign(-0.0) = -0.0 into the language's +0
    sign: (a) => slot(`${call(`${mod}.sign`, a).code} + 0.0`, P.ADD, a, { array: true }),
    step: (a) => {
      const u = pyWrap(a[0], P.ADD);
      return where(`${u} >= 0`, one, where(`${u} < 0`, zero, nanSlot, a), a);
    },
    sin: fn('sin'),
    cos: fn('cos'),
    tan: fn('tan'),
    asin: fn(np ? 'arcsin' : 'asin'),
    acos: fn(np ? 'arccos' : 'acos'),
    atan: fn(np ? 'arctan' : 'atan'),
    sinh: fn('sinh'),
    cosh: fn('cosh'),
    tanh: fn('tanh'),
    sech: (a) => slot(`1 / ${call(`${mod}.cosh`, a).code}`, P.MUL, a, { array: true }),
    asinh: fn(np ? 'arcsinh' : 'asinh'),
    acosh: fn(np ? 'arccosh' : 'acosh'),
    atanh: fn(np ? 'arctanh' : 'atanh'),
    erf: (a, ctx) => {
      if (np) ctx.helpers.add('scipyErf');
      return np ? call('_erf', a) : fn('erf')(a, ctx);
    },
    erfc: (a, ctx) => {
      if (np) ctx.helpers.add('scipyErf');
      return np ? call('_erfc', a) : fn('erfc')(a, ctx);
    },
    sigmoid: (a, ctx) => {
      if (np) ctx.helpers.add('sigmoid');
      return np ? call('_sigmoid', a) : fn('sigmoid')(a, ctx);
    },
    softplus: (a, ctx) => {
      if (np) return call('np.logaddexp', [zero, a[0]]);
      ctx.helpers.add('F');
      return call('F.softplus', a);
    },
    logsigmoid: (a, ctx) => {
      if (np) return slot(`-${call('np.logaddexp', [zero, slot(`-${pyWrap(a[0], P.UNARY)}`, P.UNARY, a)]).code}`, P.UNARY, a, { array: true });
      ctx.helpers.add('F');
      return call('F.logsigmoid', a);
    },
    // sinc(±∞) = 0 (the limit); np.sinc/torch.sinc give NaN there
    sinc: (a) => where(`${mod}.isinf(${(np ? a[0] : tensor(a[0])).code})`, zero, call(`${mod}.sinc`, [slot(`${pyWrap(a[0], P.MUL)} / ${np ? 'np' : 'math'}.pi`, P.MUL, a)]), a),
    sinc_d: (a, ctx) => {
      ctx.helpers.add('sincD');
      return slot(`_sinc_d(int(${a[0].code}), ${(np ? a[1] : tensor(a[1])).code})`, P.ATOM, a, { array: true });
    },
    min: fn(np ? 'minimum' : 'minimum'),
    max: fn(np ? 'maximum' : 'maximum'),
    clamp: (a) => call(`${mod}.minimum`, [call(`${mod}.maximum`, [a[0], a[1]]), a[2]]),
    hypot: fn('hypot'),
    sinpi: (a, ctx) => {
      ctx.helpers.add('sinpi');
      return call('_sinpi', [np ? a[0] : tensor(a[0])]);
    },
    cospi: (a, ctx) => {
      ctx.helpers.add('sinpi');
      return call('_cospi', [np ? a[0] : tensor(a[0])]);
    },
  };
}

/** The NumPy lowering of every primitive. */
export const NUMPY_LOWERING = table('numpy');
/** The PyTorch lowering of every primitive. */
export const TORCH_LOWERING = table('pytorch');
