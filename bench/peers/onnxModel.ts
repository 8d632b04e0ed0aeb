/**
 * Single-node ONNX models (ModelProto → GraphProto → one NodeProto) to run one activation op in ONNX
 * Runtime, built with the ONNX protobuf definitions of `onnx-proto` (protobufjs), as src/export does.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** An attribute of the node: a float, an int or a string (ONNX AttributeProto types FLOAT, INT, STRING). */
export type OnnxAttribute = { readonly name: string } & ({ readonly f: number } | { readonly i: number } | { readonly s: string });

/** A constant float tensor fed to the node as an extra input (PRelu's slope, Clip's bounds). */
export interface OnnxInitializer {
  readonly name: string;
  readonly dims: readonly number[];
  readonly values: readonly number[];
}

/** What the model computes: `output = opType(input, ...initializers; attributes)` on a float vector. */
export interface OnnxNodeModel {
  readonly opType: string;
  readonly attributes?: readonly OnnxAttribute[];
  readonly initializers?: readonly OnnxInitializer[];
  /** Opset of the default domain (20 has Gelu with `approximate`). */
  readonly opset?: number;
}

/** A rank-1 float tensor of dynamic length `N`. */
function floatVector(name: string): onnxProto.onnx.IValueInfoProto {
  return { name, type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim: [{ dimParam: 'N' }] } } } };
}

function attribute(a: OnnxAttribute): onnxProto.onnx.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if ('f' in a) return { name: a.name, type: T.FLOAT, f: a.f };
  if ('i' in a) return { name: a.name, type: T.INT, i: a.i };
  return { name: a.name, type: T.STRING, s: new TextEncoder().encode(a.s) };
}

/** Serialises a model with one node reading input `x` (plus the initializers) and writing output `y`. */
export function encodeOnnxModel(model: OnnxNodeModel): Uint8Array {
  const inits = model.initializers ?? [];
  const m = onnx.ModelProto.create({
    irVersion: 9,
    producerName: 'actlab',
    opsetImport: [{ domain: '', version: model.opset ?? 20 }],
    graph: {
      name: `actlab_${model.opType}`,
      node: [{ input: ['x', ...inits.map((t) => t.name)], output: ['y'], name: 'node', opType: model.opType, attribute: (model.attributes ?? []).map(attribute) }],
      initializer: inits.map((t) => ({ name: t.name, dims: [...t.dims], dataType: onnx.TensorProto.DataType.FLOAT, floatData: [...t.values] })),
      input: [floatVector('x')],
      output: [floatVector('y')],
    },
  });
  return onnx.ModelProto.encode(m).finish();
}
