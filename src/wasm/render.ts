/**
 * Renders an activation's program (outputs f, f', ∂f/∂p₀, …) to a WebAssembly module of f32x4 kernels:
 * forward, forwardDeriv, backward, paramGrad (shared parameters, hoisted out of the loop) and
 * forwardDerivCols, paramGradCols (one parameter value per column). Each loop handles four elements
 * per iteration and the last n mod 4 one at a time (a splatted load, lane 0 stored).
 *
 * Lanes whose input or any output is NaN or ±∞, or that a primitive sends to the scalar path, are
 * reported to the imported `env.fix(index, laneMask)`, which recomputes them with the JavaScript
 * kernels' f64 code (paramGrad leaves their contributions out for the host to add).
 *
 * Constants are 16-byte vectors in a table whose address is an argument: they are loaded into locals
 * before the loop, so neither V8 nor binaryen's optimiser rebuilds them per iteration.
 */
import { memoryImport } from './coreWat.js';
import type { Program } from '../expr/ir.js';
import { VECTOR_OPS, finite, ne, vpow, vsigmoidProduct, vsincD, type VectorContext } from './vmath.js';

/** Ops that take lane masks rather than numbers as (some) arguments. */
function wantsMask(op: string, argIndex: number): boolean {
  return op === 'select' ? argIndex === 0 : op === 'and' || op === 'or' || op === 'not';
}

/** True when every op of the program has a vector version. */
export function renderable(program: Program): boolean {
  // The lanes for the scalar path are reported with 4 bits per output, 8 outputs at most per function.
  if (program.outputs.length > 10) return false;
  return program.instrs.every((ins) => ins.kind !== 'op' || ins.op === 'pow' || (ins.op === 'sinc_d' ? sincOrder(program, ins.args[0]) !== null : VECTOR_OPS[ins.op] !== null));
}

/** a when instructions i and j are sigmoid(a) and sigmoid(−a) (in either order), else null. */
function sigmoidPair(program: Program, i: number, j: number): number | null {
  const { instrs } = program;
  const a = instrs[i];
  const b = instrs[j];
  if (a.kind !== 'op' || b.kind !== 'op' || a.op !== 'sigmoid' || b.op !== 'sigmoid') return null;
  const na = instrs[a.args[0]];
  const nb = instrs[b.args[0]];
  if (nb.kind === 'op' && nb.op === 'neg' && nb.args[0] === a.args[0]) return a.args[0];
  if (na.kind === 'op' && na.op === 'neg' && na.args[0] === b.args[0]) return b.args[0];
  return null;
}

/** n of sinc_d(n, x) when it is the literal 0 or 1 (the orders with a vector version), else null. */
function sincOrder(program: Program, arg: number): number | null {
  const ins = program.instrs[arg];
  return ins.kind === 'const' && (ins.value === 0 || ins.value === 1) ? ins.value : null;
}

/** A rendered module: its text and the constant table to place in memory. */
export interface RenderedModule {
  readonly wat: string;
  /** Constant vectors, four f32 lanes each (bit patterns for integer constants). */
  readonly constants: Float32Array;
}

class Constants {
  /** Each constant as four 32-bit words. */
  readonly list: (readonly number[])[] = [];
  private readonly index = new Map<string, number>();
  /** Index of a constant: one 32-bit pattern in every lane, or four words. */
  add(bits: number | readonly number[]): number {
    const words = typeof bits === 'number' ? [bits, bits, bits, bits] : bits;
    const key = words.join(',');
    const hit = this.index.get(key);
    if (hit !== undefined) return hit;
    const i = this.list.length;
    this.list.push(words);
    this.index.set(key, i);
    return i;
  }
}

/** The two 32-bit words (low, high) of an f64. */
const f64Words = (v: number): [number, number] => {
  const w = new Int32Array(new Float64Array([v]).buffer);
  return [w[0], w[1]];
};

const f32Bits = (v: number): number => {
  const b = new Float32Array([v]);
  return new Int32Array(b.buffer)[0];
};

