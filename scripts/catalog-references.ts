/**
 * High-precision references for the digits sweep (test/activations/digits.test.ts): every catalog entry's
 * f and f' at every sweep point, evaluated by Python's mpmath at 60 significant digits from the same
 * formulas (rendered from the IR by an mpmath renderer below — one more target, one more Record), with the
 * same double-precision constants and parameter values. The difference from actlab's f64 value is then
 * rounding error alone: cancellation, overflow in intermediate steps, lost digits.
 *   npx tsx scripts/catalog-references.ts > test/fixtures/catalog-references.json
 */
import { execFileSync } from 'node:child_process';
import { CATALOG } from '../src/activations/registry.js';
import { activationFromSpec } from '../src/activations/resolve.js';
import { type Expr, type PrimitiveName, lower, toText } from '../src/expr/index.js';
import { SWEEP } from '../test/activations/sweep.js';

type Lowering = (a: readonly string[]) => string;
const f1 = (name: string): Lowering => (a) => `${name}(${a.join(', ')})`;
const cmp = (sym: string): Lowering => (a) => `B(${a[0]} ${sym} ${a[1]}, ${a[0]}, ${a[1]})`;

/** The mpmath lowering of every primitive (helpers in PRELUDE). */
const MPMATH: { readonly [K in PrimitiveName]: Lowering } = {
  add: (a) => `(${a[0]} + ${a[1]})`,
  sub: (a) => `(${a[0]} - ${a[1]})`,
  mul: (a) => `(${a[0]} * ${a[1]})`,
  div: (a) => `div(${a[0]}, ${a[1]})`,
  pow: f1('pw'),
  neg: (a) => `(-${a[0]})`,
  lt: cmp('<'), le: cmp('<='), gt: cmp('>'), ge: cmp('>='), eq: cmp('=='), ne: cmp('!='),
  and: f1('land'), or: f1('lor'), not: f1('lnot'),
  select: (a) => `sel(${a[0]}, lambda: ${a[1]}, lambda: ${a[2]})`,
  exp: f1('ex'), expm1: f1('em1'), log: f1('lg'), log1p: (a) => `lg(1 + ${a[0]})`, sqrt: f1('sq'), cbrt: f1('mp.cbrt'),
  abs: f1('mp.fabs'), sign: f1('sgn'), step: f1('step'),
  sin: f1('mp.sin'), cos: f1('mp.cos'), tan: f1('mp.tan'), asin: f1('mp.asin'), acos: f1('mp.acos'), atan: f1('mp.atan'),
  sinh: f1('mp.sinh'), cosh: f1('mp.cosh'), tanh: f1('mp.tanh'), sech: f1('mp.sech'), asinh: f1('mp.asinh'), acosh: f1('mp.acosh'), atanh: f1('mp.atanh'),
  erf: f1('mp.erf'), erfc: f1('mp.erfc'),
  sigmoid: f1('sig'), softplus: f1('sp'), logsigmoid: (a) => `(-sp(-${a[0]}))`,
  sinc: (a) => `sincd(0, ${a[0]})`, sinc_d: (a) => `sincd(int(${a[0]}), ${a[1]})`,
  min: f1('mn'), max: f1('mx'), clamp: (a) => `mn(mx(${a[0]}, ${a[1]}), ${a[2]})`, hypot: f1('mp.hypot'),
  sinpi: f1('mp.sinpi'), cospi: f1('mp.cospi'),
};

