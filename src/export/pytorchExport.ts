/**
 * PyTorch export: activations as `torch.nn.Module` classes rendered from the IR (learnable parameters as
 * `nn.Parameter`, fixed ones as buffers), and whole models as one self-contained file (weights embedded as
 * base64 float32) defining `load_model()` and, when run as `python3 model.py input.csv`, printing
 * `{"output": [[…], …]}` for the CSV's rows (feature columns matched by name, other columns ignored).
 *
 * Lowerings keep the language's derivative at kinks under autograd: `c ? a : b` is `torch.where` (the
 * gradient flows to the branch taken); max/min are `torch.where(a > b, a, b)` (a tie takes b's gradient, as the
 * language; torch.maximum would split it); clamp is two `where`s (derivative 0 at the bounds, PyTorch's
 * hardtanh convention, where torch.clamp passes it); abs is torch.abs (0 at 0). Stable forms: torch.sigmoid,
 * F.softplus (threshold 20: returns x above, a relative change below 1e-9), F.logsigmoid, torch.expm1,
 * torch.log1p, torch.erf/erfc, torch.hypot; sech(u) = 2e^(−|u|)/(1 + e^(−2|u|)); sinc(u) = sin(u)/u with 1 at 0;
 * sinpi/cospi(u) = ±sin/cos(π·(u − round(u))), + where round(u) is even (exact reduction);
 * cbrt(u) = sign(u)·|u|^(1/3). Constants are 0-d tensors of x's dtype and device. NaN in gives NaN out.
 */
import type { Activation } from '../activations/activation.js';
import { toText } from '../expr/print.js';
import type { SavedModelJson } from '../run/savedModel.js';
import { ExportError } from './exportError.js';
import { lower, usedInstructions, type PrimitiveName, type Program } from './ir.js';
import { exportActivation, exportModelOf, type ExportActivation, type ExportModel } from './model.js';
import { float32Base64, pyFloat, pyString, pythonReadCsv } from './pythonText.js';

/** A rendered value: Python code (a name or an expression) and whether it is a bool tensor. */
interface PyVal {
  readonly code: string;
  readonly bool: boolean;
}

const n = (v: PyVal): string => (v.bool ? `${v.code}.to(x.dtype)` : v.code);
const b = (v: PyVal): string => (v.bool ? v.code : `(${v.code} != 0)`);
const num = (code: string): PyVal => ({ code, bool: false });
const fn = (name: string) => (a: readonly PyVal[]): PyVal => num(`${name}(${a.map(n).join(', ')})`);

