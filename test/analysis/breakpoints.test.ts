import { describe, expect, it } from 'vitest';
import { findBreakpoints } from '../../src/analysis/breakpoints.js';
import { analyze } from '../../src/analysis/analyze.js';
import { analyzableFromExpression } from '../../src/analysis/analyzableFromExpression.js';
import { num, op, sym } from '../../src/expr/ast.js';

const x = sym('x');

describe('findBreakpoints', () => {
  it('finds where a select condition, abs, max, min, clamp, sign and step switch', () => {
    expect(findBreakpoints(op('select', op('gt', x, num(0)), x, num(0)), {})).toEqual([0]);
    expect(findBreakpoints(op('abs', op('sub', x, num(2))), {})).toEqual([2]);
    expect(findBreakpoints(op('min', op('max', x, num(0)), num(6)), {})).toEqual([0, 6]);
    expect(findBreakpoints(op('clamp', x, num(-1), num(1)), {})).toEqual([-1, 1]);
    expect(findBreakpoints(op('add', op('sign', x), op('step', op('sub', x, num(3)))), {})).toEqual([0, 3]);
  });

  it('bisects a switch that falls between scan points to the nearest double', () => {
    const [b] = findBreakpoints(op('select', op('lt', x, sym('t')), num(0), x), { t: Math.PI });
    expect(b).toBeCloseTo(Math.PI, 14);
  });

  it('uses parameter values, and searches only the branch a parameter-only condition takes', () => {
    const e = op('select', op('gt', sym('a'), num(0)), op('abs', op('sub', x, sym('a'))), op('abs', op('add', x, num(5))));
    expect(findBreakpoints(e, { a: 2 })).toEqual([2]);
    expect(findBreakpoints(e, { a: -1 })).toEqual([-5]);
  });

  it('finds switches inside and/or/not conditions', () => {
    const cond = op('and', op('gt', x, num(-3)), op('not', op('ge', x, num(3))));
    expect(findBreakpoints(op('select', cond, x, num(0)), {})).toEqual([-3, 3]);
  });

  it('returns nothing for a smooth expression', () => {
    expect(findBreakpoints(op('mul', x, op('sigmoid', x)), {})).toEqual([]);
  });
});

describe('analyzableFromExpression', () => {
  it('feeds analyze the symbolic derivatives: elu (alpha = 1) is C1 with range (−1, ∞)', () => {
    const elu = op('select', op('gt', x, num(0)), x, op('mul', sym('alpha'), op('expm1', x)));
    const p = analyze(analyzableFromExpression(elu, { alpha: 1 }));
    expect(p.continuity).toBe('C1');
    expect(p.range).toEqual({ lower: -1, upper: null, lowerClosed: false, upperClosed: false });
    expect(p.identityNearOrigin).toBe(true);
  });

  it('feeds analyze the breakpoints it finds: relu6 written with min and max has dead zones left of 0 and right of 6', () => {
    const p = analyze(analyzableFromExpression(op('min', op('max', x, num(0)), num(6))));
    expect(p.deadZones).toEqual([{ from: null, to: 0 }, { from: 6, to: null }]);
    expect(p.continuity).toBe('C0');
  });
});
