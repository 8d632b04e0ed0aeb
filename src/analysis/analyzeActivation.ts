import type { Activation } from '../activations/activation.js';
import { compileScalar } from '../expr/compile.js';
import { diff } from '../expr/diff.js';
import { analyze } from './analyze.js';
import { findBreakpoints } from './breakpoints.js';
import type { Properties } from './properties.js';
import { substitute } from './prove.js';
import type { Expr } from '../expr/ast.js';

const cache = new WeakMap<Activation, Properties>();

/** The computed properties of a resolved activation (built-in or custom), memoised per activation. */
export function analyzeActivation(a: Activation): Properties {
  const hit = cache.get(a);
  if (hit) return hit;
  const env = Object.fromEntries(a.paramNames.map((n, i) => [n, a.paramValues[i]]));
  let third: ((x: number) => number) | undefined;
  const symbolic: Expr[] = [];
  const props = analyze({
    f: a.f,
    derivative: (k) => {
      if (k === 1) return a.df;
      if (k === 2) return a.d2f;
      if (!third) {
        const d3 = compileScalar(diff(a.secondDerivative, 'x'), a.paramNames);
        third = (x) => d3(x, a.paramValues);
      }
      return third;
    },
    breakpoints: findBreakpoints(a.expr, env),
    symbolic: {
      f: substitute(a.expr, env),
      derivative: (k) => (symbolic[k] ??= substitute(k === 1 ? a.derivative : k === 2 ? a.secondDerivative : diff(a.secondDerivative, 'x'), env)),
    },
  });
  cache.set(a, props);
  return props;
}
