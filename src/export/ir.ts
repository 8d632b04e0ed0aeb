/**
 * The IR the exporters render: a linear SSA program over the primitives (the contract of /IR.md).
 * Until src/expr/ir.ts lands on main this module lowers the AST itself, with the same shape: common
 * subexpressions once (structural keys), constants folded with the interpreter's own evaluation, and
 * `varying`/`boolean` flags per instruction.
 */
import type { Expr } from '../expr/ast.js';
import { keyOf } from '../expr/keys.js';
import { primitive } from '../expr/primitives.js';

/** Every primitive name of the language. */
export type PrimitiveName = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'neg' | 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne'
  | 'and' | 'or' | 'not' | 'select' | 'exp' | 'expm1' | 'log' | 'log1p' | 'sqrt' | 'cbrt' | 'abs' | 'sign' | 'step'
  | 'sin' | 'cos' | 'tan' | 'asin' | 'acos' | 'atan' | 'sinh' | 'cosh' | 'tanh' | 'sech' | 'asinh' | 'acosh' | 'atanh'
  | 'erf' | 'erfc' | 'sigmoid' | 'softplus' | 'logsigmoid' | 'sinc' | 'sinc_d' | 'min' | 'max' | 'clamp' | 'hypot';

/** One SSA instruction; `args` are indices of earlier instructions. */
export type Instr =
  | { readonly kind: 'x' }
  | { readonly kind: 'const'; readonly value: number }
  | { readonly kind: 'param'; readonly index: number; readonly name: string }
  | { readonly kind: 'op'; readonly op: PrimitiveName; readonly args: readonly number[] };

/** A lowered program with several outputs. */
export interface Program {
  readonly instrs: readonly Instr[];
  readonly outputs: readonly number[];
  readonly params: readonly string[];
  readonly varying: readonly boolean[];
  readonly boolean: readonly boolean[];
}

/** Lowers expressions in x and the named parameters to one program (shared subexpressions once, constants folded). */
export function lower(roots: readonly Expr[], params: readonly string[]): Program {
  const instrs: Instr[] = [];
  const varying: boolean[] = [];
  const bool: boolean[] = [];
  const byKey = new Map<string, number>();
  const keys = new Map<Expr, string>();
  const push = (key: string, ins: Instr, vary: boolean, isBool: boolean): number => {
    const hit = byKey.get(key);
    if (hit !== undefined) return hit;
    instrs.push(ins);
    varying.push(vary);
    bool.push(isBool);
    byKey.set(key, instrs.length - 1);
    return instrs.length - 1;
  };
  const visit = (e: Expr): number => {
    if (e.kind === 'num') return push(`n${Object.is(e.value, -0) ? '-0' : e.value}`, { kind: 'const', value: e.value }, false, false);
    if (e.kind === 'sym') {
      if (e.name === 'x') return push('sx', { kind: 'x' }, true, false);
      const index = params.indexOf(e.name);
      if (index < 0) throw new Error(`lower: unknown name '${e.name}'`);
      return push(`s${e.name}`, { kind: 'param', index, name: e.name }, false, false);
    }
    const args = e.args.map(visit);
    const p = primitive(e.op);
    if (args.every((a) => instrs[a].kind === 'const')) {
      const value = p.evaluate(args.map((a) => (instrs[a] as { value: number }).value));
      return push(`n${Object.is(value, -0) ? '-0' : value}`, { kind: 'const', value }, false, false);
    }
    return push(keyOf(e, keys), { kind: 'op', op: e.op as PrimitiveName, args }, args.some((a) => varying[a]), p.boolean === true);
  };
  const outputs = roots.map(visit);
  return { instrs, outputs, params: [...params], varying, boolean: bool };
}

/** used[i]: instruction i is needed by one of the given outputs (renderers skip the rest). */
export function usedInstructions(program: Program, outputs: readonly number[] = program.outputs): boolean[] {
  const used = program.instrs.map(() => false);
  for (const o of outputs) used[o] = true;
  for (let i = program.instrs.length - 1; i >= 0; i--) {
    const ins = program.instrs[i];
    if (used[i] && ins.kind === 'op') for (const a of ins.args) used[a] = true;
  }
  return used;
}
