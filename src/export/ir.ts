/**
 * The IR the exporters render: the expression core's linear SSA program (src/expr/ir.ts), plus which
 * instructions an output needs.
 */
import type { Program } from '../expr/ir.js';

export { lower, type Instr, type PrimitiveName, type Program } from '../expr/ir.js';

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
