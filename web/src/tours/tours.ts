/**
 * Lessons as guided tours: for every lesson of src/lessons a preset that sets the explorer up to show the
 * lesson live, and 2–4 steps saying what to do and what to watch (English and Simplified Chinese). A step
 * may carry its own patch (e.g. "switch the hidden layer to tanh"); applying step k applies the preset and
 * the patches of steps 0..k, so any step can be applied on its own and always gives the same settings.
 *
 * Plain data and pure functions (no store, no DOM): the table is checked by `validateTours` in the tests.
 */
import { resolveActivation } from '../../../src/activations/resolve.js';
import { LESSON_TEXT, type Bilingual, type LessonId } from '../../../src/lessons/text.js';
import {
  CLASSIFICATION_SETS,
  DEFAULT_STATE,
  FEATURES,
  LIMITS,
  REGRESSION_SETS,
  type ExplorerState,
  type LayerState,
} from '../state/types.js';

/** Settings a tour may change: everything but the language and the tour position itself. */
export type TourPatch = Partial<Omit<ExplorerState, 'lang' | 'tour' | 'tourStep'>>;

/** One step of a tour: what to do and what to watch, and optionally settings of its own. */
export interface TourStep {
  readonly text: Bilingual;
  readonly patch?: TourPatch;
}

/** The tour of one lesson. */
export interface Tour {
  readonly id: LessonId;
  /** The lesson's number (as in src/lessons/lessons.ts). */
  readonly number: number;
  /** Settings that set the scene; a complete training set-up so the tour does not depend on what came before. */
  readonly preset: TourPatch;
  readonly steps: readonly TourStep[];
}

/** `n` hidden layers of `units` units with activation `act`. */
function layers(n: number, units: number, act: string): LayerState[] {
  return Array.from({ length: n }, () => ({ units, activation: act }));
}

/** A full training set-up: the defaults that matter for a reproducible scene, overridden by `o`. */
function scene(o: TourPatch): TourPatch {
  return {
    problem: 'classification',
    noise: 0,
    trainRatio: 50,
    points: 500,
    batchSize: 10,
    dataSeed: 1,
    initSeed: 1,
    features: ['x1', 'x2'],
    outputActivation: 'identity',
    loss: 'binary_crossentropy',
    optimizer: 'sgd',
    learningRate: 0.03,
    regularization: 'none',
    regRate: 0,
    compare: [],
    ...o,
  };
}

const s = (en: string, zh: string, patch?: TourPatch): TourStep => (patch ? { text: { en, zh }, patch } : { text: { en, zh } });