type Mode = 'shared' | 'cols';

/** 1/c for a constant c whose f32 reciprocal is a normal number (the divisor of a division by a constant), else null. */
function reciprocal(ins: Program['instrs'][number]): number | null {
  if (ins.kind !== 'const') return null;
  const c = Math.fround(ins.value);
  const r = Math.fround(1 / c);
  return Number.isFinite(c) && c !== 0 && Number.isFinite(r) && Math.abs(r) >= 1.1754943508222875e-38 ? 1 / c : null;
}

/**
 * Inputs beyond ±1e9 (±∞ included) take the scalar path: there x², x³… overflow f32 where the f64 code
 * stays finite, which could otherwise turn into a wrong finite result (x/(2x²) → x/∞ → 0).
 */
const BIG = 1e9;

interface Body {
  /** Statements before the loop. */
  readonly pre: string[];
  /** Statements per vector of four elements (x in $x). */
  readonly body: string[];
  /** Output expressions (numbers). */
  readonly outs: string[];
  /** v128 locals to declare. */
  readonly locals: string[];
  /** The constant locals used (index → local name). */
  readonly constLocals: Map<number, string>;
  /** Index of BIG in the constant table. */
  readonly bigIndex: number;
  /**
   * Lane masks (over body locals) of lanes for the scalar path (`ok`: false, the lanes outside the mask
   * go; true, those in it), with the instruction that raised them: an output is recomputed only for the
   * conditions of the instructions it depends on (so forward and forwardDeriv give the same f).
   */
  readonly conditions: { readonly mask: string; readonly ok: boolean; readonly at: number }[];
  /** Per output, the instructions it depends on. */
  readonly cones: readonly Set<number>[];
  /** Whether statements before the loop may set $badpre. */
  readonly preFlags: boolean;
}

/**
 * Straight-line vector code for the given outputs. In `shared` mode parameter-only work is hoisted
 * before the loop (parameters splatted from $pp); in `cols` mode the parameters are vectors loaded per
 * column chunk (the statements `$P{k}` must be set by the loop).
 */
