/**
 * TF.js export: activations as custom layer classes (tfjs-layers `Layer` subclasses, registered with
 * `tf.serialization.registerClass`, serialisable through `getConfig`) in an ES module, rendered from the IR;
 * a model as a directory — `model.json` (a Sequential layers model), `weights.bin` and `actlab_layers.js` (the
 * standardiser layer and the activation layers) — loadable with `tf.loadLayersModel` after importing
 * `actlab_layers.js`. The module imports `@tensorflow/tfjs-core` and `@tensorflow/tfjs-layers` (both come with
 * `@tensorflow/tfjs`).
 *
 * The gradient of each activation layer is the language's derivative, rendered from the IR and attached with
 * `tf.customGrad` (kink conventions kept; no NaN from a `where` branch not taken). Lowerings as the ONNX ones:
 * tf.where for conditions, tf.softplus/tf.sigmoid/tf.logSigmoid/tf.expm1/tf.log1p/tf.erf; erfc = 1 − erf,
 * sech, sinc, sinpi and cospi (exact reduction to |r| ≤ 1/2 by round) in stable helpers; max/min as where(a > b, a, b) (ties take b); clamp as two wheres.
 */
import type { Activation } from '../activations/activation.js';
import { toText } from '../expr/print.js';
import type { SavedModelJson } from '../run/savedModel.js';
import { lower, usedInstructions, type PrimitiveName, type Program } from './ir.js';
import { exportActivation, exportModelOf, type ExportActivation, type ExportModel } from './model.js';

interface JsVal {
  readonly code: string;
  readonly bool: boolean;
}

const n = (v: JsVal): string => (v.bool ? `tf.cast(${v.code}, 'float32')` : v.code);
const b = (v: JsVal): string => (v.bool ? v.code : `tf.notEqual(${v.code}, 0)`);
const num = (code: string): JsVal => ({ code, bool: false });
const bool = (code: string): JsVal => ({ code, bool: true });
const fn = (name: string) => (a: readonly JsVal[]): JsVal => num(`tf.${name}(${a.map(n).join(', ')})`);
const cmp = (name: string) => (a: readonly JsVal[]): JsVal => bool(`tf.${name}(${n(a[0])}, ${n(a[1])})`);

/** One TF.js lowering per primitive. */
const TFJS: Record<PrimitiveName, (a: readonly JsVal[]) => JsVal> = {
  add: fn('add'),
  sub: fn('sub'),
  mul: fn('mul'),
  div: fn('div'),
  pow: fn('pow'),
  neg: fn('neg'),
  lt: cmp('less'),
  le: cmp('lessEqual'),
  gt: cmp('greater'),
  ge: cmp('greaterEqual'),
  eq: cmp('equal'),
  ne: cmp('notEqual'),
  and: (a) => bool(`tf.logicalAnd(${b(a[0])}, ${b(a[1])})`),
  or: (a) => bool(`tf.logicalOr(${b(a[0])}, ${b(a[1])})`),
  not: (a) => bool(`tf.logicalNot(${b(a[0])})`),
  select: (a) => num(`tf.where(${b(a[0])}, ${n(a[1])}, ${n(a[2])})`),
  exp: fn('exp'),
  expm1: fn('expm1'),
  log: fn('log'),
  log1p: fn('log1p'),
  sqrt: fn('sqrt'),
  cbrt: (a) => num(`tf.mul(tf.sign(${n(a[0])}), tf.pow(tf.abs(${n(a[0])}), 1 / 3))`),
  abs: fn('abs'),
  sign: fn('sign'),
  step: (a) => num(`tf.cast(tf.greaterEqual(${n(a[0])}, 0), 'float32')`),
  sin: fn('sin'),
  cos: fn('cos'),
  tan: fn('tan'),
  asin: fn('asin'),
  acos: fn('acos'),
  atan: fn('atan'),
  sinh: fn('sinh'),
  cosh: fn('cosh'),
  tanh: fn('tanh'),
  sech: (a) => num(`sech(${n(a[0])})`),
  asinh: fn('asinh'),
  acosh: fn('acosh'),
  atanh: fn('atanh'),
  erf: fn('erf'),
  erfc: (a) => num(`tf.sub(1, tf.erf(${n(a[0])}))`),
  sigmoid: fn('sigmoid'),
  softplus: fn('softplus'),
  logsigmoid: fn('logSigmoid'),
  sinc: (a) => num(`sinc(${n(a[0])})`),
  sinc_d: (a) => num(`sincD(${n(a[0])}, ${n(a[1])})`),
  min: (a) => num(`tf.where(tf.less(${n(a[0])}, ${n(a[1])}), ${n(a[0])}, ${n(a[1])})`),
  max: (a) => num(`tf.where(tf.greater(${n(a[0])}, ${n(a[1])}), ${n(a[0])}, ${n(a[1])})`),
  clamp: (a) => num(`tf.where(tf.lessEqual(${n(a[0])}, ${n(a[1])}), ${n(a[1])}, tf.where(tf.greaterEqual(${n(a[0])}, ${n(a[2])}), ${n(a[2])}, ${n(a[0])}))`),
  hypot: (a) => num(`hypot(${n(a[0])}, ${n(a[1])})`),
  sinpi: (a) => num(`sinpi(${n(a[0])})`),
  cospi: (a) => num(`cospi(${n(a[0])})`),
};