/** Every lesson's tour, in teaching order. */
export const TOURS: readonly Tour[] = [
  {
    id: 'neuron',
    number: 1,
    preset: scene({ dataset: 'circle', hidden: layers(1, 3, 'sigmoid') }),
    steps: [
      s(
        'The network has one hidden layer of 3 sigmoid neurons, each fed by the two inputs x1 and x2. Click a hidden neuron in the network diagram: the neuron inspector shows its two weights and its bias.',
        '网络只有一个隐藏层，含 3 个 sigmoid 神经元，每个神经元都接收两个输入 x1 和 x2。在网络图中点击一个隐藏神经元：神经元检查器会显示它的两个权重和偏置。',
      ),
      s(
        "Move the pointer over the plane. The inspector works out the neuron's computation at that point: the weighted sum z = w1·x1 + w2·x2 + b, then sigmoid(z), the number passed on to the output neuron. The neuron's small picture is that output drawn over the whole plane.",
        '把指针移到平面上。检查器会算出该点处这个神经元的计算过程：加权和 z = w1·x1 + w2·x2 + b，然后是 sigmoid(z)，也就是传给输出神经元的那个数。神经元的小图就是这个输出在整个平面上的分布。',
      ),
      s(
        'Press ▶. Training changes the weights (the thickness and colour of the links) but not the recipe: every neuron still multiplies, sums, adds its bias and applies its activation. The output neuron does the same, with the 3 hidden outputs as its inputs.',
        '点击 ▶。训练会改变权重（连线的粗细和颜色），但不会改变计算方式：每个神经元仍然是把输入乘以权重、求和、加上偏置，再施加激活函数。输出神经元也是如此，只不过它的输入是 3 个隐藏神经元的输出。',
      ),
    ],
  },
  {
    id: 'linear_depth',
    number: 2,
    preset: scene({ dataset: 'circle', hidden: layers(5, 8, 'identity'), learningRate: 0.01 }),
    steps: [
      s(
        'Five hidden layers of 8 units, all with the identity activation. Press ▶ and let it train for a few hundred epochs: the boundary on the plane stays a straight line and the loss stalls. No straight line can cut a circle out.',
        '5 个隐藏层，每层 8 个单元，全部使用恒等激活函数。点击 ▶，训练几百轮：平面上的决策边界始终是一条直线，损失也停滞不降。没有哪条直线能把一个圆切出来。',
      ),
      s(
        'Now a single hidden layer with one identity unit (this step sets it). Press ▶: again a straight line, and the loss stalls at about the same level. The 40 units of the deep version bought nothing: linear maps composed are one linear map.',
        '现在换成只有一个恒等单元的单个隐藏层（这一步会替你设置）。点击 ▶：边界仍是一条直线，损失停在差不多同样的水平。深层版本的 40 个单元没有带来任何好处：线性映射复合起来仍是一个线性映射。',
        { hidden: layers(1, 1, 'identity') },
      ),
      s(
        'Give the five layers a non-linearity, tanh (this step does it). Press ▶: the boundary bends and closes around the inner class. Depth only pays once there is a non-linearity between the layers.',
        '给这 5 层加上非线性：tanh（这一步会替你完成）。点击 ▶：边界开始弯曲，并把内圈的类别围起来。只有层与层之间有非线性时，深度才有意义。',
        { hidden: layers(5, 8, 'tanh') },
      ),
    ],
  },
  {
    id: 'xor',
    number: 3,
    preset: scene({ dataset: 'xor', hidden: layers(1, 4, 'identity'), optimizer: 'adam', learningRate: 0.03 }),
    steps: [
      s(
        'A 2-4-1 network with identity (linear) hidden units on XOR: two opposite quadrants are one class, the other two the other class. Press ▶: the boundary stays a straight line, which gets at most three quadrants right (75%), usually fewer.',
        '在 XOR 数据上训练一个隐藏单元为恒等（线性）激活的 2-4-1 网络：相对的两个象限属于同一类，另外两个象限属于另一类。点击 ▶：边界始终是一条直线，最多只能分对三个象限（75%），通常还更少。',
      ),
      s(
        'Switch the hidden layer to tanh (this step does it) and press ▶: within a few hundred epochs the plane splits into four quadrants and the loss falls far below where the linear network got stuck.',
        '把隐藏层换成 tanh（这一步会替你完成），然后点击 ▶：几百轮之内，平面就被分成四个象限，损失也远低于线性网络停滞的水平。',
        { hidden: layers(1, 4, 'tanh') },
      ),
      s(
        'Compare mode now trains tanh side by side with identity, sigmoid and ReLU on the same data. Press ▶: tanh and sigmoid find the four quadrants; identity never gets past a straight line. ReLU with only 4 units often gets stuck at three quadrants (75%) from an unlucky start: the measured experiment, one start per seed, finds it reaching 100% in only 4 of 10 seeds (tanh 10, sigmoid 9), so its verdict is inconclusive.',
        '对比模式现在让 tanh 与 identity、sigmoid、ReLU 在同一份数据上并排训练。点击 ▶：tanh 和 sigmoid 都能找到四个象限；identity 始终无法突破一条直线。只有 4 个单元的 ReLU 如果初始化不走运，常常卡在只分对三个象限（75%）的解上：实测实验每个种子只初始化一次，发现它在 10 个种子中只有 4 次达到 100%（tanh 10 次，sigmoid 9 次），因此结论为无法确定。',
        { compare: ['identity', 'sigmoid', 'relu'] },
      ),
    ],
  },
  {
    id: 'step_gradient',
    number: 4,
    preset: scene({ dataset: 'circle', hidden: layers(1, 8, 'binary_step'), learningRate: 0.1 }),
    steps: [
      s(
        "A 2-8-1 network whose hidden units use the binary step. Press ▶ and watch the gradient chart: the hidden layer's gradient is exactly 0, because the step's derivative is 0 everywhere except at 0 itself. The hidden weights never move (the network diagram even marks every step unit as dead: its slope is 0 on every point); only the output layer learns, re-weighting 8 fixed straight cuts, and the loss soon stops falling.",
        '一个 2-8-1 网络，隐藏单元使用二值阶跃函数。点击 ▶并观察梯度图：隐藏层的梯度恰好为 0，因为阶跃函数的导数除了 0 点以外处处为 0。隐藏层权重始终不动（网络图甚至会把每个阶跃单元都标记为“死亡”：它在每个点上的斜率都是 0）；只有输出层在学习，对 8 条固定的直线切分重新加权，损失很快就不再下降。',
      ),
      s(
        'The same network with sigmoid, a smooth step (this step sets it). Press ▶: the hidden layer now gets a gradient, its boundaries move, and the circle is learned.',
        '同样的网络换成 sigmoid，也就是“光滑的阶跃”（这一步会替你设置）。点击 ▶：隐藏层现在有了梯度，它的分界线会移动，圆形数据被学会。',
        { hidden: layers(1, 8, 'sigmoid') },
      ),
      s(
        'A step typed as your own expression, step(x), behaves the same as the catalog one: the activation panel draws its derivative as a flat 0, and the hidden layer cannot learn. Gradient descent needs a slope.',
        '自己输入表达式 step(x) 作为阶跃函数，结果与目录中的阶跃函数一样：激活函数面板中它的导数是一条恒为 0 的平线，隐藏层无法学习。梯度下降需要斜率。',
        { hidden: layers(1, 8, 'step(x)') },
      ),
    ],
  },
  {
    id: 'linear_gradient',
    number: 5,
    preset: scene({ dataset: 'circle', hidden: layers(1, 4, '2*x'), learningRate: 0.01 }),
    steps: [
      s(
        'The hidden layer uses your own linear activation f(x) = 2·x. In the activation panel its derivative is a flat line at 2: whatever the input, the slope is 2.',
        '隐藏层使用自定义的线性激活函数 f(x) = 2·x。在激活函数面板中，它的导数是一条位于 2 的水平线：无论输入是多少，斜率都是 2。',
      ),
      s(
        'Press ▶. A constant slope carries no information about the input: back-propagation only multiplies the error by 2 at this layer. The network stays linear and its boundary a straight line.',
        '点击 ▶。恒定的斜率不包含任何关于输入的信息：反向传播在这一层只是把误差乘以 2。网络仍然是线性的，边界仍然是一条直线。',
      ),
      s(
        'Switch to tanh (this step does it): its derivative is a bump, 1 at x = 0 and falling towards 0 on both sides. The slope now depends on the input, and after training the boundary bends around the circle.',
        '换成 tanh（这一步会替你完成）：它的导数是一个鼓包，在 x = 0 处为 1，向两侧逐渐降到 0。斜率现在取决于输入，训练之后边界会弯曲并围住圆形。',
        { hidden: layers(1, 4, 'tanh') },
      ),
    ],
  },
  {
    id: 'sigmoid_squash',
    number: 6,
    preset: scene({ dataset: 'circle', hidden: layers(2, 6, 'sigmoid'), learningRate: 0.1 }),
    steps: [
      s(
        'The hidden layers use sigmoid. In the activation panel the curve stays between 0 and 1; its derivative peaks at 0.25 at x = 0 and is almost 0 beyond ±4.',
        '隐藏层使用 sigmoid。在激活函数面板中，曲线始终位于 0 和 1 之间；它的导数在 x = 0 处达到峰值 0.25，在 ±4 之外几乎为 0。',
      ),
      s(
        'Press ▶ and watch the histograms: every sigmoid output lies inside (0, 1), however large the pre-activation z gets. As the weights grow, z spreads out and the outputs pile up near 0 and 1.',
        '点击 ▶并观察直方图：无论预激活值 z 有多大，sigmoid 的输出都落在 (0, 1) 之内。随着权重增大，z 的分布变宽，输出开始向 0 和 1 两端堆积。',
      ),
      s(
        'Raise the learning rate to 3 (this step does it) and press ▶: the weights grow fast, many pre-activations land beyond ±4, and units saturate. Their slope there is nearly 0, so they pass back almost no gradient: the network diagram flags them as saturated, and the histograms pile up at 0 and 1.',
        '把学习率提高到 3（这一步会替你完成），然后点击 ▶：权重迅速增大，许多预激活值落到 ±4 之外，单元进入饱和状态。在那里斜率几乎为 0，几乎回传不了梯度：网络图会把它们标记为饱和，直方图也会在 0 和 1 两端堆积。',
        { learningRate: 3 },
      ),
    ],
  },
  {
    id: 'vanishing_gradients',
    number: 7,
    preset: scene({ dataset: 'spiral', hidden: layers(6, 8, 'sigmoid') }),
    steps: [
      s(
        "Six hidden layers of 8 sigmoid units on the spiral. Press ▶ and watch the gradient chart: the first layers' gradients are orders of magnitude smaller than the last layer's, and the loss hardly moves. On the way back, every sigmoid multiplies the error by its slope, at most 0.25.",
        '在 spiral 数据上训练 6 个隐藏层、每层 8 个 sigmoid 单元的网络。点击 ▶并观察梯度图：前几层的梯度比最后一层小好几个数量级，损失几乎不动。反向传播时，每经过一个 sigmoid，误差就要乘以它的斜率，而这个斜率最大只有 0.25。',
      ),
      s(
        'Switch every layer to tanh (this step does it; slope up to 1). Press ▶: the gap between the first and the last layer is far smaller. The measured experiment below (10 layers, Glorot initialisation, 10 seeds) finds no vanishing at all for tanh, so the claim does not hold as stated: it is true for sigmoid, not for tanh.',
        '把每一层都换成 tanh（这一步会替你完成；斜率最大为 1）。点击 ▶：第一层与最后一层之间的差距小得多。下方的实测实验（10 层，Glorot 初始化，10 个种子）发现 tanh 的梯度根本没有消失，因此论断按原话不成立：对 sigmoid 成立，对 tanh 不成立。',
        { hidden: layers(6, 8, 'tanh') },
      ),
      s(
        "Switch to ReLU (this step does it): its slope is exactly 1 wherever a unit is active, so all layers' gradients stay of the same order. Press ▶: the deep ReLU network starts learning where the deep sigmoid one stalled.",
        '换成 ReLU（这一步会替你完成）：只要单元处于激活状态，它的斜率就恰好为 1，因此各层的梯度保持在同一数量级。点击 ▶：深层 ReLU 网络开始学习，而深层 sigmoid 网络却停滞不前。',
        { hidden: layers(6, 8, 'relu') },
      ),
    ],
  },
  {
    id: 'tanh_sigmoid',
    number: 8,
    preset: scene({ dataset: 'circle', hidden: [{ units: 4, activation: 'tanh' }, { units: 2, activation: 'tanh' }] }),
    steps: [
      s(
        'Look at tanh in the activation panel: it runs from −1 to 1 and passes through 0 with slope 1.',
        '在激活函数面板中查看 tanh：它的取值从 −1 到 1，经过原点时斜率为 1。',
      ),
      s(
        "Now sigmoid (this step sets it): from 0 to 1, crossing 0.5 at x = 0 with slope 0.25, a quarter of tanh's.",
        '再看 sigmoid（这一步会替你设置）：取值从 0 到 1，在 x = 0 处经过 0.5，斜率为 0.25，只有 tanh 的四分之一。',
        { hidden: [{ units: 4, activation: 'sigmoid' }, { units: 2, activation: 'sigmoid' }] },
      ),
      s(
        'This step types the expression 2*sigmoid(2*x) - 1 as the activation: its curve and its derivative are exactly those of tanh. Squeeze sigmoid horizontally by 2, stretch it vertically by 2, shift it down by 1: that is tanh.',
        '这一步把表达式 2*sigmoid(2*x) - 1 设为激活函数：它的曲线和导数都与 tanh 完全相同。把 sigmoid 横向压缩一半、纵向拉伸到 2 倍、再向下平移 1，得到的就是 tanh。',
        { hidden: [{ units: 4, activation: '2*sigmoid(2*x) - 1' }, { units: 2, activation: '2*sigmoid(2*x) - 1' }] },
      ),
      s(
        'Compare mode trains tanh and sigmoid on the same network. Press ▶: tanh usually brings the loss down sooner, helped by its steeper slope and its outputs centred on 0.',
        '对比模式让 tanh 和 sigmoid 训练同样的网络。点击 ▶：tanh 通常更快把损失降下来，这得益于它更陡的斜率和以 0 为中心的输出。',
        { hidden: [{ units: 4, activation: 'tanh' }, { units: 2, activation: 'tanh' }], compare: ['sigmoid'] },
      ),
    ],
  },
  {
    id: 'relu_sparsity',
    number: 9,
    preset: scene({ dataset: 'gauss', hidden: layers(3, 16, 'relu') }),
    steps: [
      s(
        "Three hidden layers of 16 ReLU units, not trained yet (don't press ▶). Look at the histograms: a tall bar at exactly 0 holds about half of each layer's outputs; every unit whose weighted sum is negative outputs 0.",
        '3 个隐藏层，每层 16 个 ReLU 单元，尚未训练（先不要点击 ▶）。观察直方图：恰好为 0 的那一根高柱大约占每层输出的一半——加权和为负的单元输出都是 0。',
      ),
      s(
        "Click a ReLU unit in the network diagram: its small picture is flat (0) on one side of a line across the plane and rises on the other. Each point of the plane switches off roughly half of the first layer's units.",
        '在网络图中点击一个 ReLU 单元：它的小图在横穿平面的一条直线的一侧是平的（输出 0），另一侧逐渐升高。平面上的每个点大约会让第一层一半的单元处于关闭状态。',
      ),
      s(
        'Press ▶ and watch the share of zeros change as the network learns. The measured experiment below counts the zeros in wider (64-unit) untrained layers over 10 seeds: 49.7% on average. It is true by construction: weights symmetric around 0 make a negative sum as likely as a positive one.',
        '点击 ▶，观察零值所占比例如何随着学习而变化。下方的实测实验在更宽（64 个单元）的未训练层上、对 10 个种子统计零值：平均 49.7%。这是按构造成立的：关于 0 对称的权重让加权和为负与为正的可能性相同。',
      ),
    ],
  },
  {
    id: 'dying_relu',
    number: 10,
    preset: scene({ dataset: 'moons', hidden: layers(2, 16, 'relu'), learningRate: 1 }),
    steps: [
      s(
        'A ReLU network on moons with a very large learning rate, 1. Press ▶: within a few epochs the network diagram marks some units as dead. Their weighted sum is negative on every training point, so they output 0, get no gradient and never recover.',
        '在 moons 数据上用非常大的学习率（1）训练 ReLU 网络。点击 ▶：几轮之内，网络图就会把一些单元标记为“死亡”。它们的加权和在每个训练点上都是负的，所以输出 0、得不到梯度，再也无法恢复。',
      ),
      s(
        'Compare mode now trains leaky ReLU (slope 0.01 for negative inputs) alongside. Press ▶: a leaky unit keeps a small gradient when its input is negative, so it can come back. Do fewer stay silent? In the measured experiment below (units counted by their pre-activation, 10 seeds) ReLU loses 24% of its units to training and leaky ReLU 16%: not a significant difference, so the verdict is inconclusive.',
        '对比模式现在同时训练 leaky ReLU（负输入时斜率为 0.01）。点击 ▶：leaky 单元在输入为负时仍保留一点梯度，因此可以“复活”。沉默的单元会更少吗？下方的实测实验（按预激活值统计单元，10 个种子）中，训练让 ReLU 失去 24% 的单元，leaky ReLU 失去 16%：差异不显著，所以结论为无法确定。',
        { compare: ['leaky_relu'] },
      ),
      s(
        'Back to ReLU alone, with the learning rate lowered to 0.03 (this step does it). Press ▶: the units now mostly stay alive. Dying is a symptom of steps too large for the unbounded ReLU.',
        '回到单独的 ReLU，并把学习率降到 0.03（这一步会替你完成）。点击 ▶：单元现在大多保持活跃。单元死亡是更新步长对无界的 ReLU 来说过大的症状。',
        { compare: [], learningRate: 0.03 },
      ),
    ],
  },
  {
    id: 'relu_cost',
    number: 11,
    preset: scene({ dataset: 'spiral', hidden: layers(3, 16, 'relu') }),
    steps: [
      s(
        'This claim is about compute time, which the live explorer cannot measure fairly: drawing the plane and the charts costs more than the activations themselves. The evidence is the measured experiment below: it times the relu, sigmoid and tanh kernels on 100,000 values and compares them as ratios.',
        '这一论断关乎计算时间，而实时运行的浏览器界面无法公平地测量它：绘制平面和图表的开销比激活函数本身还大。证据来自下方的实测实验：它在 100,000 个数值上对 relu、sigmoid 和 tanh 内核计时，并以比值进行比较。',
      ),
      s(
        'Why it should hold: in the activation panel ReLU is max(0, x) and its derivative is 0 or 1, one comparison each. Sigmoid and tanh need an exponential for the value and more arithmetic for the derivative.',
        '为什么应该成立：在激活函数面板中，ReLU 就是 max(0, x)，导数为 0 或 1，各只需一次比较。sigmoid 和 tanh 计算函数值需要指数运算，计算导数还需要更多运算。',
      ),
    ],
  },
  {
    id: 'softmax',
    number: 12,
    preset: scene({ dataset: 'blobs3', hidden: layers(1, 8, 'tanh'), loss: 'categorical_crossentropy' }),
    steps: [
      s(
        'Three classes: the output layer has 3 units and softmax turns their scores into 3 probabilities that are positive and sum to 1. Press ▶: every point of the plane takes the colour of exactly one class, the most probable one; no point is claimed twice or left unclaimed.',
        '三个类别：输出层有 3 个单元，softmax 把它们的分数变成 3 个为正且和为 1 的概率。点击 ▶：平面上的每个点都恰好染上一个类别的颜色，即概率最大的那个；没有点被重复认领，也没有点无人认领。',
      ),
      s(
        'A harder three-class set, spiral3, with two hidden layers of 16 and Adam (this step sets them). The regions twist and training takes longer, but at every moment each point gets exactly one class.',
        '换一个更难的三类数据集 spiral3，使用两个各 16 个单元的隐藏层和 Adam 优化器（这一步会替你设置）。各个区域变得扭曲，训练也需要更久，但在任何时刻，每个点都恰好属于一个类别。',
        { dataset: 'spiral3', hidden: layers(2, 16, 'tanh'), optimizer: 'adam', learningRate: 0.01 },
      ),
      s(
        'Independent sigmoid outputs, one per class, pick the same most likely class as softmax (sigmoid is monotonic), but they do not sum to 1, so they are not one distribution; per-class steps tie, naming several classes or none. The measured experiment below judges all three by argmax over 10 seeds of random scores.',
        '如果每个类别各用一个独立的 sigmoid 输出，它们选出的最可能类别与 softmax 相同（sigmoid 是单调的），但它们的和不为 1，因此不构成一个分布；逐类的阶跃输出则会并列，同时认领多个类别或一个都不认领。下方的实测实验在 10 个种子的随机分数上，对三者都按 argmax 判定。',
      ),
    ],
  },
  {
    id: 'bounded_lr',
    number: 13,
    preset: scene({
      problem: 'regression',
      dataset: 'multi_gauss',
      loss: 'mse',
      hidden: layers(2, 8, 'tanh'),
      compare: ['relu'],
    }),
    steps: [
      s(
        'Regression on multi_gauss: a tanh network, and a ReLU network beside it in compare mode, both at learning rate 0.03. Press ▶: both fit the surface.',
        '在 multi_gauss 上做回归：一个 tanh 网络，以及在对比模式下并排训练的 ReLU 网络，学习率都是 0.03。点击 ▶：两者都能拟合这个曲面。',
      ),
      s(
        "Raise the learning rate to 0.3 (this step does it) and press ▶. ReLU's outputs are unbounded, so a large step can throw its units far off: most of its second layer dies (see the network diagram) and its loss stops falling. tanh's outputs stay within (−1, 1), and it keeps fitting.",
        '把学习率提高到 0.3（这一步会替你完成），然后点击 ▶。ReLU 的输出无界，一次过大的更新就可能把单元推得很远：它的第二层大多“死亡”（见网络图），损失不再下降。tanh 的输出始终在 (−1, 1) 之内，仍能继续拟合。',
        { learningRate: 0.3 },
      ),
      s(
        'Raise it to 1 (this step). Now both fail, tanh included: its loss diverges at once (watch the divergence banner). Bounded activations tolerate larger steps; they are not immune. The measured experiment below finds, for each of 10 seeds, the smallest learning rate of a grid at which training diverges: ReLU diverges first in all 10.',
        '再提高到 1（这一步会替你完成）。这时两者都失败了，tanh 也不例外：它的损失立刻发散（留意发散提示）。有界激活能承受更大的步长，但并非不受影响。下方的实测实验对 10 个种子分别在一组学习率中找出两者开始发散的最小学习率：10 个种子中都是 ReLU 先发散。',
        { learningRate: 1 },
      ),
    ],
  },
  {
    id: 'identity_origin',
    number: 14,
    preset: scene({ dataset: 'circle', hidden: layers(2, 8, 'tanh'), compare: ['sigmoid'], learningRate: 0.3 }),
    steps: [
      s(
        'tanh (f(0) = 0, f′(0) = 1) and sigmoid (f(0) = 0.5, f′(0) = 0.25) train the same network side by side. Near 0, tanh passes signals and gradients through almost unchanged; sigmoid shifts every output by 0.5 and quarters the gradient.',
        'tanh（f(0) = 0，f′(0) = 1）与 sigmoid（f(0) = 0.5，f′(0) = 0.25）并排训练同一个网络。在 0 附近，tanh 几乎原样传递信号和梯度；sigmoid 则把每个输出平移 0.5，并把梯度缩小为四分之一。',
      ),
      s(
        'Press ▶ and compare the loss curves: tanh usually gets going sooner, while sigmoid lingers on a plateau first.',
        '点击 ▶，比较两条损失曲线：tanh 通常更早开始下降，而 sigmoid 往往先在平台期停留一阵。',
      ),
      s(
        'Here the networks start from ordinary-sized random weights. The measured experiment below trains from weights shrunk to a tenth (the claim) and, as a control, from ordinary weights, over 10 seeds: from small weights sigmoid barely moves (loss 0.70) while tanh learns (0.43); tanh is ahead at ordinary scale too.',
        '这里的网络从常规大小的随机权重开始。下方的实测实验在 10 个种子上分别从缩小到十分之一的权重（论断所说的情形）和常规权重（对照组）开始训练：从小权重开始时 sigmoid 几乎不动（损失 0.70），tanh 则在学习（0.43）；在常规尺度下 tanh 同样领先。',
      ),
    ],
  },
  {
    id: 'monotonic_convex',
    number: 15,
    preset: scene({ dataset: 'gauss', hidden: layers(1, 1, 'sigmoid'), learningRate: 0.1 }),
    steps: [
      s(
        'A network with a single hidden neuron, using sigmoid, a monotonic activation. Press ▶: the loss slides steadily down into its valley.',
        '一个只有单个隐藏神经元的网络，使用单调的激活函数 sigmoid。点击 ▶：损失平稳地滑入它的谷底。',
      ),
      s(
        'Switch the neuron to sinusoid (this step does it), which goes up and down again and again (see the activation panel). Press ▶: from these initial weights it finds a good fit.',
        '把这个神经元换成 sinusoid（这一步会替你完成），它反复地上升又下降（见激活函数面板）。点击 ▶：从这组初始权重出发，它能找到一个不错的拟合。',
        { hidden: layers(1, 1, 'sinusoid') },
      ),
      s(
        "The same sinusoid neuron from other initial weights (initialisation seed 3, set by this step). Press ▶: the loss gets stuck far above the previous step's, in another valley. With several valleys, where you start decides where you end; sigmoid reaches the same loss from any of these starts. The measured experiment below adds a caveat: with squared error even sigmoid's loss surface has a single valley but is not convex; convexity needs cross-entropy.",
        '同样的 sinusoid 神经元，换一组初始权重（初始化种子 3，由这一步设置）。点击 ▶：损失卡在远高于上一步的水平，落进了另一个谷底。有多个谷底时，从哪里出发决定了停在哪里；而 sigmoid 从这些起点出发都能达到同样的损失。下方的实测实验补充了一点：在平方误差下，即使 sigmoid 的损失曲面也只有一个谷底但并不是凸的；凸性需要交叉熵。',
        { initSeed: 3 },
      ),
    ],
  },
  {
    id: 'start_with_relu',
    number: 16,
    preset: scene({
      dataset: 'spiral',
      hidden: layers(2, 16, 'relu'),
      compare: ['tanh', 'sigmoid', 'elu'],
      optimizer: 'adam',
      learningRate: 0.01,
    }),
    steps: [
      s(
        'Compare mode trains ReLU next to tanh, sigmoid and ELU on the spiral (2 hidden layers of 16, Adam). Press ▶ and compare the loss curves after a few hundred epochs.',
        '对比模式让 ReLU 与 tanh、sigmoid、ELU 在 spiral 数据上并排训练（2 个隐藏层，每层 16 个单元，Adam 优化器）。点击 ▶，几百轮后比较各条损失曲线。',
      ),
      s(
        'An easier data set, moons (this step sets it). All four get there; the differences now lie in how fast, and the order can change. That is why the measured experiment averages ranks over four data sets and 10 seeds.',
        '换一个更容易的数据集 moons（这一步会替你设置）。四种激活都能学会；差别只在于快慢，排名也可能改变。正因如此，实测实验在四个数据集和 10 个随机种子上对名次取平均。',
        { dataset: 'moons' },
      ),
      s(
        'The claim is only that ReLU is a good default: it need not win, it should rank in the better half. Over four data sets and 10 seeds it ranks 2.43 of 5, tied with leaky ReLU; sigmoid ranks last on average (4.15), though on one easy set such as moons it can tie with the others.',
        '这一论断只是说 ReLU 是一个好的默认选择：它不必排第一，只需排在前一半。在四个数据集和 10 个种子上，它的平均名次为 5 个中的 2.43，与 leaky ReLU 并列；sigmoid 平均排在最后（4.15），不过在 moons 这样容易的单个数据集上它可能与其他激活打平。',
      ),
    ],
  },
  {
    id: 'graded_outputs',
    number: 17,
    preset: scene({ dataset: 'circle', hidden: layers(1, 16, 'sigmoid'), optimizer: 'adam', learningRate: 0.01 }),
    steps: [
      s(
        'A 2-16-1 sigmoid network. Press ▶ until the circle is learned, then look at the histograms: the hidden outputs spread across (0, 1); a neuron passes on how strongly it responds, not just on or off. Keep training and watch them pile up near 0 and 1: the measured experiment below finds, after 150 epochs, only about half of the sigmoid outputs and a third of the tanh outputs away from the ends, so the claim that most stay well inside does not hold.',
        '一个 2-16-1 的 sigmoid 网络。点击 ▶直到学会圆形数据，然后观察直方图：隐藏层的输出分布在 (0, 1) 之间；神经元传递的是它响应的强弱，而不只是开或关。继续训练，观察输出如何向 0 和 1 堆积：下方的实测实验发现，150 轮后只有大约一半的 sigmoid 输出和三分之一的 tanh 输出远离两端，所以“大多数落在值域内部”的说法不成立。',
      ),
      s(
        'The binary step (this step sets it) is a true on/off switch: its histogram has just two bars, at 0 and 1.',
        '二值阶跃函数（这一步会替你设置）才是真正的开关：它的直方图只有两根柱子，分别在 0 和 1。',
        { hidden: layers(1, 16, 'binary_step') },
      ),
      s(
        'tanh (this step sets it): graded outputs again, this time spread across (−1, 1).',
        'tanh（这一步会替你设置）：输出又是渐变的，这次分布在 (−1, 1) 之间。',
        { hidden: layers(1, 16, 'tanh') },
      ),
    ],
  },
  {
    id: 'universal_approximation',
    number: 18,
    preset: scene({
      problem: 'regression',
      dataset: 'multi_gauss',
      loss: 'mse',
      hidden: layers(1, 1, 'tanh'),
      optimizer: 'adam',
      learningRate: 0.03,
    }),
    steps: [
      s(
        'Regression: fit the bumpy multi_gauss surface with one tanh hidden layer of a single unit. Press ▶: one unit can only make one smooth ramp, and the loss stays high.',
        '回归任务：用只含一个 tanh 单元的单个隐藏层去拟合起伏的 multi_gauss 曲面。点击 ▶：一个单元只能构造出一个平滑的斜坡，损失居高不下。',
      ),
      s(
        'Widen the layer to 4 units (this step does it). Press ▶: the fit picks up some of the bumps and the loss falls lower.',
        '把这一层加宽到 4 个单元（这一步会替你完成）。点击 ▶：拟合结果开始捕捉到一些起伏，损失降得更低。',
        { hidden: layers(1, 4, 'tanh') },
      ),
      s(
        'Widen it to 16 units, the widest layer here. Press ▶: a much closer fit. The wider the layer, the more bumps it can build; that is the universal approximation theorem at work.',
        '再加宽到 16 个单元，这是这里允许的最大宽度。点击 ▶：拟合得更加贴近。层越宽，能构造的起伏就越多；这正是万能逼近定理在起作用。',
        { hidden: layers(1, 16, 'tanh') },
      ),
      s(
        'For contrast, three identity layers of 16 units. However long it trains, the prediction is a tilted plane.',
        '作为对照，换成 3 个各有 16 个单元的恒等层。无论训练多久，预测结果都只是一个倾斜的平面。',
        { hidden: layers(3, 16, 'identity') },
      ),
    ],
  },
  {
    id: 'smooth_monotonic',
    number: 19,
    preset: scene({
      dataset: 'xor',
      hidden: layers(2, 16, 'elu'),
      compare: ['softplus', 'relu', 'tanh'],
      optimizer: 'adam',
      learningRate: 0.01,
    }),
    steps: [
      s(
        'Two groups train side by side. ELU and softplus are smooth (their slope has no jump) and their derivative only rises; ReLU (a kink at 0) and tanh (its derivative rises, then falls) are not both. Check each in the activation panel.',
        '两组激活函数并排训练。ELU 和 softplus 是光滑的（斜率没有跳变），且导数只增不减；ReLU（在 0 处有折角）和 tanh（导数先升后降）则不同时满足这两点。可以在激活函数面板中逐一查看。',
      ),
      s(
        'Press ▶ and compare the loss curves. On one data set the differences are small and can go either way.',
        '点击 ▶，比较各条损失曲线。只看一个数据集时，差别很小，谁好谁坏都有可能。',
      ),
      s(
        'Another data set, moons (this step sets it). The measured experiment below compares six distinct activations over three data sets and 10 seeds with a Welch test: the smooth, monotonic-derivative group (elu, softplus, squareplus) is 2.5 points less accurate (p = 0.005), so the claim does not hold here.',
        '换一个数据集 moons（这一步会替你设置）。下方的实测实验在三个数据集和 10 个种子上用 Welch 检验比较六个互不相同的激活函数：光滑且导数单调的一组（elu、softplus、squareplus）的准确率低 2.5 个百分点（p = 0.005），因此论断在这里不成立。',
        { dataset: 'moons' },
      ),
    ],
  },
  {
    id: 'exploding_gradients',
    number: 20,
    preset: scene({ dataset: 'spiral', hidden: layers(6, 8, 'relu'), learningRate: 0.01 }),
    steps: [
      s(
        'Six hidden ReLU layers of 8 units with ordinary (He) weights. Press ▶ and watch the gradient chart: the layers’ gradients stay of the same order, and training proceeds.',
        '6 个隐藏 ReLU 层，每层 8 个单元，使用常规的（He）权重。点击 ▶并观察梯度图：各层梯度保持在同一数量级，训练正常进行。',
      ),
      s(
        'Raise the learning rate to 1 (this step does it) and press ▶: each update makes the weights larger, every layer then amplifies the signal, and the gradients grow until the loss diverges (watch the divergence banner). The measured experiment below starts from weights twice the He scale: over 10 layers the gradient is 3 decades (2^10) larger than with He weights, in all 10 seeds.',
        '把学习率提高到 1（这一步会替你完成），然后点击 ▶：每次更新都让权重变大，于是每一层都放大信号，梯度不断增大，直到损失发散（留意发散提示）。下方的实测实验从两倍于 He 尺度的权重开始：经过 10 层后，梯度比使用 He 权重时大 3 个数量级（2^10），10 个种子都是如此。',
        { learningRate: 1 },
      ),
    ],
  },
  {
    id: 'mixed_layers',
    number: 21,
    preset: scene({
      problem: 'regression',
      dataset: 'multi_gauss',
      loss: 'mse',
      hidden: [{ units: 8, activation: 'tanh' }, { units: 8, activation: 'relu' }],
      optimizer: 'adam',
      learningRate: 0.03,
    }),
    steps: [
      s(
        'One network, two activations: a tanh first layer and a ReLU second layer (each layer has its own activation menu), with a linear output for regression. Press ▶: it fits the surface.',
        '一个网络，两种激活函数：第一层用 tanh，第二层用 ReLU（每层都有自己的激活函数菜单），输出层是线性的，用于回归。点击 ▶：它能拟合这个曲面。',
      ),
      s(
        'Give the output a tanh (this step does it) and press ▶: the prediction can no longer leave (−1, 1), so targets beyond that range are out of reach. The measured experiment below fits a curve from −4.3 to 4.3 over 10 seeds: R² 0.997 with a linear output, 0.50 with tanh and 0.25 with sigmoid.',
        '把输出层设为 tanh（这一步会替你完成），然后点击 ▶：预测值再也无法离开 (−1, 1)，超出这个范围的目标就够不着了。下方的实测实验在 10 个种子上拟合一条从 −4.3 到 4.3 的曲线：线性输出时 R² 为 0.997，tanh 为 0.50，sigmoid 为 0.25。',
        { outputActivation: 'tanh' },
      ),
    ],
  },
  {
    id: 'linear_backprop',
    number: 22,
    preset: scene({ dataset: 'circle', hidden: layers(1, 4, '2*x'), learningRate: 0.01 }),
    steps: [
      s(
        'The hidden layer uses f(x) = 2·x. Its derivative is 2 for every input (see the activation panel): the factor back-propagation passes through this layer never depends on the input.',
        '隐藏层使用 f(x) = 2·x。它的导数对每个输入都是 2（见激活函数面板）：反向传播经过这一层时乘上的因子从不取决于输入。',
      ),
      s(
        'But the change made to a weight is dL/dw = δ·x: the error times the input that weight sees. Press ▶ and click a hidden neuron: its two weights move by different amounts, in proportion to x1 and x2. The measured experiment below shows it on one unit: f′ = 2 everywhere, while dL/dw runs from −4 to 4 across the inputs, so the claim does not hold for the weight update.',
        '但对权重所做的改变是 dL/dw = δ·x：误差乘以这个权重看到的输入。点击 ▶并点击一个隐藏神经元：它的两个权重按 x1 和 x2 的比例移动不同的量。下方的实测实验在一个单元上展示这一点：f′ 处处为 2，而 dL/dw 随输入从 −4 变到 4，所以论断对权重更新不成立。',
      ),
    ],
  },
  {
    id: 'leaky_recovery',
    number: 23,
    preset: scene({ dataset: 'moons', hidden: layers(2, 16, 'relu'), learningRate: 1 }),
    steps: [
      s(
        'ReLU with a very large learning rate, as in the dying ReLU lesson. Press ▶ and watch the network diagram: units marked dead in the first layer never come back, because their inputs (the data) never change and they get no gradient.',
        '与 dying_relu 一课一样，用非常大的学习率训练 ReLU。点击 ▶并观察网络图：第一层中被标为“死亡”的单元再也不会恢复，因为它们的输入（数据）从不改变，它们也得不到梯度。',
      ),
      s(
        'Switch to leaky ReLU (this step does it) and press ▶: a silent leaky unit still gets a small gradient and may return. The measured experiment below finds that no dead first-layer ReLU unit ever returns, but second-layer ReLU units revive too (17% of the silent ones, against 25% for leaky ReLU): not a significant difference over 10 seeds, so the verdict is inconclusive.',
        '换成 leaky ReLU（这一步会替你完成），然后点击 ▶：沉默的 leaky 单元仍有一点梯度，可能会回来。下方的实测实验发现，第一层死亡的 ReLU 单元从未恢复，但第二层的 ReLU 单元也会复活（沉默过的单元中 17% 恢复，leaky ReLU 为 25%）：在 10 个种子上差异不显著，所以结论为无法确定。',
        { hidden: layers(2, 16, 'leaky_relu') },
      ),
    ],
  },
  {
    id: 'relu_blowup',
    number: 24,
    preset: scene({ dataset: 'gauss', hidden: layers(6, 16, 'relu') }),
    steps: [
      s(
        "Six untrained ReLU layers (don't press ▶). Look at the histograms: with He-scaled weights each layer's outputs stay about the same size; ReLU is unbounded, but nothing forces growth.",
        '6 个未训练的 ReLU 层（先不要点击 ▶）。观察直方图：采用 He 缩放的权重时，每层输出的大小大致相同；ReLU 是无界的，但没有什么迫使它增长。',
      ),
      s(
        'Switch to tanh (this step does it): every output stays inside (−1, 1), whatever the weights. The measured experiment below makes the weights 1.5 times the He scale: ReLU outputs then grow 1.5 decades over 10 layers (up to about 1300), while tanh never passes 1.',
        '换成 tanh（这一步会替你完成）：无论权重如何，每个输出都在 (−1, 1) 之内。下方的实测实验把权重设为 He 尺度的 1.5 倍：这时 ReLU 的输出在 10 层中增长 1.5 个数量级（最大约 1300），而 tanh 从不超过 1。',
        { hidden: layers(6, 16, 'tanh') },
      ),
    ],
  },
  {
    id: 'sparse_compute',
    number: 25,
    preset: scene({ dataset: 'gauss', hidden: layers(3, 16, 'relu') }),
    steps: [
      s(
        'Three ReLU layers: the histograms show about half of the outputs exactly 0 (lesson 9). Those zeros still go into the next layer’s matrix product, which multiplies every entry, zero or not.',
        '3 个 ReLU 层：直方图显示大约一半的输出恰好为 0（第 9 课）。这些零值仍然会进入下一层的矩阵乘法，而矩阵乘法会把每个元素都乘一遍，不管是不是 0。',
      ),
      s(
        'Switch to sigmoid (this step does it): no output is ever exactly 0, so there is nothing to skip. The measured experiment below counts multiply-adds: the dense pass does the same 1.68 million for both networks; a pass that skips zeros saves 49.5% for ReLU and nothing for sigmoid.',
        '换成 sigmoid（这一步会替你完成）：没有任何输出恰好为 0，也就无可跳过。下方的实测实验统计乘加次数：稠密计算对两个网络都是同样的 168 万次；跳过零值的计算对 ReLU 节省 49.5%，对 sigmoid 毫无节省。',
        { hidden: layers(3, 16, 'sigmoid') },
      ),
    ],
  },
  {
    id: 'sigmoid_probability',
    number: 26,
    preset: scene({ dataset: 'gauss', noise: 30, hidden: layers(1, 8, 'tanh'), optimizer: 'adam', learningRate: 0.02 }),
    steps: [
      s(
        'Two overlapping clouds: no boundary separates them perfectly, so a good classifier should say how sure it is. The output neuron applies a sigmoid to its score (binary cross-entropy), so every prediction lies in (0, 1). Press ▶: the plane shades from one colour to the other across the overlap.',
        '两团相互重叠的点：没有哪条边界能把它们完全分开，所以好的分类器应当说明它有多确定。输出神经元对其分数施加 sigmoid（二元交叉熵），所以每个预测都在 (0, 1) 之内。点击 ▶：在重叠区域，平面从一种颜色渐变到另一种颜色。',
      ),
      s(
        'Trained with cross-entropy, those numbers behave like probabilities. The measured experiment below checks it on held-out points over 10 seeds: among points given about 0.7, about 70% are positive (calibration error 0.037), while a linear output trained with squared error leaves [0, 1] on 37% of the points.',
        '用交叉熵训练后，这些数值表现得像概率。下方的实测实验在 10 个种子上用留出的测试点检验这一点：在输出约为 0.7 的点中，大约 70% 是正例（校准误差 0.037）；而用平方误差训练的线性输出在 37% 的点上越出 [0, 1]。',
      ),
    ],
  },
];