function renderBody(program: Program, outputs: readonly number[], mode: Mode, table: Constants): Body {
  const { instrs } = program;
  const needed = new Array<boolean>(instrs.length).fill(false);
  const stack = [...outputs];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (needed[i]) continue;
    needed[i] = true;
    const ins = instrs[i];
    if (ins.kind === 'op') stack.push(...ins.args);
  }
  const varying = instrs.map((ins, i) => program.varying[i] || (mode === 'cols' && ins.kind !== 'const'));
  // In cols mode a param-dependent instruction varies; propagate through ops.
  if (mode === 'cols') {
    instrs.forEach((ins, i) => {
      if (ins.kind === 'op') varying[i] = ins.args.some((a) => varying[a]);
      if (ins.kind === 'param') varying[i] = true;
      if (ins.kind === 'x') varying[i] = true;
    });
  }
  const pre: string[] = [];
  const body: string[] = [];
  const locals: string[] = [];
  const constLocals = new Map<number, string>();
  const conditions: { mask: string; ok: boolean; at: number }[] = [];
  let current = -1;
  let preFlags = false;
  let temps = 0;
  let target = pre;
  // Common subexpressions of the generated code: a value's text → the temporary holding it (per target;
  // the loop body also sees what was computed before the loop).
  const memoPre = new Map<string, string>();
  const memoBody = new Map<string, string>();
  // Values that are never NaN in a lane that reaches the vector result: x (NaN x takes the scalar path)
  // and non-NaN constants.
  const notNaN = new Set<string>();
  const constLocal = (bits: number | readonly number[]): string => {
    const idx = table.add(bits);
    let name = constLocals.get(idx);
    if (!name) {
      name = `$k${idx}`;
      constLocals.set(idx, name);
    }
    return `(local.get ${name})`;
  };
  const ctx: VectorContext = {
    k: (v) => constLocal(f32Bits(v)),
    ki: (v) => constLocal(v | 0),
    kd: (v) => {
      const [lo, hi] = f64Words(v);
      return constLocal([lo, hi, lo, hi]);
    },
    tmp: () => {
      const name = `$t${temps++}`;
      locals.push(name);
      return name;
    },
    emit: (s) => target.push(s),
    bind: (value) => {
      if (/^\(local\.get \$[\w]+\)$/.test(value)) return value;
      const memo = target === pre ? memoPre : memoBody;
      const hit = memo.get(value) ?? memoPre.get(value);
      if (hit) return hit;
      const name = `$t${temps++}`;
      locals.push(name);
      target.push(`(local.set ${name} ${value})`);
      const get = `(local.get ${name})`;
      memo.set(value, get);
      return get;
    },
    flag: (mask) => {
      if (target === pre) {
        preFlags = true;
        pre.push(`(local.set $badpre (v128.or (local.get $badpre) ${mask}))`);
      } else conditions.push({ mask, ok: false, at: current });
    },
    require: (mask) => {
      if (target === pre) {
        preFlags = true;
        pre.push(`(local.set $badpre (v128.or (local.get $badpre) (v128.not ${mask})))`);
      } else conditions.push({ mask, ok: true, at: current });
    },
    maybeNaN: (value) => !notNaN.has(value),
    squareOf: (value) => {
      const m = /^\(local\.get \$v(\d+)\)$/.exec(value);
      if (!m) return null;
      const ins = instrs[Number(m[1])];
      if (ins.kind !== 'op' || program.boolean[ins.args[0]]) return null;
      const two = ins.op === 'pow' && instrs[ins.args[1]].kind === 'const' && (instrs[ins.args[1]] as { value: number }).value === 2;
      return two || (ins.op === 'mul' && ins.args[0] === ins.args[1]) ? get(ins.args[0]) : null;
    },
  };
  // Values kept as text rather than in a local (negation: one instruction, and the primitives see
  // through it, e.g. |−a| = |a|, so sigmoid(x) and sigmoid(−x) share their exponential).
  const inline = new Map<number, string>();
  const get = (i: number): string => inline.get(i) ?? `(local.get $v${i})`;
  const asNumber = (i: number): string => (program.boolean[i] ? `(v128.and ${get(i)} ${ctx.k(1)})` : get(i));
  const asMask = (i: number): string => {
    if (program.boolean[i]) return get(i);
    // A number as a condition: NaN is neither true nor false (select gives NaN): scalar path.
    if (ctx.maybeNaN(get(i))) ctx.flag(ne(get(i), get(i)));
    return ne(get(i), ctx.k(0));
  };
  instrs.forEach((ins, i) => {
    if (!needed[i]) return;
    current = i;
    target = varying[i] ? body : pre;
    let value: string;
    if (ins.kind === 'x') {
      value = '(local.get $x)';
      notNaN.add(`(local.get $v${i})`);
    } else if (ins.kind === 'const') {
      value = ctx.k(ins.value);
      if (ins.value === ins.value) notNaN.add(`(local.get $v${i})`);
    }
    else if (ins.kind === 'param') value = mode === 'shared' ? `(f32x4.splat (f32.load offset=${4 * ins.index} (local.get $pp)))` : `(local.get $P${ins.index})`;
    else if (ins.op === 'pow') {
      const e = instrs[ins.args[1]];
      value = vpow(ctx, asNumber(ins.args[0]), asNumber(ins.args[1]), e.kind === 'const' ? e.value : null);
    } else if (ins.op === 'mul' && sigmoidPair(program, ins.args[0], ins.args[1]) !== null) {
      // sigmoid(a)·sigmoid(−a) = e/(1 + e)² with e = e^−|a|: one division (sigmoid's derivative).
      value = vsigmoidProduct(ctx, get(sigmoidPair(program, ins.args[0], ins.args[1]) as number));
    } else if (ins.op === 'sinc_d') {
      value = vsincD(ctx, sincOrder(program, ins.args[0]) as number, asNumber(ins.args[1]));
    } else if (ins.op === 'div' && reciprocal(instrs[ins.args[1]]) !== null && !program.boolean[ins.args[0]]) {
      // a/c as a·(1/c): a multiplication instead of a division (exact for a power of two, else within
      // one ulp of the quotient).
      value = `(f32x4.mul ${asNumber(ins.args[0])} ${ctx.k(reciprocal(instrs[ins.args[1]]) as number)})`;
    } else {
      const op = VECTOR_OPS[ins.op];
      if (!op) throw new Error(`render: no vector version of '${ins.op}'`);
      value = op(ctx, ins.args.map((a, k) => (wantsMask(ins.op, k) ? asMask(a) : asNumber(a))));
    }
    if (ins.kind === 'op' && ins.op === 'neg' && !program.boolean[i]) {
      inline.set(i, value);
      if (!ctx.maybeNaN(get(ins.args[0]))) notNaN.add(value);
      return;
    }
    locals.push(`$v${i}`);
    target.push(`(local.set $v${i} ${value})`);
  });
  const cones = outputs.map((o) => {
    const cone = new Set<number>();
    const todo = [o];
    while (todo.length > 0) {
      const i = todo.pop() as number;
      if (cone.has(i)) continue;
      cone.add(i);
      const ins = instrs[i];
      if (ins.kind === 'op') todo.push(...ins.args);
    }
    return cone;
  });
  return { pre, body, outs: outputs.map(asNumber), locals, constLocals, bigIndex: table.add(f32Bits(BIG)), conditions, cones, preFlags };
}