function jsNumber(v: number): string {
  if (Object.is(v, -0)) return '-0';
  return String(v);
}

function jsLines(program: Program, outputs: readonly number[]): { lines: string[]; codes: string[] } {
  const used = usedInstructions(program, outputs);
  const vals: JsVal[] = [];
  const lines: string[] = [];
  program.instrs.forEach((ins, i) => {
    if (!used[i]) {
      vals.push(num('null'));
      return;
    }
    if (ins.kind === 'x') vals.push(num('x'));
    else if (ins.kind === 'param') vals.push(num(`p${ins.index}`));
    else {
      const v = ins.kind === 'const' ? num(`tf.scalar(${jsNumber(ins.value)})`) : TFJS[ins.op](ins.args.map((a) => vals[a]));
      lines.push(`  const t${i} = ${v.code};`);
      vals.push({ code: `t${i}`, bool: v.bool });
    }
  });
  return { lines, codes: outputs.map((o) => (program.varying[o] ? n(vals[o]) : `tf.broadcastTo(${n(vals[o])}, x.shape)`)) };
}

const HELPERS = `function sech(u) {
  const e = tf.exp(tf.neg(tf.abs(u)));
  return tf.div(tf.mul(e, 2), tf.add(1, tf.mul(e, e)));
}

function sinc(u) {
  const zero = tf.equal(u, 0);
  const safe = tf.where(zero, tf.onesLike(u), u);
  return tf.where(zero, tf.onesLike(u), tf.div(tf.sin(safe), safe));
}

function sincD(order, u) {
  // n-th derivative of sin(u)/u: Taylor series near 0, the recurrence elsewhere
  const n = Math.round(order.dataSync()[0]);
  const small = tf.less(tf.abs(u), n + 2);
  let s = tf.zerosLike(u);
  for (let k = Math.ceil(n / 2); k < 22; k++) {
    let c = 1 / (2 * k + 1);
    for (let j = 2; j <= 2 * k - n; j++) c /= j;
    s = tf.add(s, tf.mul(k % 2 === 0 ? c : -c, tf.pow(u, 2 * k - n)));
  }
  const safe = tf.where(small, tf.onesLike(u), u);
  let r = tf.div(tf.sin(safe), safe);
  for (let k = 1; k <= n; k++) {
    const sd = [tf.sin, tf.cos, (v) => tf.neg(tf.sin(v)), (v) => tf.neg(tf.cos(v))][k % 4](safe);
    r = tf.div(tf.sub(sd, tf.mul(k, r)), safe);
  }
  return tf.where(small, s, r);
}

function sinpi(u) {
  // sin(πu) with u = n + r reduced exactly (n = round(u), |r| ≤ 1/2): ±sin(πr), + where n is even
  const n = tf.round(u);
  const s = tf.sin(tf.mul(tf.sub(u, n), Math.PI));
  return tf.where(tf.equal(tf.sub(n, tf.mul(tf.round(tf.mul(n, 0.5)), 2)), 0), s, tf.neg(s));
}

function cospi(u) {
  // cos(πu) with the same reduction
  const n = tf.round(u);
  const c = tf.cos(tf.mul(tf.sub(u, n), Math.PI));
  return tf.where(tf.equal(tf.sub(n, tf.mul(tf.round(tf.mul(n, 0.5)), 2)), 0), c, tf.neg(c));
}

function hypot(a, b) {
  const m = tf.maximum(tf.abs(a), tf.abs(b));
  const zero = tf.equal(m, 0);
  const safe = tf.where(zero, tf.onesLike(m), m);
  const p = tf.div(a, safe);
  const q = tf.div(b, safe);
  return tf.where(zero, tf.zerosLike(m), tf.mul(safe, tf.sqrt(tf.add(tf.mul(p, p), tf.mul(q, q)))));
}

function reduceTo(t, p) {
  // sums a gradient of x's shape down to the parameter's shape: [] or [units]
  return p.rank === 0 ? tf.sum(t) : tf.sum(tf.reshape(t, [-1, p.shape[0]]), 0);
}
`;