/** One Python lowering per primitive (a missing one is a type error). */
const TORCH: Record<PrimitiveName, (a: readonly PyVal[]) => PyVal> = {
  add: (a) => num(`${n(a[0])} + ${n(a[1])}`),
  sub: (a) => num(`${n(a[0])} - ${n(a[1])}`),
  mul: (a) => num(`${n(a[0])} * ${n(a[1])}`),
  div: (a) => num(`${n(a[0])} / ${n(a[1])}`),
  pow: fn('torch.pow'),
  neg: (a) => num(`-${n(a[0])}`),
  lt: (a) => ({ code: `${n(a[0])} < ${n(a[1])}`, bool: true }),
  le: (a) => ({ code: `${n(a[0])} <= ${n(a[1])}`, bool: true }),
  gt: (a) => ({ code: `${n(a[0])} > ${n(a[1])}`, bool: true }),
  ge: (a) => ({ code: `${n(a[0])} >= ${n(a[1])}`, bool: true }),
  eq: (a) => ({ code: `${n(a[0])} == ${n(a[1])}`, bool: true }),
  ne: (a) => ({ code: `${n(a[0])} != ${n(a[1])}`, bool: true }),
  and: (a) => ({ code: `torch.logical_and(${b(a[0])}, ${b(a[1])})`, bool: true }),
  or: (a) => ({ code: `torch.logical_or(${b(a[0])}, ${b(a[1])})`, bool: true }),
  not: (a) => ({ code: `torch.logical_not(${b(a[0])})`, bool: true }),
  select: (a) => num(`torch.where(${b(a[0])}, ${n(a[1])}, ${n(a[2])})`),
  exp: fn('torch.exp'),
  expm1: fn('torch.expm1'),
  log: fn('torch.log'),
  log1p: fn('torch.log1p'),
  sqrt: fn('torch.sqrt'),
  cbrt: (a) => num(`torch.sign(${n(a[0])}) * torch.abs(${n(a[0])}).pow(1.0 / 3.0)`),
  abs: fn('torch.abs'),
  sign: fn('torch.sign'),
  step: (a) => num(`(${n(a[0])} >= 0).to(x.dtype)`),
  sin: fn('torch.sin'),
  cos: fn('torch.cos'),
  tan: fn('torch.tan'),
  asin: fn('torch.asin'),
  acos: fn('torch.acos'),
  atan: fn('torch.atan'),
  sinh: fn('torch.sinh'),
  cosh: fn('torch.cosh'),
  tanh: fn('torch.tanh'),
  sech: (a) => num(`_sech(${n(a[0])})`),
  asinh: fn('torch.asinh'),
  acosh: fn('torch.acosh'),
  atanh: fn('torch.atanh'),
  erf: fn('torch.erf'),
  erfc: fn('torch.erfc'),
  sigmoid: fn('torch.sigmoid'),
  softplus: fn('F.softplus'),
  logsigmoid: fn('F.logsigmoid'),
  sinc: (a) => num(`_sinc(${n(a[0])})`),
  sinc_d: (a) => num(`_sinc_d(${n(a[0])}, ${n(a[1])})`),
  min: (a) => num(`torch.where(${n(a[0])} < ${n(a[1])}, ${n(a[0])}, ${n(a[1])})`),
  max: (a) => num(`torch.where(${n(a[0])} > ${n(a[1])}, ${n(a[0])}, ${n(a[1])})`),
  clamp: (a) => num(`torch.where(${n(a[0])} <= ${n(a[1])}, ${n(a[1])}, torch.where(${n(a[0])} >= ${n(a[2])}, ${n(a[2])}, ${n(a[0])}))`),
  hypot: fn('torch.hypot'),
  sinpi: (a) => num(`_sinpi(${n(a[0])})`),
  cospi: (a) => num(`_cospi(${n(a[0])})`),
};

/** Helpers every exported file carries. */
const HELPERS = `def _reduce(t, p):
    # sums a gradient of x's shape down to the parameter's shape: () or (units,)
    return t.sum() if p.dim() == 0 else t.reshape(-1, p.shape[0]).sum(0)


def _sech(u):
    e = torch.exp(-torch.abs(u))
    return 2.0 * e / (1.0 + e * e)


def _sinc_d(order, u):
    # n-th derivative of sin(u)/u: Taylor series (in float64) near 0, the recurrence elsewhere
    n = int(order)
    small = torch.abs(u) < n + 2
    w = u.double()
    s = torch.zeros_like(w)
    for k in range((n + 1) // 2, 40):
        c = 1.0 / (2 * k + 1)
        for j in range(2, 2 * k - n + 1):
            c /= j
        s = s + (c if k % 2 == 0 else -c) * w ** (2 * k - n)
    safe = torch.where(small, torch.ones_like(u), u)
    r = torch.sin(safe) / safe
    for k in range(1, n + 1):
        sd = [torch.sin, torch.cos, lambda v: -torch.sin(v), lambda v: -torch.cos(v)][k % 4](safe)
        r = (sd - k * r) / safe
    return torch.where(small, s.to(u.dtype), r)


def _sinpi(u):
    # sin(pi*u) with u = n + r reduced exactly (n = round(u), |r| <= 1/2): +-sin(pi*r), + where n is even
    n = torch.round(u)
    s = torch.sin((u - n) * math.pi)
    return torch.where(torch.fmod(n, 2) == 0, s, -s)


def _cospi(u):
    # cos(pi*u) with the same reduction
    n = torch.round(u)
    c = torch.cos((u - n) * math.pi)
    return torch.where(torch.fmod(n, 2) == 0, c, -c)


def _sinc(u):
    zero = u == 0
    safe = torch.where(zero, torch.ones_like(u), u)
    return torch.where(zero, torch.ones_like(u), torch.sin(safe) / safe)
`;

