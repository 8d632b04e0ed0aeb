/**
 * ONNX export (opset 17). A model takes one input `input`, float32 [N, features], in the CSV's raw units
 * (the standardiser is part of the graph: Sub, Div), and gives one output `output`, float32 [N, outputs]:
 * what `actlab predict --json` prints as `output` (identity, Sigmoid or Softmax over the logits). Dense
 * layers are MatMul + Add; activations are rendered from the IR; learned activation parameters are
 * initializers (a scalar per layer, or a [units] row per unit). An activation alone becomes a model that calls
 * one model-local ONNX function (domain `actlab`): input `input` [N], parameters as initializers.
 */
import type { Activation } from '../activations/activation.js';
import type { SavedModelJson } from '../run/savedModel.js';
import { exportActivation, exportModelOf, type ExportActivation, type ExportModel } from './model.js';
import { renderOnnxActivation } from './onnxActivation.js';
import { encodeModel, functionProto, GraphBuilder, ONNX_FUNCTION_DOMAIN, ONNX_OPSET } from './onnxGraph.js';

export { ONNX_FUNCTION_DOMAIN, ONNX_OPSET };

/**
 * An activation as an ONNX model (`input` → `output`, float32 [N], elementwise). The function itself is a
 * model-local ONNX function `actlab.<Name>(x, params…) → y` of any shape (reusable in other graphs), called
 * once by the graph with the parameters as initializers named after them. (The graph's interface has a
 * shape because ONNX's checker, as of onnx 1.12, requires one.)
 */
export function activationToOnnx(a: Activation | ExportActivation): Uint8Array {
  const act = 'program' in a ? a : exportActivation(a);
  const fnName = onnxFunctionName(act.name);
  const fb = new GraphBuilder(true);
  const fx = fb.reserve('x');
  const fparams = act.paramNames.map((p) => fb.reserve(p));
  fb.node('Identity', [renderOnnxActivation(fb, act.program, fx, fparams)], {}, fb.reserve('y'));
  const fn = functionProto(fb, fnName, [fx, ...fparams], ['y'], `actlab activation ${act.key}`);
  const g = new GraphBuilder();
  const x = g.reserve('input');
  const params = act.paramNames.map((name, i) => g.tensor(name, [], [act.paramValues[i]]));
  g.nodes.push({ opType: fnName, domain: ONNX_FUNCTION_DOMAIN, input: [x, ...params], output: [g.reserve('output')], name: 'activation' });
  return encodeModel(g, act.name, { name: 'input', dims: ['N'] }, { name: 'output', dims: ['N'] }, `actlab activation ${act.key}`, [fn]);
}

/** The ONNX function name of an activation (`leaky_relu` → `ActlabLeakyRelu`; prefixed so no name is an ONNX op's). */
export function onnxFunctionName(id: string): string {
  return `Actlab${id.split('_').filter(Boolean).map((s) => s[0].toUpperCase() + s.slice(1)).join('')}`;
}

/** A saved model as an ONNX model (`input` [N, features] raw units → `output` [N, outputs]). */
export function modelToOnnx(saved: SavedModelJson | ExportModel): Uint8Array {
  const m = 'network' in saved ? exportModelOf(saved) : saved;
  const g = new GraphBuilder();
  const input = g.reserve('input');
  let h = g.node('Div', [g.node('Sub', [input, g.tensor('standardizer_mean', [m.mean.length], m.mean)]), g.tensor('standardizer_std', [m.std.length], m.std)]);
  m.layers.forEach((l, i) => {
    const w = g.tensor(`layer${i}_weight`, [l.inputSize, l.units], l.weights);
    const b = g.tensor(`layer${i}_bias`, [l.units], l.bias);
    h = g.node('Add', [g.node('MatMul', [h, w]), b]);
    if (l.activation) {
      const act = l.activation;
      const params = act.paramNames.map((name, k) =>
        l.paramMode === 'per-unit' ? g.tensor(`layer${i}_${name}`, [l.units], l.params[k]) : g.tensor(`layer${i}_${name}`, [], l.params[k]));
      h = renderOnnxActivation(g, act.program, h, params);
    }
  });
  if (m.loss === 'binary_crossentropy') h = g.node('Sigmoid', [h]);
  else if (m.loss === 'categorical_crossentropy') h = g.node('Softmax', [h], { axis: -1 });
  g.node('Identity', [h], {}, g.reserve('output'));
  const outputs = m.layers[m.layers.length - 1].units;
  return encodeModel(g, 'actlab_model', { name: 'input', dims: ['N', m.mean.length] }, { name: 'output', dims: ['N', outputs] }, `actlab model: inputs ${m.featureNames.join(', ')}`);
}