function jsString(s: string): string {
  return JSON.stringify(s);
}

/** The value/gradient functions and the layer class of one activation. */
function activationLayer(act: ExportActivation, cls: string, k: number): string {
  const ps = act.paramNames.map((_p, i) => `p${i}`);
  const args = ['x', ...ps].join(', ');
  const f = jsLines(act.program, [act.program.outputs[0]]);
  const gp = lower([act.derivative, ...act.paramDerivatives], act.paramNames);
  const g = jsLines(gp, gp.outputs);
  const defaults = `{ ${act.paramNames.map((p, i) => `${jsString(p)}: ${jsNumber(act.paramValues[i])}`).join(', ')} }`;
  const build = act.paramNames.map((p) =>
    `    this.w[${jsString(p)}] = this.addWeight(${jsString(p)}, shape, 'float32', tfl.initializers.constant({ value: this.values[${jsString(p)}] }), undefined, ${act.learnable.includes(p)});`);
  return `function value${k}(${args}) {
${f.lines.join('\n')}
  return tf.where(tf.isNaN(x), x, ${f.codes[0]});
}

function grads${k}(${args}) {
${g.lines.join('\n')}
  return [${g.codes.join(', ')}];
}

const apply${k} = tf.customGrad((${args}, save) => {
  save([${args}]);
  return {
    value: value${k}(${args}),
    gradFunc: (dy, saved) => {
      const d = grads${k}(...saved);
      return [tf.mul(dy, d[0])${ps.map((p, i) => `, reduceTo(tf.mul(dy, d[${i + 1}]), saved[${i + 1}])`).join('')}];
    },
  };
});

/**
 * actlab activation ${act.key.replace(/\*\//g, '* /')}: f(x) = ${toText(act.expr).replace(/\*\//g, '* /')}
 * Config: perUnit (one parameter value per unit of the last axis) and the parameter values.
 * Trainable parameters: ${act.learnable.join(', ') || 'none'}.
 */
export class ${cls} extends tfl.layers.Layer {
  constructor(config) {
    super(config || {});
    const c = config || {};
    this.perUnit = c.perUnit === true;
    const defaults = ${defaults};
    this.values = {};
    for (const name of Object.keys(defaults)) this.values[name] = c[name] !== undefined ? c[name] : defaults[name];
    this.w = {};
  }

  build(inputShape) {
    const shape = this.perUnit ? [inputShape[inputShape.length - 1]] : [];
${build.join('\n')}
    this.built = true;
  }

  computeOutputShape(inputShape) {
    return inputShape;
  }

  call(inputs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      return apply${k}(x${act.paramNames.map((p) => `, this.w[${jsString(p)}].read()`).join('')});
    });
  }

  getConfig() {
    return Object.assign({}, super.getConfig(), { perUnit: this.perUnit }, this.values);
  }

  static get className() {
    return ${jsString(cls)};
  }
}
tf.serialization.registerClass(${cls});
`;
}

const MODULE_HEADER = `// Generated by actlab export: TF.js custom layers. Import this module before tf.loadLayersModel.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
`;

const STANDARDIZE = `/** (x − mean) / std per feature, with the training set's mean and std as (non-trainable) weights. */
export class ActlabStandardize extends tfl.layers.Layer {
  constructor(config) {
    super(config || {});
  }

  build(inputShape) {
    const d = inputShape[inputShape.length - 1];
    this.mean = this.addWeight('mean', [d], 'float32', tfl.initializers.zeros(), undefined, false);
    this.std = this.addWeight('std', [d], 'float32', tfl.initializers.ones(), undefined, false);
    this.built = true;
  }

  computeOutputShape(inputShape) {
    return inputShape;
  }

  call(inputs) {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      return tf.div(tf.sub(x, this.mean.read()), this.std.read());
    });
  }

  static get className() {
    return 'ActlabStandardize';
  }
}
tf.serialization.registerClass(ActlabStandardize);
`;