const PRELUDE = `
import json, math, sys
from mpmath import mp, mpf
mp.dps = 60
NAN = mpf('nan')
def isnan(v): return v != v
def B(t, a, b): return NAN if isnan(a) or isnan(b) else (mpf(1) if t else mpf(0))
def land(a, b): return NAN if isnan(a) or isnan(b) else mpf(1 if (a != 0 and b != 0) else 0)
def lor(a, b): return NAN if isnan(a) or isnan(b) else mpf(1 if (a != 0 or b != 0) else 0)
def lnot(a): return NAN if isnan(a) else mpf(1 if a == 0 else 0)
def sel(c, a, b): return NAN if isnan(c) else (a() if c != 0 else b())
BIG = mpf('1e20')
def ex(a):
    # e^a beyond |a| = 1e20 is far outside the double range: 0 or inf (mpmath would need an exponent of 1e20 digits)
    if isnan(a): return NAN
    if a > BIG: return mpf('inf')
    if a < -BIG: return mpf(0)
    return mp.exp(a)
def em1(a): return ex(a) - 1 if abs(a) > 1 else mp.expm1(a)
def sig(a): return 1 / (1 + ex(-a)) if a >= 0 else ex(a) / (1 + ex(a))
def sp(a): return a + mp.log1p(ex(-a)) if a > 0 else mp.log1p(ex(a))
def div(a, b): return NAN if b == 0 else a / b
def lg(a): return NAN if a < 0 else (mpf('-inf') if a == 0 else mp.log(a))
def sq(a): return NAN if a < 0 else mp.sqrt(a)
def pw(a, b):
    if a < 0 and b != int(b): return NAN
    if a == 0 and b < 0: return mpf('inf')
    return mp.power(a, b)
def sgn(a): return NAN if isnan(a) else mpf((a > 0) - (a < 0))
def step(a): return NAN if isnan(a) else mpf(1 if a >= 0 else 0)
def mn(a, b): return NAN if isnan(a) or isnan(b) else (a if a < b else b)
def mx(a, b): return NAN if isnan(a) or isnan(b) else (a if a > b else b)
def sincd(n, x):
    if abs(x) < 1:
        return mp.diff(lambda t: mp.sinc(t), x, n) if n > 0 else mp.sinc(x)
    # the recurrence x s_k + k s_(k-1) = sin^(k)(x), at 60 digits (mp.diff is unreliable at huge x)
    s = mp.sin(x) / x
    for k in range(1, n + 1):
        s = ([mp.sin(x), mp.cos(x), -mp.sin(x), -mp.cos(x)][k % 4] - k * s) / x
    return s
def ev(fn, x):
    try:
        v = fn(mpf(x))
        if isinstance(v, mp.mpc): return None
        return None if isnan(v) else v
    except (ValueError, ZeroDivisionError, OverflowError):
        return None
def out(v):
    if v is None: return None
    if mp.isinf(v): return 'inf' if v > 0 else '-inf'
    return float(mp.nstr(v, 20, strip_zeros=False)) if abs(v) < mpf('1e309') else ('inf' if v > 0 else '-inf')
`;

/** A Python mpmath lambda of x for an expression with the parameters bound to the given doubles. */
function render(e: Expr, params: readonly string[], values: readonly number[]): string {
  const p = lower([e], params, { fold: 'none' });
  const code: string[] = [];
  for (const ins of p.instrs) {
    if (ins.kind === 'x') code.push('x');
    else if (ins.kind === 'param') code.push(`mpf(${pyFloat(values[ins.index])})`);
    else if (ins.kind === 'const') code.push(`mpf(${pyFloat(ins.value)})`);
    else code.push(MPMATH[ins.op](ins.args.map((a) => code[a])));
  }
  return `lambda x: ${code[p.outputs[0]]}`;
}

function pyFloat(v: number): string {
  if (v !== v) return "float('nan')";
  if (!Number.isFinite(v)) return v > 0 ? "float('inf')" : "float('-inf')";
  return `float.fromhex('${toHex(v)}')`;
}

/** The exact hexadecimal form of a double, as Python's float.hex prints it. */
function toHex(v: number): string {
  if (v === 0) return Object.is(v, -0) ? '-0x0.0p+0' : '0x0.0p+0';
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, v);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const sign = hi >>> 31 ? '-' : '';
  const exp = (hi >>> 20) & 0x7ff;
  const mant = ((hi & 0xfffff).toString(16).padStart(5, '0') + lo.toString(16).padStart(8, '0'));
  return exp === 0 ? `${sign}0x0.${mant}p-1022` : `${sign}0x1.${mant}p${exp - 1023 >= 0 ? '+' : ''}${exp - 1023}`;
}

const entries = CATALOG.map((spec) => {
  const a = activationFromSpec(spec);
  return { id: spec.id, expression: toText(a.expr), derivative: toText(a.derivative), f: render(a.expr, a.paramNames, a.paramValues), df: render(a.derivative, a.paramNames, a.paramValues) };
});
const program = `${PRELUDE}
XS = ${JSON.stringify(SWEEP)}
ENTRIES = [
${entries.map((e) => `  (${JSON.stringify(e.id)}, ${JSON.stringify(e.expression)}, ${JSON.stringify(e.derivative)}, ${e.f}, ${e.df}),`).join('\n')}
]
res = {}
import time
for (id, expression, derivative, f, df) in ENTRIES:
    t0 = time.time()
    res[id] = {'expression': expression, 'derivative': derivative, 'points': [{'x': x, 'y': out(ev(f, x)), 'dy': out(ev(df, x))} for x in XS]}
    print(id, round(time.time() - t0, 2), file=sys.stderr, flush=True)
print(json.dumps(res, indent=1))
`;
process.stdout.write(execFileSync('python3', ['-'], { input: program, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['pipe', 'pipe', 'inherit'] }));