/** Python lines computing the given outputs of `program` from `x` and parameters `p0, p1, …`; returns their codes. */
function pyLines(program: Program, outputs: readonly number[], indent: string): { lines: string[]; codes: string[] } {
  const used = usedInstructions(program, outputs);
  const vals: PyVal[] = [];
  const lines: string[] = [];
  program.instrs.forEach((ins, i) => {
    if (!used[i]) {
      vals.push(num('None'));
      return;
    }
    if (ins.kind === 'x') vals.push(num('x'));
    else if (ins.kind === 'param') vals.push(num(`p${ins.index}`));
    else {
      const v = ins.kind === 'const' ? num(`x.new_tensor(${pyFloat(ins.value)})`) : TORCH[ins.op](ins.args.map((a) => vals[a]));
      lines.push(`${indent}t${i} = ${v.code}`);
      vals.push({ code: `t${i}`, bool: v.bool });
    }
  });
  const codes = outputs.map((o) => (program.varying[o] ? n(vals[o]) : `${n(vals[o])}.expand_as(x)`));
  return { lines, codes };
}

/**
 * The functions of one activation: its value, its derivatives (with respect to x, then each parameter), and a
 * torch.autograd.Function whose backward uses those derivatives, so autograd gives the language's derivative
 * (its kink conventions, and no 0·∞ = NaN from a branch `where` did not take, as plain autograd through
 * torch.where would at, e.g., expm1(100)).
 */
function activationFunctions(act: ExportActivation, k: number, roots: { f: Program; grads: Program }): string {
  const args = ['x', ...act.paramNames.map((_p, i) => `p${i}`)].join(', ');
  const f = pyLines(roots.f, [roots.f.outputs[0]], '    ');
  const g = pyLines(roots.grads, roots.grads.outputs, '    ');
  const saved = act.paramNames.map((_p, i) => `p${i}`);
  const paramGrads = saved.map((p, i) => `_reduce(g * d[${i + 1}], ${p}) if ctx.needs_input_grad[${i + 1}] else None`);
  return `def _value${k}(${args}):
${f.lines.join('\n')}
    return torch.where(torch.isnan(x), x, ${f.codes[0]})


def _grads${k}(${args}):
${g.lines.join('\n')}
    return (${g.codes.join(', ')},)


class _Fn${k}(torch.autograd.Function):
    @staticmethod
    def forward(ctx, ${args}):
        ctx.save_for_backward(${args})
        return _value${k}(${args})

    @staticmethod
    def backward(ctx, g):
        ${args}${saved.length === 0 ? ',' : ''} = ctx.saved_tensors
        d = _grads${k}(${args})
        return (g * d[0],${paramGrads.map((c) => ` ${c},`).join('')})
`;
}

/** A class name from an identifier (`leaky_relu` → `LeakyRelu`). */
function className(id: string): string {
  return id.split('_').filter(Boolean).map((s) => s[0].toUpperCase() + s.slice(1)).join('');
}