/** The tour of lesson `id`, or undefined. */
export function findTour(id: string | null | undefined): Tour | undefined {
  return id ? TOURS.find((t) => t.id === id) : undefined;
}

/** Step index clamped to the tour's steps. */
export function clampStep(tour: Tour, step: number): number {
  return Number.isFinite(step) ? Math.min(Math.max(Math.trunc(step), 0), tour.steps.length - 1) : 0;
}

/**
 * The settings that apply step `step` of `tour`: the preset, the patches of steps 0..step, and the tour
 * position itself (so the URL remembers it).
 */
export function tourPatch(tour: Tour, step: number): Partial<ExplorerState> {
  const k = clampStep(tour, step);
  let patch: Partial<ExplorerState> = { ...tour.preset };
  for (let i = 0; i <= k; i++) patch = { ...patch, ...(tour.steps[i].patch ?? {}) };
  return { ...patch, tour: tour.id, tourStep: k };
}

function activationError(text: string): string | null {
  try {
    resolveActivation(text);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

const BINARY_SETS: readonly string[] = ['circle', 'xor', 'gauss', 'spiral', 'moons'];

/** Problems with a complete explorer state (what applying a tour step produces); empty when it is valid. */
export function stateProblems(st: ExplorerState): string[] {
  const out: string[] = [];
  const sets: readonly string[] = st.problem === 'classification' ? CLASSIFICATION_SETS : REGRESSION_SETS;
  if (!sets.includes(st.dataset)) out.push(`dataset ${st.dataset} is not a built-in ${st.problem} set`);
  if (st.problem === 'regression' && st.loss !== 'mse') out.push(`regression needs the mse loss, not ${st.loss}`);
  if (st.problem === 'classification') {
    const binary = BINARY_SETS.includes(st.dataset);
    if (binary && st.loss === 'categorical_crossentropy') out.push(`${st.dataset} has 2 classes; use binary_crossentropy or mse`);
    if (!binary && st.loss !== 'categorical_crossentropy') out.push(`${st.dataset} has 3 classes; use categorical_crossentropy`);
  }
  if (st.hidden.length < 1 || st.hidden.length > LIMITS.maxLayers) out.push(`${st.hidden.length} hidden layers (1..${LIMITS.maxLayers})`);
  st.hidden.forEach((l, i) => {
    if (!Number.isInteger(l.units) || l.units < 1 || l.units > LIMITS.maxUnits) out.push(`layer ${i}: ${l.units} units (1..${LIMITS.maxUnits})`);
    const err = activationError(l.activation);
    if (err) out.push(`layer ${i}: activation '${l.activation}': ${err}`);
  });
  const outErr = activationError(st.outputActivation);
  if (outErr) out.push(`output activation '${st.outputActivation}': ${outErr}`);
  if (st.compare.length > LIMITS.maxCompare) out.push(`${st.compare.length} compared activations (max ${LIMITS.maxCompare})`);
  for (const c of st.compare) {
    const err = activationError(c);
    if (err) out.push(`compare '${c}': ${err}`);
    if (st.hidden.every((l) => l.activation === c)) out.push(`compare '${c}' repeats the network's own activation`);
  }
  if (new Set(st.compare).size !== st.compare.length) out.push('compare lists an activation twice');
  if (st.features.length === 0 || st.features.some((f) => !(FEATURES as readonly string[]).includes(f))) out.push(`features ${st.features.join(',')}`);
  if (!(st.noise >= 0 && st.noise <= 50)) out.push(`noise ${st.noise} (0..50)`);
  if (!(st.trainRatio >= 10 && st.trainRatio <= 90)) out.push(`trainRatio ${st.trainRatio} (10..90)`);
  if (!(Number.isInteger(st.points) && st.points >= LIMITS.minPoints && st.points <= LIMITS.maxPoints)) out.push(`points ${st.points}`);
  if (!(Number.isInteger(st.batchSize) && st.batchSize >= 1)) out.push(`batchSize ${st.batchSize}`);
  if (!(st.learningRate > 0 && st.learningRate <= 10)) out.push(`learningRate ${st.learningRate}`);
  if (!(st.regRate >= 0)) out.push(`regRate ${st.regRate}`);
  if (!['sgd', 'momentum', 'adam'].includes(st.optimizer)) out.push(`optimizer ${st.optimizer}`);
  if (!['none', 'l1', 'l2'].includes(st.regularization)) out.push(`regularization ${st.regularization}`);
  if (!(Number.isInteger(st.dataSeed) && st.dataSeed >= 1 && Number.isInteger(st.initSeed) && st.initSeed >= 1)) out.push('seeds must be whole numbers ≥ 1');
  return out;
}

/** Problems of the tour table: lessons without a tour, bad steps, bad settings, missing text. Empty = valid. */
export function validateTours(tours: readonly Tour[] = TOURS): string[] {
  const out: string[] = [];
  const ids = Object.keys(LESSON_TEXT);
  for (const id of ids) if (!tours.some((t) => t.id === id)) out.push(`lesson ${id} has no tour`);
  const seen = new Set<string>();
  for (const tour of tours) {
    if (seen.has(tour.id)) out.push(`${tour.id}: two tours`);
    seen.add(tour.id);
    if (!ids.includes(tour.id)) out.push(`${tour.id}: not a lesson`);
    if (tour.steps.length < 2 || tour.steps.length > 4) out.push(`${tour.id}: ${tour.steps.length} steps (2..4)`);
    for (const key of ['lang', 'tour', 'tourStep']) {
      if (key in tour.preset || tour.steps.some((st) => st.patch && key in st.patch)) out.push(`${tour.id}: sets ${key}`);
    }
    tour.steps.forEach((st, i) => {
      for (const l of ['en', 'zh'] as const) {
        if (st.text[l].trim().length < 20) out.push(`${tour.id} step ${i + 1}: no ${l} text`);
      }
      if (!/[\u4e00-\u9fff]/.test(st.text.zh)) out.push(`${tour.id} step ${i + 1}: zh text has no Chinese`);
      const full: ExplorerState = { ...DEFAULT_STATE, ...tourPatch(tour, i) };
      for (const p of stateProblems(full)) out.push(`${tour.id} step ${i + 1}: ${p}`);
    });
  }
  return out;
}
