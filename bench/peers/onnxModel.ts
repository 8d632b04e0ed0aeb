/**
 * A minimal protobuf encoder for single-node ONNX models (ModelProto → GraphProto → one NodeProto), enough
 * to run one activation op in ONNX Runtime without an ONNX library. Field numbers follow onnx/onnx.proto.
 */

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

/** Bytes of one protobuf message under construction. */
class Writer {
  readonly bytes: number[] = [];
  varint(v: number): this {
    let n = BigInt.asUintN(64, BigInt(v));
    do {
      const b = Number(n & 0x7fn);
      n >>= 7n;
      this.bytes.push(n > 0n ? b | 0x80 : b);
    } while (n > 0n);
    return this;
  }
  int(field: number, v: number): this {
    return this.varint(field << 3).varint(v);
  }
  float(field: number, v: number): this {
    const b = new Uint8Array(new Float32Array([v]).buffer);
    this.varint((field << 3) | 5).bytes.push(...b);
    return this;
  }
  bytesField(field: number, data: ArrayLike<number>): this {
    this.varint((field << 3) | 2).varint(data.length);
    for (let k = 0; k < data.length; k++) this.bytes.push(data[k]);
    return this;
  }
  str(field: number, s: string): this {
    return this.bytesField(field, new TextEncoder().encode(s));
  }
  msg(field: number, m: Writer): this {
    return this.bytesField(field, m.bytes);
  }
}

/** ValueInfoProto for a rank-1 float tensor of dynamic length `N`. */
function floatVector(name: string): Writer {
  const dim = new Writer().str(2, 'N');
  const shape = new Writer().msg(1, dim);
  const tensorType = new Writer().int(1, 1).msg(2, shape); // elem_type FLOAT = 1
  const type = new Writer().msg(1, tensorType);
  return new Writer().str(1, name).msg(2, type);
}

function attribute(a: OnnxAttribute): Writer {
  const w = new Writer().str(1, a.name);
  if ('f' in a) return w.float(2, a.f).int(20, 1);
  if ('i' in a) return w.int(3, a.i).int(20, 2);
  return w.str(4, a.s).int(20, 3);
}

function initializer(t: OnnxInitializer): Writer {
  const w = new Writer();
  for (const d of t.dims) w.int(1, d);
  w.int(2, 1); // data_type FLOAT
  w.bytesField(4, new Uint8Array(new Float32Array(t.values).buffer)); // packed float_data
  return w.str(8, t.name);
}

/** Serialises a model with one node reading input `x` (plus the initializers) and writing output `y`. */
export function encodeOnnxModel(model: OnnxNodeModel): Uint8Array {
  const inits = model.initializers ?? [];
  const node = new Writer().str(1, 'x');
  for (const t of inits) node.str(1, t.name);
  node.str(2, 'y').str(3, 'node').str(4, model.opType);
  for (const a of model.attributes ?? []) node.msg(5, attribute(a));
  const graph = new Writer().msg(1, node).str(2, `actlab_${model.opType}`);
  for (const t of inits) graph.msg(5, initializer(t));
  graph.msg(11, floatVector('x')).msg(12, floatVector('y'));
  const opset = new Writer().str(1, '').int(2, model.opset ?? 20);
  const m = new Writer().int(1, 9).str(2, 'actlab').msg(7, graph).msg(8, opset); // ir_version 9
  return Uint8Array.from(m.bytes);
}