/** Local declarations and constant loads of a function. */
function header(b: Body, extra: string): string {
  const decl = [...new Set(b.locals)].map((n) => `(local ${n} v128)`).join(' ');
  const consts = [...b.constLocals.values()].map((name) => `(local ${name} v128)`).join(' ');
  const loads = [...b.constLocals.entries()].map(([idx, name]) => `(local.set ${name} (v128.load offset=${16 * idx} (local.get $cp)))`).join('\n');
  return `(local $x v128) (local $kbig v128) (local $badpre v128) (local $o i32) (local $end i32) (local $end4 i32) (local $mask i32) ${extra} ${decl} ${consts}
${loads}
(local.set $kbig (v128.load offset=${16 * b.bigIndex} (local.get $cp)))`;
}

/** i32 bitmask of the four lanes of a mask vector. */
const bitmask = (m: string): string => `(i32x4.bitmask ${m})`;

/**
 * The lanes that keep their vector result: x neither NaN nor beyond ±BIG, every output finite, and no
 * primitive sending them to the scalar path (the scalar code gives NaN for a NaN x, like the JavaScript
 * kernels). The others go to `fix`.
 */
function goodMask(b: Body, k: number, out: string): string {
  const x = '(local.get $x)';
  let m = `(v128.and (f32x4.le (f32x4.abs ${x}) (local.get $kbig)) ${finite(out)})`;
  const mine = b.conditions.filter((c) => b.cones[k].has(c.at));
  for (const c of mine) if (c.ok) m = `(v128.and ${m} ${c.mask})`;
  const bad = [...mine.filter((c) => !c.ok).map((c) => c.mask), ...(b.preFlags ? ['(local.get $badpre)'] : [])];
  if (bad.length > 0) m = `(v128.andnot ${m} ${bad.reduce((a, c) => `(v128.or ${a} ${c})`)})`;
  return m;
}

/**
 * The lanes for `fix`, 4 bits per output (output k in bits 4k..4k+3; lane 0 only in the tail), from the
 * outputs' good masks.
 */
function fixMask(goods: readonly string[], tail: boolean): string {
  const parts = goods.map((g, k) => {
    const bad = `(i32.xor ${bitmask(g)} (i32.const 15))`;
    return k === 0 ? bad : `(i32.shl ${bad} (i32.const ${4 * k}))`;
  });
  const all = parts.reduce((a, c) => `(i32.or ${a} ${c})`);
  return `(i32.and ${all} (i32.const ${tail ? 0x11111111 : -1}))`;
}

