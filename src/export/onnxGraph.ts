/**
 * Building ONNX graphs with the ONNX protobuf definitions of `onnx-proto` (protobufjs): nodes, float32
 * initializers and the model message. Opset 17 of the default domain, IR version 8.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** The ONNX opset the exporters target. */
export const ONNX_OPSET = 17;
/** Domain of the ONNX functions actlab exports (one per activation). */
export const ONNX_FUNCTION_DOMAIN = 'actlab';
/** IR version written into exported models. */
export const ONNX_IR_VERSION = 8;

type Attr = number | { readonly float: number } | readonly number[];

/** A graph under construction: names are unique, scalar constants shared. */
export class GraphBuilder {
  readonly nodes: onnxProto.onnx.INodeProto[] = [];
  readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private counter = 0;
  private readonly scalars = new Map<string, string>();
  private readonly names = new Set<string>();

  /** `constantNodes`: scalars become Constant nodes (inside an ONNX function, which has no initializers). */
  constructor(private readonly constantNodes = false) {}

  /** A fresh tensor name with this prefix. */
  fresh(prefix: string): string {
    let name: string;
    do name = `${prefix}_${this.counter++}`;
    while (this.names.has(name));
    this.names.add(name);
    return name;
  }

  /** Reserves a given name (graph inputs, initializers named by the user). */
  reserve(name: string): string {
    if (this.names.has(name)) throw new Error(`onnx: name '${name}' used twice`);
    this.names.add(name);
    return name;
  }

  /** Adds a node; returns its (first) output name. */
  node(opType: string, inputs: readonly string[], attrs: Record<string, Attr> = {}, output?: string): string {
    const out = output ?? this.fresh(opType.toLowerCase());
    const attribute = Object.entries(attrs).map(([name, v]) => {
      if (typeof v === 'number') return { name, type: onnx.AttributeProto.AttributeType.INT, i: v };
      if (Array.isArray(v)) return { name, type: onnx.AttributeProto.AttributeType.INTS, ints: [...(v as number[])] };
      return { name, type: onnx.AttributeProto.AttributeType.FLOAT, f: (v as { float: number }).float };
    });
    this.nodes.push({ opType, input: [...inputs], output: [out], name: this.fresh(`n_${opType}`), attribute });
    return out;
  }

  /** A float32 initializer of the given shape. */
  tensor(name: string, dims: readonly number[], values: ArrayLike<number>, reserved = false): string {
    if (!reserved) this.reserve(name);
    const data = Float32Array.from(values);
    this.initializers.push({ name, dims: [...dims], dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(data.buffer) });
    return name;
  }

  /** A float32 scalar constant (shared by value). */
  scalar(v: number): string {
    const key = Object.is(v, -0) ? '-0' : String(v);
    let name = this.scalars.get(key);
    if (!name) {
      name = this.constantNodes ? this.node('Constant', [], { value_float: { float: v } }) : this.tensor(this.fresh('c'), [], [v], true);
      this.scalars.set(key, name);
    }
    return name;
  }
}

/** A float32 value of the graph's interface: `dims` entries are sizes or symbolic names; null: any shape. */
function valueInfo(name: string, dims: readonly (number | string)[] | null): onnxProto.onnx.IValueInfoProto {
  const tensorType: onnxProto.onnx.TypeProto.ITensor = { elemType: onnx.TensorProto.DataType.FLOAT };
  if (dims) tensorType.shape = { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) };
  return { name, type: { tensorType } };
}

/** The encoded model: one float32 input and one float32 output. */
export function encodeModel(
  b: GraphBuilder, name: string, input: { name: string; dims: readonly (number | string)[] | null }, output: { name: string; dims: readonly (number | string)[] | null }, docString: string,
  functions: readonly onnxProto.onnx.IFunctionProto[] = [],
): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: ONNX_IR_VERSION,
    producerName: 'actlab',
    docString,
    opsetImport: [{ domain: '', version: ONNX_OPSET }, ...(functions.length ? [{ domain: ONNX_FUNCTION_DOMAIN, version: 1 }] : [])],
    functions: [...functions],
    graph: {
      name,
      node: b.nodes,
      initializer: b.initializers,
      input: [valueInfo(input.name, input.dims)],
      output: [valueInfo(output.name, output.dims)],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

/** An ONNX function (opset 17 inside) from a builder's nodes: inputs and outputs by name. */
export function functionProto(b: GraphBuilder, name: string, input: readonly string[], output: readonly string[], docString: string): onnxProto.onnx.IFunctionProto {
  if (b.initializers.length > 0) throw new Error('onnx: a function cannot hold initializers');
  return { name, domain: ONNX_FUNCTION_DOMAIN, input: [...input], output: [...output], node: b.nodes, docString, opsetImport: [{ domain: '', version: ONNX_OPSET }] };
}