/** The nn.Module class of an activation; parameters take `shape` (() or (units,)) and initial values. */
function activationClass(act: ExportActivation, cls: string, k: number): string {
  const args = act.paramNames.map((p, i) => `${p}=${pyFloat(act.paramValues[i])}`);
  const lines = [
    `class ${cls}(nn.Module):`,
    `    """actlab activation ${act.key.replace(/\\/g, '\\\\').replace(/"""/g, "'''")}: f(x) = ${toText(act.expr).replace(/\\/g, '\\\\').replace(/"""/g, "'''")}`,
    '',
    `    Learnable parameters (nn.Parameter): ${act.learnable.join(', ') || 'none'}; others are buffers.`,
    '    shape: () for one value per layer, (units,) for one per unit (broadcast over the last axis).',
    '    """',
    '',
    `    def __init__(self, ${[...args, 'shape=()'].join(', ')}):`,
    '        super().__init__()',
  ];
  for (const p of act.paramNames) {
    const init = `torch.full(shape, float(${p}), dtype=torch.float32)`;
    lines.push(act.learnable.includes(p) ? `        self.${p} = nn.Parameter(${init})` : `        self.register_buffer(${pyString(p)}, ${init})`);
  }
  if (act.paramNames.length === 0) lines.push('        self.shape = shape');
  lines.push('', '    def forward(self, x):', `        return _Fn${k}.apply(${['x', ...act.paramNames.map((p) => `self.${p}`)].join(', ')})`);
  const grads = lower([act.derivative, ...act.paramDerivatives], act.paramNames);
  return `${activationFunctions(act, k, { f: act.program, grads })}\n\n${lines.join('\n')}`;
}

const HEADER = `import base64
import csv
import json
import math
import sys

import torch
from torch import nn
import torch.nn.functional as F
`;

/** Checks an activation's parameter names are usable as Python attributes. */
function checkNames(act: ExportActivation): void {
  for (const p of act.paramNames) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(p) || ['x', 'shape', 'self', 'torch', 'nn', 'F', 'math', 'training'].includes(p)) {
      throw new ExportError(`parameter name '${p}' cannot be a Python attribute of the module; rename it`);
    }
  }
}

/** A Python file with the activation's nn.Module class (named after the activation) and `load_model()`. */
export function activationToPytorch(a: Activation | ExportActivation): string {
  const act = 'program' in a ? a : exportActivation(a);
  checkNames(act);
  const cls = className(act.name);
  return `"""PyTorch module of the actlab activation ${act.key.replace(/"""/g, "'''")}, generated by actlab export."""
${HEADER}

${HELPERS}

${activationClass(act, cls, 0)}


def load_model():
    """The activation as a module with its parameters at their exported values."""
    return ${cls}()


if __name__ == "__main__":
    # python3 activation.py input.csv: applies the function to every number of the CSV's first column ('x' if present).
    with open(sys.argv[1], newline="") as f:
        rows = list(csv.reader(f))
    col = rows[0].index("x") if "x" in [c.strip() for c in rows[0]] else 0
    x = torch.tensor([float(r[col]) for r in rows[1:] if r], dtype=torch.float32, requires_grad=True)
    y = load_model()(x)
    (g,) = torch.autograd.grad(y.sum(), x)
    print(json.dumps({"output": y.tolist(), "grad": g.tolist()}))
`;
}