/**
 * The loops of an elementwise function over n floats: the body's parameter-only statements, then four
 * elements per iteration and a one-element tail, with the byte offset in $o.
 */
function elementLoops(b: Body, iteration: (tail: boolean) => string): string {
  return `(local.set $badpre (v128.const i64x2 0 0))
  ${b.pre.join('\n')}
  (local.set $end (i32.shl (local.get $n) (i32.const 2)))
  (local.set $end4 (i32.and (local.get $end) (i32.const -16)))
  (local.set $o (i32.const 0))
  (block $vb (loop $vl
    (br_if $vb (i32.ge_u (local.get $o) (local.get $end4)))
    ${iteration(false)}
    (local.set $o (i32.add (local.get $o) (i32.const 16)))
    (br $vl)))
  (block $sb (loop $sl
    (br_if $sb (i32.ge_u (local.get $o) (local.get $end)))
    ${iteration(true)}
    (local.set $o (i32.add (local.get $o) (i32.const 4)))
    (br $sl)))`;
}

/**
 * An elementwise function over n floats: `load` sets $x for element offset $o (bytes), `store(outs)`
 * writes a vector (4 lanes) or lane 0 (tail). Outputs are held in locals $r0.. so the bad mask can
 * read them.
 */
function elementwise(name: string, params: string, program: Program, outputs: readonly number[], table: Constants, store: (r: string[], tail: boolean) => string, extraLocals = ''): string {
  const b = renderBody(program, outputs, 'shared', table);
  const rl = outputs.map((_, i) => `(local $r${i} v128)`).join(' ');
  const r = outputs.map((_, i) => `(local.get $r${i})`);
  const iteration = (tail: boolean): string => `
    (local.set $x ${tail ? '(v128.load32_splat (i32.add (local.get $px) (local.get $o)))' : '(v128.load (i32.add (local.get $px) (local.get $o)))'})
    ${b.body.join('\n')}
    ${b.outs.map((o, i) => `(local.set $r${i} ${o})`).join('\n')}
    ${store(r, tail)}
    (local.set $mask ${fixMask(r.map((o, k) => goodMask(b, k, o)), tail)})
    (if (local.get $mask) (then (call $fix (i32.shr_u (local.get $o) (i32.const 2)) (local.get $mask))))`;
  return `
(func (export "${name}") ${params} (param $n i32) (param $pp i32) (param $cp i32)
  ${header(b, `${rl} ${extraLocals}`)}
  ${elementLoops(b, iteration)})`;
}

const at = (p: string): string => `(i32.add (local.get ${p}) (local.get $o))`;
const storeV = (p: string, v: string, tail: boolean): string => (tail ? `(v128.store32_lane 0 ${at(p)} ${v})` : `(v128.store ${at(p)} ${v})`);


/** Renders the whole module for a program whose outputs are [f, f', ∂f/∂p₀, …]. */
export function renderKernelModule(program: Program, shared: boolean): RenderedModule {
  const table = new Constants();
  const nParams = program.params.length;
  const [f, df, ...dp] = program.outputs;
  const funcs: string[] = [];
  funcs.push(elementwise('forward', '(param $px i32) (param $py i32)', program, [f], table, (r, t) => storeV('$py', r[0], t)));
  funcs.push(elementwise('forwardDeriv', '(param $px i32) (param $py i32) (param $pd i32)', program, [f, df], table, (r, t) => `${storeV('$py', r[0], t)} ${storeV('$pd', r[1], t)}`));
  funcs.push(elementwise('backward', '(param $px i32) (param $pdy i32) (param $pdx i32)', program, [df], table,
    (r, t) => storeV('$pdx', `(f32x4.mul ${t ? '(v128.load32_splat ' : '(v128.load '}${at('$pdy')}) ${r[0]})`, t)));
  if (nParams > 0) {
    funcs.push(paramGrad(program, dp, table));
    funcs.push(colsFunction(program, [f, df], table, 'forwardDerivCols'));
    funcs.push(colsFunction(program, dp, table, 'paramGradCols'));
  }
  const constants = new Float32Array(table.list.length * 4);
  const bits = new Int32Array(constants.buffer);
  table.list.forEach((c, i) => bits.set(c, 4 * i));
  const wat = `(module
${memoryImport(shared)}
(import "env" "fix" (func $fix (param i32 i32)))
${funcs.join('\n')}
)`;
  return { wat, constants };
}