/** A class name from an identifier (`leaky_relu` → `ActlabLeakyRelu`). */
export function tfjsClassName(id: string, k?: number): string {
  return `Actlab${k === undefined ? '' : k}${id.split('_').filter(Boolean).map((s) => s[0].toUpperCase() + s.slice(1)).join('')}`;
}

/** An ES module with the activation's layer class (named `tfjsClassName(id)`), registered for serialisation. */
export function activationToTfjs(a: Activation | ExportActivation): string {
  const act = 'program' in a ? a : exportActivation(a);
  return `${MODULE_HEADER}\n${HELPERS}\n${activationLayer(act, tfjsClassName(act.name), 0)}`;
}

/** The files of a TF.js export of a saved model: name → contents. */
export function modelToTfjs(saved: SavedModelJson | ExportModel): Map<string, string | Uint8Array> {
  const m = 'network' in saved ? exportModelOf(saved) : saved;
  const classes = new Map<string, { act: ExportActivation; cls: string }>();
  for (const l of m.layers) {
    if (l.activation && !classes.has(l.activation.key)) classes.set(l.activation.key, { act: l.activation, cls: tfjsClassName(l.activation.name, classes.size) });
  }
  const d = m.mean.length;
  const layers: unknown[] = [{ class_name: 'ActlabStandardize', config: { name: 'standardize', trainable: false, batch_input_shape: [null, d], dtype: 'float32' } }];
  const specs: { name: string; shape: number[]; dtype: 'float32' }[] = [];
  const chunks: Float32Array[] = [];
  const weight = (name: string, shape: number[], v: ArrayLike<number>): void => {
    specs.push({ name, shape, dtype: 'float32' });
    chunks.push(Float32Array.from(v));
  };
  weight('standardize/mean', [d], m.mean);
  weight('standardize/std', [d], m.std);
  m.layers.forEach((l, i) => {
    layers.push({
      class_name: 'Dense',
      config: {
        units: l.units, activation: 'linear', use_bias: true,
        kernel_initializer: { class_name: 'Zeros', config: {} }, bias_initializer: { class_name: 'Zeros', config: {} },
        kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null,
        name: `dense_${i}`, trainable: true, dtype: 'float32',
      },
    });
    weight(`dense_${i}/kernel`, [l.inputSize, l.units], l.weights);
    weight(`dense_${i}/bias`, [l.units], l.bias);
    if (l.activation) {
      const c = classes.get(l.activation.key);
      if (!c) throw new Error('tfjs export: activation class missing');
      const values = Object.fromEntries(l.activation.paramNames.map((p, k) => [p, l.paramMode === 'per-unit' ? l.activation?.paramValues[k] : l.params[k][0]]));
      layers.push({ class_name: c.cls, config: { name: `act_${i}`, trainable: true, dtype: 'float32', perUnit: l.paramMode === 'per-unit', ...values } });
      l.activation.paramNames.forEach((p, k) => {
        weight(`act_${i}/${p}`, l.paramMode === 'per-unit' ? [l.units] : [], l.paramMode === 'per-unit' ? l.params[k] : [l.params[k][0]]);
      });
    }
  });
  if (m.loss !== 'mse') layers.push({ class_name: 'Activation', config: { activation: m.loss === 'binary_crossentropy' ? 'sigmoid' : 'softmax', name: 'output', trainable: true } });
  const total = chunks.reduce((s, c) => s + c.length, 0);
  const all = new Float32Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  const modelJson = {
    format: 'layers-model',
    generatedBy: 'actlab',
    convertedBy: null,
    modelTopology: { class_name: 'Sequential', config: { name: 'actlab_model', layers }, keras_version: 'tfjs-layers 4.22.0', backend: 'tensor_flow.js' },
    weightsManifest: [{ paths: ['weights.bin'], weights: specs }],
    userDefinedMetadata: { actlab: { features: m.featureNames, classes: m.classNames, loss: m.loss, layersModule: 'actlab_layers.js' } },
  };
  const module = `${MODULE_HEADER}\n${HELPERS}\n${STANDARDIZE}\n${[...classes.values()].map((c, k) => activationLayer(c.act, c.cls, k)).join('\n')}`;
  return new Map<string, string | Uint8Array>([
    ['model.json', `${JSON.stringify(modelJson, null, 1)}\n`],
    ['weights.bin', new Uint8Array(all.buffer)],
    ['actlab_layers.js', module],
  ]);
}
