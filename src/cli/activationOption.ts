import type { Activation } from '../activations/activation.js';
import { resolveActivation } from '../activations/resolve.js';
import { ActlabError } from '../util/errors.js';

/** Inputs at which a hidden activation and its derivative must be finite: a grid over [-20, 20] and 0. */
const PROBES: readonly number[] = [0, ...Array.from({ length: 161 }, (_, i) => -20 + i * 0.25)];

const shown = (t: string): string => (t.length > 40 ? `${t.slice(0, 37)}...` : t);

/**
 * Resolves an activation for training and checks that it and its derivative are finite on [-20, 20]:
 * `x/0` or `log(x)` would only show up as a diverged run, so they are named here, with the first bad x.
 */
export function resolveTrainingActivation(text: string, flag: string): Activation {
  const a = resolveActivation(text);
  for (const [name, f] of [['gives', a.f], ['has the derivative', a.df]] as const) {
    for (const x of PROBES) {
      const y = f(x);
      if (!Number.isFinite(y)) {
        throw new ActlabError(`${flag} '${shown(text)}' ${name} ${y} at x = ${x}; a hidden activation must be finite for finite inputs, so change the expression`);
      }
    }
  }
  return a;
}