/**
 * paramGrad(x, dy, n, pp, cp, gp): gp[k] (f64) = Σ dy·∂f/∂p_k over the good lanes (f64 accumulation);
 * bad lanes are reported to `fix` and left out.
 */
function paramGrad(program: Program, dp: readonly number[], table: Constants): string {
  const b = renderBody(program, dp, 'shared', table);
  const K = dp.length;
  const accLocals = dp.map((_, k) => `(local $g${k}a v128) (local $g${k}b v128) (local $r${k} v128)`).join(' ');
  const r = dp.map((_, k) => `(local.get $r${k})`);
  const iteration = (tail: boolean): string => `
    (local.set $x ${tail ? '(v128.load32_splat (i32.add (local.get $px) (local.get $o)))' : '(v128.load (i32.add (local.get $px) (local.get $o)))'})
    (local.set $dy ${tail ? '(v128.load32_zero (i32.add (local.get $pdy) (local.get $o)))' : '(v128.load (i32.add (local.get $pdy) (local.get $o)))'})
    ${b.body.join('\n')}
    ${b.outs.map((o, k) => `(local.set $r${k} ${o})`).join('\n')}
    ${dp.map((_, k) => `(local.set $gm${k} ${goodMask(b, k, r[k])})`).join('\n')}
    (local.set $mask ${fixMask(dp.map((_, k) => `(local.get $gm${k})`), tail)})
    ${dp.map((_, k) => `(local.set $c (v128.and (f32x4.mul (local.get $dy) (local.get $r${k})) (local.get $gm${k})))
    (local.set $g${k}a (f64x2.add (local.get $g${k}a) (f64x2.promote_low_f32x4 (local.get $c))))
    (local.set $g${k}b (f64x2.add (local.get $g${k}b) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $c) (local.get $c)))))`).join('\n')}
    (if (local.get $mask) (then (call $fix (i32.shr_u (local.get $o) (i32.const 2)) (local.get $mask))))`;
  return `
(func (export "paramGrad") (param $px i32) (param $pdy i32) (param $n i32) (param $pp i32) (param $cp i32) (param $gp i32)
  ${header(b, `(local $dy v128) (local $c v128) ${dp.map((_, k) => `(local $gm${k} v128)`).join(' ')} ${accLocals}`)}
  ${elementLoops(b, iteration)}
  ${Array.from({ length: K }, (_, k) => `(f64.store offset=${8 * k} (local.get $gp) (f64.add (f64.add (f64x2.extract_lane 0 (local.get $g${k}a)) (f64x2.extract_lane 1 (local.get $g${k}a))) (f64.add (f64x2.extract_lane 0 (local.get $g${k}b)) (f64x2.extract_lane 1 (local.get $g${k}b)))))`).join('\n')})`;
}

/**
 * Per-column variants over a rows×cols matrix, parameters P_k(c) at pp + 4(k·cols + c):
 * forwardDerivCols(x, y, d, rows, cols, pp, cp) and paramGradCols(x, dy, rows, cols, pp, cp, gp) with
 * gp[k·cols + c] (f64) += Σ_rows dy·∂f/∂p_k. Columns go four at a time, then one at a time.
 */
