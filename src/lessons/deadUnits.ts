/**
 * The experiment behind dying_relu and leaky_recovery: a 2-32-32-1 network trained with SGD on 'moons', with
 * every hidden unit's pre-activation checked on the whole training set before training and after every epoch.
 * A unit is silent when its pre-activation is ≤ 0 on every training row (for ReLU: dead, output and gradient 0
 * everywhere); leaky ReLU units are measured the same way, by pre-activation, not by f′.
 */
import { getDataset } from '../data/builtins.js';
import { buildNetwork, datasetTargets, fitModel } from '../run/index.js';

/** Settings of one run. */
export interface DeadRunSpec {
  readonly activation: string;
  readonly lr: number;
  readonly biasInit: number;
  readonly epochs: number;
  readonly seed: number;
}

/** What one run gives. */
export interface DeadRun {
  /** Share of hidden units silent before training. */
  readonly silentAtStart: number;
  /** Share silent after the last epoch. */
  readonly silentAtEnd: number;
  /** Share silent at the end that were not silent at the start. */
  readonly newlySilent: number;
  /** Share of units that were silent at the start or after some epoch. */
  readonly everSilent: number;
  /** Of the units ever silent, the share not silent at the end (0 when none was). */
  readonly recovered: number;
  /** The same for the first hidden layer only, whose inputs (the data) never change. */
  readonly recoveredLayer1: number;
  /** Units ever silent, and recovered, counted (both layers). */
  readonly everSilentUnits: number;
  readonly recoveredUnits: number;
  /** Share silent after each epoch (index 0 = before training). */
  readonly curve: readonly number[];
  readonly accuracy: number;
  readonly diverged: boolean;
}

/** Trains one network and follows its silent units. */
export function deadRun(s: DeadRunSpec): DeadRun {
  const data = datasetTargets(getDataset('moons', { n: 200, seed: s.seed, noise: 0.1 }));
  const model = buildNetwork({ inputSize: 2, hidden: [32, 32], activation: s.activation, outputSize: 1, loss: 'binary_crossentropy', seed: s.seed * 100, init: 'he_normal', biasInit: s.biasInit });
  const units = model.layers.slice(0, -1).map((l) => l.units);
  const total = units.reduce((a, b) => a + b, 0);
  const silentNow = (): Uint8Array[] => model.hiddenPasses(data.x, data.rows).map((p, i) => silentUnits(p.z, data.rows, units[i]));
  const share = (masks: readonly Uint8Array[]) => masks.reduce((s2, m) => s2 + m.reduce((a, b) => a + b, 0), 0) / total;
  const start = silentNow();
  const ever = start.map((m) => Uint8Array.from(m));
  const curve = [share(start)];
  let last = start;
  const { history, diverged } = fitModel(model, { train: data }, { epochs: s.epochs, learningRate: s.lr, batchSize: 20, seed: s.seed, diagnostics: false }, {
    onDivergence: 'stop',
    onEpoch: () => {
      last = silentNow();
      last.forEach((m, l) => m.forEach((v, j) => (ever[l][j] |= v)));
      curve.push(share(last));
    },
  });
  let newly = 0;
  let everCount = 0;
  let rec = 0;
  let ever1 = 0;
  let rec1 = 0;
  last.forEach((m, l) =>
    m.forEach((v, j) => {
      if (v && !start[l][j]) newly++;
      if (ever[l][j]) {
        everCount++;
        if (!v) rec++;
        if (l === 0) {
          ever1++;
          if (!v) rec1++;
        }
      }
    }),
  );
  return {
    silentAtStart: curve[0],
    silentAtEnd: share(last),
    newlySilent: newly / total,
    everSilent: everCount / total,
    recovered: everCount === 0 ? 0 : rec / everCount,
    recoveredLayer1: ever1 === 0 ? 0 : rec1 / ever1,
    everSilentUnits: everCount,
    recoveredUnits: rec,
    curve,
    accuracy: history[history.length - 1]?.trainAccuracy ?? 0,
    diverged,
  };
}

/** Per unit of a layer: 1 when its pre-activation is ≤ 0 on every row (it never fires on the data), else 0. */
export function silentUnits(z: Float32Array, rows: number, units: number): Uint8Array {
  const silent = new Uint8Array(units).fill(1);
  for (let r = 0; r < rows; r++) for (let j = 0; j < units; j++) if (z[r * units + j] > 0) silent[j] = 0;
  return silent;
}
