import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { analyzableFromExpression } from '../../src/analysis/analyzableFromExpression.js';
import { ANALYSIS_BUDGET, PHASE_BUDGETS, charge, exhausted, spent, withBudget } from '../../src/analysis/budget.js';
import type { PropertyEvidence } from '../../src/analysis/properties.js';
import { piecesOf, proveSign } from '../../src/analysis/prove.js';
import { symbolicLimit } from '../../src/analysis/series.js';
import { parse } from '../../src/expr/parse.js';
import { simplify } from '../../src/expr/simplify.js';
import { diff } from '../../src/expr/diff.js';

const expr = (s: string) => simplify(parse(s).expr);

/** Operations one analysis of `s` spends (counted by an outer budget that never runs out). */
function cost(s: string): number {
  return withBudget(Infinity, () => {
    analyze(analyzableFromExpression(expr(s)));
    return spent();
  });
}

describe('the analysis work budget (counted in operations)', () => {
  it('counts nested budgets against each other and runs out when any does', () => {
    expect(exhausted()).toBe(false);
    charge(1e12); // outside any budget nothing is counted
    expect(spent()).toBe(0);
    withBudget(10, () => {
      withBudget(100, () => {
        charge(5);
        expect(exhausted()).toBe(false);
        charge(5);
        expect(exhausted()).toBe(true); // the outer one is spent
      });
      expect(spent()).toBe(10);
    });
    expect(exhausted()).toBe(false);
  });

  it('gives up a proof when the budget is spent, and finds it when it is not', () => {
    // f′ of x − tanh(x) is tanh² ≥ 0: proved with the budget, unknown without any
    const g = expr('tanh(x)^2');
    const tower = [g, simplify(diff(g, 'x')), simplify(diff(simplify(diff(g, 'x')), 'x'))];
    const piece = piecesOf([])[1];
    expect(proveSign(tower, 1, piece)).toBe(true);
    expect(withBudget(0, () => proveSign(tower, 1, piece))).toBeNull();
    expect(withBudget(0, () => symbolicLimit(expr('sigmoid(x)'), { at: Infinity, side: -1 }))).toBeNull();
    // an answer cut short is not remembered: the same limit is found afterwards
    expect(symbolicLimit(expr('sigmoid(x)'), { at: Infinity, side: -1 })).toBe(1);
  });

  it('falls back to sampling, never to a claim, when the budget is spent: every proof then was a proof before', () => {
    // these rest on proofs that search (boxes, expansions); what enclosures at single points prove stays proved
    // (max |f′| of x − tanh(x): tanh² ≤ 1 on the whole line, = 1 far out; x·sigmoid(x) not monotonic: f′ < 0
    // at one point and > 0 at another)
    const keys: (keyof PropertyEvidence)[] = ['continuity', 'limits', 'saturating', 'derivativeLimits'];
    for (const s of ['x - tanh(x)', 'cbrt(x)', 'x > 0 ? sqrt(x) : 0', 'x*sigmoid(x)', 'log(1 + exp(x))', 'sqrt(abs(x))']) {
      const full = analyze(analyzableFromExpression(expr(s)));
      const starved = withBudget(0, () => analyze(analyzableFromExpression(expr(s))));
      const { symbolic: _, ...plain } = analyzableFromExpression(expr(s));
      const sampled = analyze(plain);
      for (const k of Object.keys(starved.evidence) as (keyof PropertyEvidence)[]) {
        if (starved.evidence[k] === 'proved') expect(full.evidence[k], `${s}: ${k}`).toBe('proved');
      }
      for (const k of keys) expect(starved.evidence[k], `${s}: ${k}`).toBe('sampled');
      expect(starved.continuity, s).toBe(sampled.continuity);
      expect(starved.limits, s).toEqual(sampled.limits);
    }
  });

  it('keeps the analysis of deep compositions and of many poles within its budget', () => {
    const deep = [
      'sinc(sigmoid(log(sqrt(exp(sin(sigmoid(sin(log(sin(log(softplus(x))))))))))))',
      'sigmoid(softplus(erf(sin(sin(sinc(cbrt(erf(sigmoid(log(sinc(x)))))))))))',
      Array.from({ length: 20 }, () => 'sin(x)').join('/'),
    ];
    for (const s of deep) {
      const c = cost(s);
      // a phase stops at its first check past its share: the overshoot is one enclosure or one expansion
      expect(c, s).toBeLessThanOrEqual(1.25 * ANALYSIS_BUDGET);
      expect(c, s).toBeGreaterThan(Math.min(...Object.values(PHASE_BUDGETS)));
    }
  });

  it('costs the catalog-like expressions far less than the budget', () => {
    for (const s of ['x*sigmoid(x)', 'x - tanh(x)', 'x*tanh(softplus(x))', 'x > 0 ? x : exp(x) - 1']) {
      expect(cost(s), s).toBeLessThan(ANALYSIS_BUDGET / 4);
    }
  });
});