function colsFunction(program: Program, outputs: readonly number[], table: Constants, name: 'forwardDerivCols' | 'paramGradCols'): string {
  const b = renderBody(program, outputs, 'cols', table);
  const K = program.params.length;
  const grad = name === 'paramGradCols';
  const r = outputs.map((_, i) => `(local.get $r${i})`);
  const pLocals = Array.from({ length: K }, (_, k) => `(local $P${k} v128)`).join(' ');
  const rLocals = outputs.map((_, i) => `(local $r${i} v128)`).join(' ');
  const chunk = (tail: boolean): string => {
    const loadP = Array.from({ length: K }, (_, k) => {
      const addr = `(i32.add (local.get $pp) (i32.shl (i32.add (i32.mul (i32.const ${k}) (local.get $cols)) (local.get $c)) (i32.const 2)))`;
      return `(local.set $P${k} ${tail ? `(v128.load32_splat ${addr})` : `(v128.load ${addr})`})`;
    }).join('\n');
    const load = (p: string): string => (tail ? `(v128.load32_splat ${at(p)})` : `(v128.load ${at(p)})`);
    let work: string;
    if (!grad) work = `${storeV('$py', r[0], tail)} ${storeV('$pd', r[1], tail)}`;
    else {
      work = outputs.map((_, k) => {
        const g = `(i32.add (local.get $gp) (i32.shl (i32.add (i32.mul (i32.const ${k}) (local.get $cols)) (local.get $c)) (i32.const 3)))`;
        const contrib = `(local.set $cv (v128.and (f32x4.mul (local.get $dy) (local.get $r${k})) (local.get $gm${k})))`;
        if (tail) return `${contrib} (f64.store ${g} (f64.add (f64.load ${g}) (f64.promote_f32 (f32x4.extract_lane 0 (local.get $cv)))))`;
        return `${contrib}
          (v128.store ${g} (f64x2.add (v128.load ${g}) (f64x2.promote_low_f32x4 (local.get $cv))))
          (v128.store offset=16 ${g} (f64x2.add (v128.load offset=16 ${g}) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $cv) (local.get $cv)))))`;
      }).join('\n');
    }
    return `
      ${loadP}
      (local.set $x ${load('$px')})
      ${grad ? `(local.set $dy ${load('$pdy')})` : ''}
      ${b.body.join('\n')}
      ${b.outs.map((o, i) => `(local.set $r${i} ${o})`).join('\n')}
      ${outputs.map((_, k) => `(local.set $gm${k} ${goodMask(b, k, r[k])})`).join('\n')}
      (local.set $mask ${fixMask(outputs.map((_, k) => `(local.get $gm${k})`), tail)})
      ${work}
      (if (local.get $mask) (then (call $fix (i32.shr_u (local.get $o) (i32.const 2)) (local.get $mask))))`;
  };
  const io = grad ? '(param $px i32) (param $pdy i32)' : '(param $px i32) (param $py i32) (param $pd i32)';
  return `
(func (export "${name}") ${io} (param $rows i32) (param $cols i32) (param $pp i32) (param $cp i32) ${grad ? '(param $gp i32)' : ''}
  ${header(b, `(local $row i32) (local $c i32) (local $c4 i32) (local $dy v128) (local $cv v128) ${outputs.map((_, k) => `(local $gm${k} v128)`).join(' ')} ${pLocals} ${rLocals}`)}
  (local.set $badpre (v128.const i64x2 0 0))
  ${b.pre.join('\n')}
  (local.set $c4 (i32.and (local.get $cols) (i32.const -4)))
  (local.set $o (i32.const 0))
  (local.set $row (i32.const 0))
  (block $rb (loop $rl
    (br_if $rb (i32.ge_u (local.get $row) (local.get $rows)))
    (local.set $c (i32.const 0))
    (block $vb (loop $vl
      (br_if $vb (i32.ge_u (local.get $c) (local.get $c4)))
      ${chunk(false)}
      (local.set $o (i32.add (local.get $o) (i32.const 16)))
      (local.set $c (i32.add (local.get $c) (i32.const 4)))
      (br $vl)))
    (block $sb (loop $sl
      (br_if $sb (i32.ge_u (local.get $c) (local.get $cols)))
      ${chunk(true)}
      (local.set $o (i32.add (local.get $o) (i32.const 4)))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br $sl)))
    (local.set $row (i32.add (local.get $row) (i32.const 1)))
    (br $rl))))`;
}