/** A self-contained PyTorch file of a saved model (see the module comment for its interface). */
export function modelToPytorch(saved: SavedModelJson | ExportModel): string {
  const m = 'network' in saved ? exportModelOf(saved) : saved;
  const classes = new Map<string, { act: ExportActivation; cls: string }>();
  for (const l of m.layers) {
    if (l.activation && !classes.has(l.activation.key)) {
      checkNames(l.activation);
      classes.set(l.activation.key, { act: l.activation, cls: `Act${classes.size}${className(l.activation.name)}` });
    }
  }
  const layerLines = m.layers.map((l, i) => {
    const w = float32Base64(transpose(l.weights, l.inputSize, l.units));
    const act = l.activation ? classes.get(l.activation.key) : undefined;
    const actCode = act && l.activation
      ? `${act.cls}(${[...l.activation.paramNames.map((p, k) => `${p}=${pyFloat(l.paramMode === 'per-unit' ? 0 : l.params[k][0])}`), `shape=${l.paramMode === 'per-unit' ? `(${l.units},)` : '()'}`].join(', ')})`
      : 'nn.Identity()';
    const perUnit = act && l.activation && l.paramMode === 'per-unit'
      ? l.activation.paramNames.map((p, k) => `        _set(self.activations[${i}].${p}, ${pyString(float32Base64(l.params[k]))}, (${l.units},))`)
      : [];
    return [
      `        self.layers.append(nn.Linear(${l.inputSize}, ${l.units}))`,
      `        self.activations.append(${actCode})`,
      `        _set(self.layers[${i}].weight, ${pyString(w)}, (${l.units}, ${l.inputSize}))`,
      `        _set(self.layers[${i}].bias, ${pyString(float32Base64(l.bias))}, (${l.units},))`,
      ...perUnit,
    ].join('\n');
  });
  const outputMap = m.loss === 'binary_crossentropy' ? 'torch.sigmoid(z)' : m.loss === 'categorical_crossentropy' ? 'torch.softmax(z, dim=-1)' : 'z';
  return `"""actlab model, exported to PyTorch by actlab export.

Self-contained: the weights are embedded below (base64 of float32 little-endian). Interface:
  load_model() -> nn.Module whose forward(x) takes raw inputs [N, ${m.featureNames.length}] (float32, the CSV's units,
      columns FEATURES) and returns what actlab predict prints as output; logits(x) gives the pre-output values.
  python3 model.py input.csv  prints {"output": [[...], ...]} for the CSV's rows (feature columns matched by
      name, other columns ignored).
"""
${HEADER}
FEATURES = ${JSON.stringify(m.featureNames)}
CLASSES = ${m.classNames ? JSON.stringify(m.classNames) : 'None'}
LOSS = ${pyString(m.loss)}


def _set(p, b64, shape):
    data = torch.frombuffer(bytearray(base64.b64decode(b64)), dtype=torch.float32).clone().reshape(shape)
    with torch.no_grad():
        p.copy_(data)


${HELPERS}

${[...classes.values()].map((c, k) => activationClass(c.act, c.cls, k)).join('\n\n\n')}


class ActlabModel(nn.Module):
    """Standardiser, dense layers with their activations, then ${m.loss === 'mse' ? 'a linear output' : m.loss === 'binary_crossentropy' ? 'sigmoid' : 'softmax'}."""

    def __init__(self):
        super().__init__()
        self.register_buffer("mean", torch.zeros(${m.mean.length}))
        self.register_buffer("std", torch.ones(${m.std.length}))
        _set(self.mean, ${pyString(float32Base64(m.mean))}, (${m.mean.length},))
        _set(self.std, ${pyString(float32Base64(m.std))}, (${m.std.length},))
        self.layers = nn.ModuleList()
        self.activations = nn.ModuleList()
${layerLines.join('\n')}

    def logits(self, x):
        h = (x - self.mean) / self.std
        for layer, act in zip(self.layers, self.activations):
            h = act(layer(h))
        return h

    def forward(self, x):
        z = self.logits(x)
        return ${outputMap}


def load_model():
    """The trained model, in evaluation mode."""
    model = ActlabModel()
    model.eval()
    return model


${pythonReadCsv((rows) => `torch.tensor(${rows}, dtype=torch.float32)`, `The CSV's rows as float32 [N, ${m.featureNames.length}]: columns FEATURES matched by name, others ignored.`)}

if __name__ == "__main__":
    model = load_model()
    with torch.no_grad():
        out = model(read_csv(sys.argv[1]))
    print(json.dumps({"output": out.tolist()}))
`;
}

function transpose(w: Float32Array, rows: number, cols: number): Float32Array {
  const t = new Float32Array(w.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = w[i * cols + j];
  return t;
}
