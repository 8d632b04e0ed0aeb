/** The list of lessons, in teaching order, and lookup by id or number. */
import { ActlabError } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';
import type { Lesson } from './lesson.js';
import { neuronLesson } from './catalog/neuron.js';
import { linearDepthLesson } from './catalog/linearDepth.js';
import { xorLesson } from './catalog/xor.js';
import { stepGradientLesson } from './catalog/stepGradient.js';
import { linearGradientLesson } from './catalog/linearGradient.js';
import { sigmoidSquashLesson } from './catalog/sigmoidSquash.js';
import { vanishingGradientsLesson } from './catalog/vanishingGradients.js';
import { tanhSigmoidLesson } from './catalog/tanhSigmoid.js';
import { reluSparsityLesson } from './catalog/reluSparsity.js';
import { dyingReluLesson } from './catalog/dyingRelu.js';
import { reluCostLesson } from './catalog/reluCost.js';
import { softmaxLesson } from './catalog/softmax.js';
import { boundedLrLesson } from './catalog/boundedLr.js';
import { identityOriginLesson } from './catalog/identityOrigin.js';
import { monotonicConvexLesson } from './catalog/monotonicConvex.js';
import { startWithReluLesson } from './catalog/startWithRelu.js';
import { gradedOutputsLesson } from './catalog/gradedOutputs.js';
import { universalApproximationLesson } from './catalog/universalApproximation.js';
import { smoothMonotonicLesson } from './catalog/smoothMonotonic.js';
import { explodingGradientsLesson } from './catalog/explodingGradients.js';
import { mixedLayersLesson } from './catalog/mixedLayers.js';
import { linearBackpropLesson } from './catalog/linearBackprop.js';
import { leakyRecoveryLesson } from './catalog/leakyRecovery.js';
import { reluBlowupLesson } from './catalog/reluBlowup.js';
import { sparseComputeLesson } from './catalog/sparseCompute.js';
import { sigmoidProbabilityLesson } from './catalog/sigmoidProbability.js';

/** Every lesson, in teaching order. */
export const LESSONS: readonly Lesson[] = [
  neuronLesson,
  linearDepthLesson,
  xorLesson,
  stepGradientLesson,
  linearGradientLesson,
  sigmoidSquashLesson,
  vanishingGradientsLesson,
  tanhSigmoidLesson,
  reluSparsityLesson,
  dyingReluLesson,
  reluCostLesson,
  softmaxLesson,
  boundedLrLesson,
  identityOriginLesson,
  monotonicConvexLesson,
  startWithReluLesson,
  gradedOutputsLesson,
  universalApproximationLesson,
  smoothMonotonicLesson,
  explodingGradientsLesson,
  mixedLayersLesson,
  linearBackpropLesson,
  leakyRecoveryLesson,
  reluBlowupLesson,
  sparseComputeLesson,
  sigmoidProbabilityLesson,
];

/** The lesson with this id (case, `-` and `_` ignored) or number; throws ActlabError when there is none. */
export function getLesson(idOrNumber: string): Lesson {
  const key = idOrNumber.trim().toLowerCase().replace(/-/g, '_');
  const found = LESSONS.find((l) => l.id === key || String(l.number) === key);
  if (found) return found;
  const hint = didYouMean(key, LESSONS.map((l) => l.id)) || '';
  throw new ActlabError(`unknown lesson '${idOrNumber}';${hint} run 'actlab lessons' for the list`);
}
