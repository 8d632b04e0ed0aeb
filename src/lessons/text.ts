/**
 * All lesson text in one place, in English (`en`) and Simplified Chinese (`zh`), so the CLI and the
 * web explorer show the same words. Keys are lesson ids.
 */

import type { Bilingual, Verdict } from './lesson.js';

export type { Bilingual, Language } from './lesson.js';

/** The words of one lesson. */
export interface LessonText {
  readonly title: Bilingual;
  /** The claim, in plain words. */
  readonly claim: Bilingual;
  /** What the experiment does (defaults in words; parameters can change them). */
  readonly setup: Bilingual;
  /** What the default run (seeds 1–10) shows, in words; the numbers are pinned by the tests. */
  readonly finding: Bilingual;
}

/** The verdicts in words. */
export const VERDICT_TEXT: Readonly<Record<Verdict, Bilingual>> = {
  holds: { en: 'holds', zh: '成立' },
  'does not hold': { en: 'does not hold', zh: '不成立' },
  inconclusive: { en: 'inconclusive', zh: '无法确定' },
};

/** Words of the lesson reports (CLI and explorer). */
export const REPORT_TEXT = {
  lesson: { en: 'Lesson', zh: '第' },
  claim: { en: 'Claim', zh: '论断' },
  setup: { en: 'Set-up', zh: '实验设置' },
  finding: { en: 'Finding', zh: '发现' },
  params: { en: 'Params', zh: '参数' },
  seeds: { en: 'Seeds', zh: '种子' },
  measurement: { en: 'measurement', zh: '测量项' },
  value: { en: 'value', zh: '数值' },
  perSeed: { en: 'Per seed', zh: '各种子结论' },
  verdict: { en: 'Verdict', zh: '结论' },
  tally: { en: 'Tally', zh: '各种子结论统计' },
  criterion: { en: 'Criterion', zh: '判定标准' },
  chart: { en: 'Chart', zh: '图表' },
  deterministic: { en: 'deterministic: one run suffices', zh: '确定性实验：运行一次即可' },
  timed: { en: 'timed: repeated rounds instead of seeds; depends on the machine', zh: '计时实验：以重复轮次代替种子；结果取决于机器' },
  byConstruction: { en: 'true by construction: the lesson shows the mechanism', zh: '按构造成立：本课展示其机制' },
} as const satisfies Record<string, Bilingual>;

/** Lesson text by lesson id. */
export const LESSON_TEXT = {
  neuron: {
    title: { en: 'What a neuron computes', zh: '一个神经元在计算什么' },
    claim: {
      en: "A neuron adds up the previous layer's outputs, each times its own weight, plus a weighted bias, applies its activation, and passes that output on to every neuron of the next layer. A whole layer does the same for all its neurons at once, as one matrix product.",
      zh: '一个神经元把上一层的各个输出分别乘以各自的权重后相加，再加上加权的偏置，然后施加激活函数，并把这个输出传给下一层的每一个神经元。整层神经元同时做同样的计算，就是一次矩阵乘法。',
    },
    setup: {
      en: "Weighted inputs 0.5 and 0.2 plus weighted bias 0.1 give the sum 0.8; sigmoid(0.8) is passed on. Then a layer of 3 sigmoid neurons is computed on 5 input rows neuron by neuron (float64) and with the training engine's own matrix product X·W + b (gemm, float32), and the two are compared. Deterministic and true by construction: it shows the arithmetic.",
      zh: '加权输入 0.5 与 0.2，加上加权偏置 0.1，得到和 0.8；把 sigmoid(0.8) 传下去。然后对 5 行输入、3 个 sigmoid 神经元的层，分别逐个神经元计算（float64）和用训练引擎自己的矩阵乘法 X·W + b（gemm，float32）计算，并比较两者。确定性实验，按构造成立：它展示的是算术本身。',
    },
    finding: {
      en: 'sigmoid(0.8) = 0.690; the neuron-by-neuron layer and the engine’s gemm agree to 9.4e-9 (float32 rounding). Holds.',
      zh: 'sigmoid(0.8) = 0.690；逐个神经元计算的层与引擎的 gemm 相差 9.4e-9（float32 舍入误差）。成立。',
    },
  },
  linear_depth: {
    title: { en: 'Without a non-linearity, depth is useless', zh: '没有非线性，深度毫无用处' },
    claim: {
      en: 'A deep network whose layers all use the identity activation computes exactly what one linear layer computes: the product of its weight matrices.',
      zh: '所有层都使用恒等激活函数的深层网络，其计算结果与单个线性层完全相同：就是各层权重矩阵的乘积。',
    },
    setup: {
      en: 'For each of 10 seeds, a random network with identity activations (default 5 hidden layers of 8 units, 2 inputs, 1 output) is collapsed into one layer W = W1·W2·…, b accordingly; both are evaluated on 200 random inputs and the largest difference is measured. True by construction: the seeds only draw other weights.',
      zh: '对 10 个种子中的每一个，随机构造一个使用恒等激活的网络（默认 5 个隐藏层，每层 8 个单元，2 个输入，1 个输出），把它合并为一个层 W = W1·W2·…（偏置相应合并）；在 200 个随机输入上计算两者并测量最大差异。按构造成立：不同种子只是抽取不同的权重。',
    },
    finding: {
      en: 'In all 10 seeds the two agree to 2e-15 relative to the output. Holds (10 of 10 seeds).',
      zh: '10 个种子中两者都一致，相对误差在 2e-15 以内。成立（10 个种子中 10 个）。',
    },
  },
  xor: {
    title: { en: 'XOR needs a non-linearity', zh: 'XOR 需要非线性' },
    claim: {
      en: 'With linear activations a network cannot exceed 75% accuracy on XOR; with tanh, sigmoid or ReLU it reaches 100%.',
      zh: '使用线性激活时，网络在 XOR 上的准确率不可能超过 75%；使用 tanh、sigmoid 或 ReLU 时可以达到 100%。',
    },
    setup: {
      en: 'The four XOR points (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0 are learned by a 2-4-1 network with Adam for 300 epochs, one initialisation per activation (identity, tanh, sigmoid, relu) and seed, over 10 seeds (no best-of-k). Measured: the success rate (100% accuracy) of each activation with its 95% Wilson interval.',
      zh: '用一个 2-4-1 网络和 Adam 训练 300 轮，学习 XOR 的四个点 (0,0)→0、(0,1)→1、(1,0)→1、(1,1)→0；每种激活（identity、tanh、sigmoid、relu）每个种子只初始化一次，共 10 个种子（不取多次中最好的）。测量每种激活的成功率（准确率 100%）及其 95% Wilson 区间。',
    },
    finding: {
      en: 'The linear network never passes 75%. tanh reaches 100% in 10 of 10 seeds and sigmoid in 9, but ReLU with 4 units only in 4 of 10 (interval 17%–69%): it often stops at 75%. Inconclusive: "reaches 100%" holds reliably for tanh and sigmoid, not for a small ReLU network.',
      zh: '线性网络从未超过 75%。tanh 在 10 个种子中 10 次达到 100%，sigmoid 9 次，但只有 4 个单元的 ReLU 只有 4 次（区间 17%–69%）：它常常停在 75%。无法确定：“达到 100%”对 tanh 和 sigmoid 可靠成立，对小的 ReLU 网络则不然。',
    },
  },
  step_gradient: {
    title: { en: 'The step function cannot learn by gradient descent', zh: '阶跃函数无法通过梯度下降学习' },
    claim: {
      en: "The binary step's derivative is 0 almost everywhere, so gradient descent does not move the hidden weights: only the output layer learns, re-weighting fixed cuts, and the loss soon stalls, while a sigmoid network learns the same task.",
      zh: '二值阶跃函数的导数几乎处处为 0，因此梯度下降无法移动隐藏层权重：只有输出层在学习，对固定的切分重新加权，损失很快就停滞；而 sigmoid 网络可以学会同样的任务。',
    },
    setup: {
      en: "A 2-8-1 network is trained on the 'circle' data set (200 points) with plain SGD (lr 0.5, 100 epochs), once with binary_step and once with sigmoid hidden units, over 10 seeds. Measured: how far the hidden weights moved, and the final losses compared with a Welch test. The frozen hidden layer is true by construction.",
      zh: '在 circle 数据集（200 个点）上用普通 SGD（学习率 0.5，100 轮）训练 2-8-1 网络，隐藏单元分别使用 binary_step 和 sigmoid，共 10 个种子。测量隐藏层权重移动了多少，并用 Welch 检验比较最终损失。隐藏层被冻结这一点按构造成立。',
    },
    finding: {
      en: 'The step network’s hidden weights never move (10 of 10 seeds); its loss falls only a little, 0.701 → 0.683 on average, then stalls (accuracy 56%); sigmoid’s falls 0.694 → 0.050 (p < 0.001). Holds (10 of 10 seeds).',
      zh: '阶跃网络的隐藏层权重从不移动（10 个种子中 10 个）；它的损失只下降一点，平均 0.701 → 0.683，然后停滞（准确率 56%）；sigmoid 的损失 0.694 → 0.050（p < 0.001）。成立（10 个种子中 10 个）。',
    },
  },
  linear_gradient: {
    title: { en: 'A linear activation has a constant gradient', zh: '线性激活的梯度是常数' },
    claim: {
      en: "The derivative of a linear activation f(x) = c·x is c everywhere, whatever the input; a non-linear activation's derivative changes with the input.",
      zh: '线性激活 f(x) = c·x 的导数处处等于 c，与输入无关；而非线性激活的导数随输入变化。',
    },
    setup: {
      en: 'The derivatives of identity and of c·x (default c = 2) are evaluated on 401 points in [-10, 10] and their spread (max − min) is measured, next to tanh for contrast. Deterministic and true by construction; what it does not imply is the subject of linear_backprop.',
      zh: '在 [-10, 10] 上的 401 个点处计算 identity 与 c·x（默认 c = 2）的导数，测量其变化幅度（最大值 − 最小值），并与 tanh 对比。确定性实验，按构造成立；它不能推出什么，见 linear_backprop。',
    },
    finding: {
      en: 'Both derivatives are flat (spread 0); tanh’s varies by 1. Holds.',
      zh: '两个导数都是水平的（变化幅度 0）；tanh 的导数变化幅度为 1。成立。',
    },
  },
  sigmoid_squash: {
    title: { en: 'Sigmoid is bounded in (0, 1) and squashes large inputs', zh: 'Sigmoid 的输出限制在 (0, 1) 内并压缩大输入' },
    claim: {
      en: "Sigmoid's output always lies between 0 and 1; it is steep for inputs between about −2 and 2 and nearly flat beyond them.",
      zh: 'Sigmoid 的输出始终介于 0 和 1 之间；输入在约 −2 到 2 之间时曲线陡峭，超出这个范围后几乎是平的。',
    },
    setup: {
      en: "Sigmoid and its derivative are sampled on [-10, 10]: the extreme outputs, the mean slope inside [-2, 2] and the mean slope outside [-4, 4] (the 'flat' threshold is 4 by default). Deterministic: a property of one function.",
      zh: '在 [-10, 10] 上采样 sigmoid 及其导数：输出的极值、[-2, 2] 内的平均斜率、[-4, 4] 外的平均斜率（“平坦”阈值默认为 4）。确定性实验：这是单个函数的性质。',
    },
    finding: {
      en: 'Outputs stay inside (0, 1) on [-10, 10]; the slope inside [-2, 2] is 63 times that beyond ±4. In float64 sigmoid(100) rounds to exactly 1. Holds.',
      zh: '[-10, 10] 上的输出都在 (0, 1) 内；[-2, 2] 内的斜率是 ±4 之外的 63 倍。在 float64 中 sigmoid(100) 舍入后恰好为 1。成立。',
    },
  },
  vanishing_gradients: {
    title: { en: 'Sigmoid and tanh make gradients vanish in deep networks', zh: 'Sigmoid 和 tanh 会让深层网络的梯度消失' },
    claim: {
      en: "In a deep network the first layer's gradient is orders of magnitude smaller than the last layer's with sigmoid and with tanh, and not with ReLU.",
      zh: '在深层网络中，使用 sigmoid 和 tanh 时第一层的梯度比最后一层小几个数量级，使用 ReLU 时则不会。',
    },
    setup: {
      en: "A network of 10 hidden layers of 16 units, Glorot-initialised (He for ReLU), is trained for one epoch on the 'spiral' set with SGD (lr 0.01), over 10 seeds; the average gradient norm of each layer's weights is recorded. Each activation is judged on its own by the decades its gradient loses from the last hidden layer to the first (least-squares trend across the layers; 1 decade or more counts as vanishing).",
      zh: '在 spiral 数据集上用 SGD（学习率 0.01）训练一个 10 个隐藏层、每层 16 个单元的网络一轮（Glorot 初始化，ReLU 用 He 初始化），共 10 个种子，记录每层权重的平均梯度范数。每种激活单独判定，依据是梯度从最后一个隐藏层到第一层减少的数量级（跨层的最小二乘趋势；减少 1 个数量级及以上算作消失）。',
    },
    finding: {
      en: 'Sigmoid loses 5.7 decades (interval 5.5–5.9): its gradients vanish. tanh loses 0.02 (−0.18 to 0.22) and ReLU 0.13: neither vanishes. With Glorot initialisation tanh keeps its gradients in this network. Does not hold as stated: true for sigmoid, not for tanh (all 10 seeds agree).',
      zh: 'sigmoid 减少 5.7 个数量级（区间 5.5–5.9）：梯度消失了。tanh 减少 0.02（−0.18 到 0.22），ReLU 减少 0.13：都没有消失。在 Glorot 初始化下，这个网络中的 tanh 保住了梯度，所以论断按原话不成立：对 sigmoid 成立，对 tanh 不成立（10 个种子结论一致）。',
    },
  },
  tanh_sigmoid: {
    title: { en: 'tanh is a rescaled sigmoid with a steeper gradient', zh: 'tanh 是缩放后的 sigmoid，梯度更陡' },
    claim: {
      en: 'tanh(x) = 2·sigmoid(2x) − 1 for every x; the largest derivative of tanh is 1, that of sigmoid 0.25.',
      zh: '对所有 x，tanh(x) = 2·sigmoid(2x) − 1；tanh 的最大导数为 1，sigmoid 的为 0.25。',
    },
    setup: {
      en: 'Both sides of the identity are evaluated on 2001 points in [-10, 10] and the largest difference is measured; the maximal derivatives come from the property analysis. Deterministic and true by construction (an algebraic identity).',
      zh: '在 [-10, 10] 上的 2001 个点处计算恒等式两边并测量最大差异；最大导数来自性质分析。确定性实验，按构造成立（这是一个代数恒等式）。',
    },
    finding: {
      en: 'The two sides differ by at most 3.3e-16; the maximal derivatives are 1 and 0.25. Holds.',
      zh: '两边最多相差 3.3e-16；最大导数分别为 1 和 0.25。成立。',
    },
  },
  relu_sparsity: {
    title: { en: 'ReLU activations are sparse', zh: 'ReLU 的激活是稀疏的' },
    claim: {
      en: 'With random initialisation about half of the ReLU units output exactly 0 on a given input.',
      zh: '随机初始化时，对于给定输入，大约一半的 ReLU 单元输出恰好为 0。',
    },
    setup: {
      en: "Untrained networks with 3 hidden ReLU layers of 64 units (He initialisation, zero biases) are evaluated on the 'gauss' set, one per seed over 10 seeds; the share of exact zeros is measured per layer. 'About half' means a 95% interval inside 0.4–0.6. True by construction: zero-mean symmetric weights and zero biases make a negative sum as likely as a positive one.",
      zh: '在 gauss 数据集上评估未训练的网络（3 个隐藏 ReLU 层，每层 64 个单元，He 初始化，偏置为 0），每个种子一个，共 10 个种子；测量每层输出恰好为 0 的比例。“大约一半”指 95% 区间落在 0.4–0.6 之内。按构造成立：均值为 0 的对称权重和为 0 的偏置让加权和为负与为正的可能性相同。',
    },
    finding: {
      en: 'On average 49.7% of the outputs are exactly 0 (interval 48.6%–50.8%). Holds (10 of 10 seeds).',
      zh: '平均 49.7% 的输出恰好为 0（区间 48.6%–50.8%）。成立（10 个种子中 10 个）。',
    },
  },
  dying_relu: {
    title: { en: 'ReLU units can die; leaky ReLU keeps them alive', zh: 'ReLU 单元会“死亡”；leaky ReLU 让它们保持活跃' },
    claim: {
      en: 'With a large learning rate or a strongly negative bias a share of ReLU units never activate again and stop learning, while leaky ReLU units keep learning.',
      zh: '学习率过大或偏置强烈为负时，一部分 ReLU 单元再也不会被激活并停止学习；而 leaky ReLU 单元会继续学习。',
    },
    setup: {
      en: "A 2-32-32-1 network is trained on 'moons' with SGD, learning rate 1.0 and hidden biases starting at −0.5, for 30 epochs, once with relu and once with leaky_relu (slope 0.01), over 10 seeds. A unit is dead when its pre-activation is ≤ 0 on every training point; leaky ReLU units are measured the same way, and units already dead before training are subtracted. Lower lr or raise bias_init to make the effect vanish.",
      zh: '在 moons 数据集上用 SGD 训练 2-32-32-1 网络，学习率 1.0，隐藏层偏置初始为 −0.5，训练 30 轮，分别使用 relu 和 leaky_relu（斜率 0.01），共 10 个种子。当一个单元的预激活值在所有训练点上都 ≤ 0 时称它死亡；leaky ReLU 单元用同样的方式衡量，训练前就已死亡的单元被扣除。降低 lr 或提高 bias_init 可以让这一现象消失。',
    },
    finding: {
      en: 'About 7% of the units are dead before any training. Training kills 24% more ReLU units (interval 13%–35%), but leaky ReLU units fall silent too, 16% (difference not significant, p = 0.14), and both end at 95% accuracy. Inconclusive: ReLU units do die; that leaky ReLU prevents it is not shown (8 seeds hold, 2 do not).',
      zh: '训练前就已有约 7% 的单元死亡。训练又让 24% 的 ReLU 单元死亡（区间 13%–35%），但 leaky ReLU 单元也有 16% 沉默（差异不显著，p = 0.14），两者最终准确率都是 95%。无法确定：ReLU 单元确实会死亡；leaky ReLU 能防止这一点则没有得到证明（8 个种子成立，2 个不成立）。',
    },
  },
  relu_cost: {
    title: { en: 'ReLU is cheaper to compute than sigmoid and tanh', zh: 'ReLU 的计算比 sigmoid 和 tanh 更便宜' },
    claim: {
      en: 'The ReLU kernel runs faster than the sigmoid and tanh kernels.',
      zh: 'ReLU 内核的运行速度比 sigmoid 和 tanh 内核更快。',
    },
    setup: {
      en: "Each kernel's forward-and-derivative pass runs over 100,000 Float32 values, 15 rounds interleaved; the median times are compared as ratios (sigmoid/relu, tanh/relu) with a Welch test over the rounds, never as absolute times. 'Cheaper' means a ratio above 1.1. Timed, so it depends on the machine: repeated rounds instead of seeds, and its verdict is not pinned by the tests.",
      zh: '每个内核的前向加导数计算在 100,000 个 Float32 数上交错运行 15 轮；以中位时间的比值（sigmoid/relu、tanh/relu）比较，并对各轮做 Welch 检验，而不是比较绝对时间。“更便宜”指比值大于 1.1。这是计时实验，结果取决于机器：以重复轮次代替种子，其结论也不在测试中固定。',
    },
    finding: {
      en: 'On the machine that wrote this, sigmoid took about 10 times and tanh about 13 times as long as ReLU (p < 0.001). Holds there; run it on yours.',
      zh: '在撰写本文的机器上，sigmoid 的用时约为 ReLU 的 10 倍，tanh 约为 13 倍（p < 0.001）。在那台机器上成立；请在你的机器上运行。',
    },
  },
  softmax: {
    title: { en: 'Softmax turns scores into one probability distribution', zh: 'Softmax 把分数变成一个概率分布' },
    claim: {
      en: 'Softmax outputs are positive and sum to 1 over the classes: one probability distribution with a single winner. Independent sigmoid outputs are not a distribution (they need not sum to 1), and step outputs can claim several classes at once, or none.',
      zh: 'Softmax 的输出均为正且在各类别上之和为 1：这是一个只有一个胜者的概率分布。相互独立的 sigmoid 输出不构成分布（它们的和不一定为 1），阶跃输出则可能同时认领多个类别，或一个都不认领。',
    },
    setup: {
      en: '1000 random score vectors for 4 classes (normal, scale 2) go through softmax, through sigmoid per class and through a step per class, over 10 seeds. All three are judged by argmax, a tie counting against the output. Measured: the largest |sum − 1| of softmax rows, the share of rows whose sigmoid outputs sum to more than 0.05 away from 1, and the share of rows without a single argmax.',
      zh: '1000 个 4 类随机分数向量（正态分布，尺度 2）分别经过 softmax、逐类 sigmoid 和逐类阶跃函数，共 10 个种子。三者都按 argmax 判定，并列记为该输出的失败。测量 softmax 各行之和与 1 的最大偏差、sigmoid 输出之和与 1 相差超过 0.05 的行所占比例，以及没有唯一 argmax 的行所占比例。',
    },
    finding: {
      en: 'Softmax rows sum to 1 within 4.4e-16 with a single winner in every row. Sigmoid picks the same winner as softmax in every row (it is monotonic) but its outputs are not a distribution in 98% of rows; step outputs tie in 75% of rows. Holds (10 of 10 seeds).',
      zh: 'softmax 的每行之和与 1 相差不超过 4.4e-16，且每行都只有一个胜者。sigmoid 在每一行都与 softmax 选出同一个胜者（它是单调的），但在 98% 的行中它的输出不构成分布；阶跃输出在 75% 的行中出现并列。成立（10 个种子中 10 个）。',
    },
  },
  bounded_lr: {
    title: { en: 'Bounded activations tolerate larger learning rates', zh: '有界激活能承受更大的学习率' },
    claim: {
      en: 'A bounded range (tanh) makes gradient training more stable; an unbounded one (ReLU) wants a smaller learning rate: it diverges at a lower learning rate.',
      zh: '有界的值域（tanh）让梯度训练更稳定；无界的值域（ReLU）需要更小的学习率：它会在更低的学习率下发散。',
    },
    setup: {
      en: "A 1-32-32-1 network fits the 'sine' regression set (100 points) with SGD for 40 epochs at each learning rate of the grid (default 0.01 … 1), with tanh and with relu, over 10 seeds. A run counts as diverged when its loss becomes non-finite or ends above 2 × the loss of predicting the mean. Measured: per seed, which activation diverges at the smaller rate; per rate, the chance of divergence.",
      zh: '在 sine 回归数据集（100 个点）上，对网格中的每个学习率（默认 0.01 … 1），用 SGD 训练 1-32-32-1 网络 40 轮，分别使用 tanh 和 relu，共 10 个种子。若损失变为非有限值，或最终损失高于“预测均值”损失的 2 倍，则视为发散。测量每个种子中哪种激活在更小的学习率下发散，以及每个学习率下的发散概率。',
    },
    finding: {
      en: 'ReLU diverges at a smaller rate than tanh in 10 of 10 seeds (interval 72%–100%): ReLU already diverges at lr 0.03 in 10 seeds, tanh only from 0.1 (2 seeds) and 0.2 (all). Holds.',
      zh: '10 个种子中 ReLU 都比 tanh 在更小的学习率下发散（区间 72%–100%）：ReLU 在学习率 0.03 时 10 个种子就都发散了，tanh 从 0.1 才开始（2 个种子），到 0.2 时全部发散。成立。',
    },
  },
  identity_origin: {
    title: { en: 'Activations like the identity near 0 learn easily from small weights', zh: '在原点附近近似恒等的激活函数从小权重开始更容易学习' },
    claim: {
      en: 'Activations that approximate the identity near the origin (tanh: f(0) = 0, f′(0) = 1) learn more easily from small random initial weights than those that do not (sigmoid: f(0) = 0.5, f′(0) = 0.25).',
      zh: '在原点附近近似恒等的激活函数（tanh：f(0) = 0，f′(0) = 1）从较小的随机初始权重开始，比不具备这一性质的激活函数（sigmoid：f(0) = 0.5，f′(0) = 0.25）更容易学习。',
    },
    setup: {
      en: "A 2-16-16-1 network on 'circle' (120 points) trains with SGD (lr 0.5) for 60 epochs from Glorot weights × 0.1 (the claim) and × 1 (the control), with tanh and with sigmoid, over 10 seeds. Measured: final training losses, compared with a Welch test.",
      zh: '在 circle 数据集（120 个点）上，2-16-16-1 网络分别以 Glorot 权重 × 0.1（论断所说的情形）和 × 1（对照组）开始，用 SGD（学习率 0.5）训练 60 轮，分别使用 tanh 和 sigmoid，共 10 个种子。测量最终训练损失，并用 Welch 检验比较。',
    },
    finding: {
      en: 'From weights × 0.1, tanh ends at loss 0.43 (75% accuracy) while sigmoid has not moved, 0.70 (50%), p = 0.019; from ordinary weights tanh is ahead too (0.006 vs 0.57). Holds (10 of 10 seeds), though tanh is faster at both scales, not only from small weights.',
      zh: '从 × 0.1 的权重开始，tanh 最终损失 0.43（准确率 75%），sigmoid 则几乎没动，0.70（50%），p = 0.019；从常规权重开始 tanh 也领先（0.006 对 0.57）。成立（10 个种子中 10 个），不过 tanh 在两种尺度下都更快，并非只在小权重时。',
    },
  },
  monotonic_convex: {
    title: { en: 'A monotonic activation gives a single-layer model a convex error surface', zh: '单调激活函数让单层模型的误差曲面是凸的' },
    claim: {
      en: 'For a single neuron y = f(w·x), a monotonic activation gives a convex error surface, while a non-monotonic one (gaussian, sinusoid) gives local minima that are not global.',
      zh: '对单个神经元 y = f(w·x)，单调激活函数给出凸的误差曲面，而非单调激活函数（gaussian、sinusoid）会给出不是全局最小的局部极小值。',
    },
    setup: {
      en: 'Data come from a teacher neuron with w = 1.5 on 200 inputs in [-3, 3]. The loss of a student neuron is traced along w in [-6, 6] for sigmoid with cross-entropy and with squared error, tanh with squared error, and gaussian and sinusoid with squared error; convexity violations, local minima and local minima above the global one are counted. Deterministic: one fixed slice.',
      zh: '数据来自 w = 1.5 的“教师”神经元，输入为 [-3, 3] 内的 200 个点。沿 w ∈ [-6, 6] 描绘“学生”神经元的损失：sigmoid 配交叉熵和配平方误差、tanh 配平方误差，以及 gaussian 和 sinusoid 配平方误差；统计违反凸性的次数、局部极小值个数，以及高于全局最小值的局部极小值个数。确定性实验：一个固定的切片。',
    },
    finding: {
      en: 'Sigmoid with cross-entropy is convex (logistic regression), but sigmoid and tanh with squared error are not (182 and 185 violations), though each keeps a single minimum. The gaussian’s two minima are both global (it is even); the sinusoid has 4 local minima above the global one. Does not hold: monotonicity gives one valley, not convexity; convexity needs the matching loss.',
      zh: 'sigmoid 配交叉熵是凸的（就是逻辑回归），但 sigmoid 和 tanh 配平方误差都不是凸的（违反 182 次和 185 次），尽管它们都只有一个极小值。gaussian 的两个极小值都是全局最小（它是偶函数）；sinusoid 有 4 个高于全局最小值的局部极小值。不成立：单调性带来的是一个谷底，而不是凸性；凸性需要配套的损失。',
    },
  },
  start_with_relu: {
    title: { en: 'If unsure, start with ReLU', zh: '拿不准时，先用 ReLU' },
    claim: {
      en: 'ReLU is a good default: across data sets it ranks near the top of the common activations.',
      zh: 'ReLU 是一个好的默认选择：在多个数据集上，它在常用激活函数中排名靠前。',
    },
    setup: {
      en: "relu, tanh, sigmoid, leaky_relu and elu train a 2-16-16-k network with Adam (lr 0.02, 30 epochs, batches of 32) on circle, xor, spiral and moons (150 points, 30% held out), over 10 seeds; per seed each set ranks them by test accuracy (1 = best). 'Holds' means the 95% interval of ReLU's mean rank lies in the better half (≤ (n+1)/2).",
      zh: 'relu、tanh、sigmoid、leaky_relu 和 elu 分别在 circle、xor、spiral、moons（150 个点，留出 30%）上，用 Adam（学习率 0.02，30 轮，批大小 32）训练 2-16-16-k 网络，共 10 个种子；每个种子下每个数据集按测试准确率排名（1 为最好）。若 ReLU 平均名次的 95% 区间位于前一半（≤ (n+1)/2）则判定成立。',
    },
    finding: {
      en: 'ReLU’s mean rank is 2.43 of 5 (interval 2.17–2.68), tied with leaky ReLU (2.43), ahead of tanh (2.90) and ELU (3.10); sigmoid is last (4.15). Holds (10 of 10 seeds): ReLU is a good default, not a clear winner.',
      zh: 'ReLU 的平均名次为 5 个中的 2.43（区间 2.17–2.68），与 leaky ReLU（2.43）并列，领先 tanh（2.90）和 ELU（3.10）；sigmoid 最后（4.15）。成立（10 个种子中 10 个）：ReLU 是好的默认选择，但不是明显的赢家。',
    },
  },
  graded_outputs: {
    title: { en: 'A neuron is not an on/off switch', zh: '神经元不是开关' },
    claim: {
      en: 'In a trained network, sigmoid and tanh units produce graded outputs: most lie well inside the range, few near its ends, unlike step units, which only output 0 or 1.',
      zh: '在训练好的网络中，sigmoid 和 tanh 单元产生的是渐变的输出：大多数落在值域内部，很少接近两端；而阶跃单元只会输出 0 或 1。',
    },
    setup: {
      en: "2-16-1 networks are trained on 'circle' with standardised inputs (Adam, lr 0.01, 150 epochs) with sigmoid and tanh, over 10 seeds; step outputs are 0 or 1 by construction. The hidden outputs on the training data are read every 10 epochs. Measured: the share of outputs away from the outer 5% of the range at each end ('graded'); 'most' means a 95% interval at or above one half.",
      zh: '在输入经过标准化的 circle 数据集上用 Adam（学习率 0.01，150 轮）训练 2-16-1 网络，分别使用 sigmoid 和 tanh，共 10 个种子；阶跃输出按构造只能是 0 或 1。每 10 轮读取一次训练数据上的隐藏层输出。测量离值域两端各 5% 以外的输出比例（“渐变”）；“大多数”指 95% 区间不低于一半。',
    },
    finding: {
      en: 'Training pushes outputs to the ends: after 150 epochs only 49.7% of sigmoid outputs (interval 47.9%–51.5%) and 34.3% of tanh outputs are graded. Does not hold (10 of 10 seeds): the outputs are graded, not binary, but most are not well inside the range, and the share saturated keeps growing with training.',
      zh: '训练会把输出推向两端：150 轮后只有 49.7% 的 sigmoid 输出（区间 47.9%–51.5%）和 34.3% 的 tanh 输出是渐变的。不成立（10 个种子中 10 个）：输出是渐变的而不是二值的，但大多数并不在值域内部，而且饱和的比例随训练不断增长。',
    },
  },
  universal_approximation: {
    title: { en: 'One non-linear hidden layer can approximate any continuous function', zh: '一个非线性隐藏层可以逼近任意连续函数' },
    claim: {
      en: 'A single hidden layer with a non-linear activation, ReLU or tanh, fits a wiggly continuous function better and better as it grows wider, while no number of identity layers can do better than a straight line.',
      zh: '带非线性激活（ReLU 或 tanh）的单个隐藏层随着宽度增加，可以越来越好地拟合一个弯曲的连续函数；而无论多少个恒等层，都不会比一条直线更好。',
    },
    setup: {
      en: 'The target is sin(3x) + 0.3x on [-2, 2] (40 points). One tanh and one relu hidden layer of width 1, 2, 4, 8, 16 are trained with full-batch Adam (lr 0.05, 300 epochs), each unit starting centred at a random point of [-2, 2], over 10 seeds; a 3-layer identity network for comparison. Measured per seed: the rank correlation between width and error (−1 = every wider layer fits better).',
      zh: '目标函数为 [-2, 2] 上的 sin(3x) + 0.3x（40 个点）。用全批量 Adam（学习率 0.05，300 轮）训练宽度为 1、2、4、8、16 的单个 tanh 隐藏层和单个 relu 隐藏层，每个单元的中心初始化在 [-2, 2] 内的随机位置，共 10 个种子；并训练一个 3 层恒等网络作对比。每个种子测量宽度与误差的秩相关（−1 表示每加宽一次都拟合得更好）。',
    },
    finding: {
      en: 'The error falls with width for both: rank correlation −0.89 for tanh and −0.93 for ReLU; the widest layer’s error is 4% (tanh) and 9% (ReLU) of the narrowest’s. The identity network never beats the straight line. Holds (9 of 10 seeds).',
      zh: '两者的误差都随宽度下降：tanh 的秩相关为 −0.89，ReLU 为 −0.93；最宽层的误差是最窄层的 4%（tanh）和 9%（ReLU）。恒等网络从未胜过直线。成立（10 个种子中 9 个）。',
    },
  },
  smooth_monotonic: {
    title: { en: 'Smooth activations with a monotonic derivative usually train better', zh: '光滑且导数单调的激活函数通常训练得更好' },
    claim: {
      en: 'Activations that are smooth (C1 or better) and have a monotonic derivative reach better accuracy than the others.',
      zh: '光滑（至少 C1）且导数单调的激活函数比其他激活函数达到更高的准确率。',
    },
    setup: {
      en: 'Six distinct catalog activations are split by the property analysis: elu, softplus and squareplus (C1 or smoother, monotonic derivative) against relu, silu and tanh. Each trains a 2-16-16-1 network with Adam (lr 0.02, 30 epochs, batches of 32) on circle, xor and moons, over 10 seeds. Per seed the group means of test accuracy are taken; the groups are compared with a Welch test.',
      zh: '按性质分析把 6 个互不相同的目录激活函数分成两组：elu、softplus 和 squareplus（至少 C1 光滑、导数单调）对 relu、silu 和 tanh。每个激活函数在 circle、xor、moons 上用 Adam（学习率 0.02，30 轮，批大小 32）训练 2-16-16-1 网络，共 10 个种子。每个种子取两组测试准确率的均值，再用 Welch 检验比较两组。',
    },
    finding: {
      en: 'The smooth, monotonic-derivative group is less accurate: 95.0% against 97.6%, 2.5 points lower, p = 0.005. Does not hold (8 of 10 seeds say so, 2 are within 1 point).',
      zh: '光滑且导数单调的一组反而更不准确：95.0% 对 97.6%，低 2.5 个百分点，p = 0.005。不成立（10 个种子中 8 个如此，2 个相差在 1 个百分点以内）。',
    },
  },
  exploding_gradients: {
    title: { en: 'Large weights make gradients explode', zh: '过大的权重会让梯度爆炸' },
    claim: {
      en: 'When every layer amplifies the signal (weights larger than the scale that keeps it level), gradients grow exponentially with depth and explode.',
      zh: '当每一层都放大信号时（权重大于让信号保持平稳的尺度），梯度会随深度指数增长并爆炸。',
    },
    setup: {
      en: "Two ReLU networks of 10 hidden layers of 16 units, He initialisation × 2 and × 1 (the control), read their weight gradients at the initial weights on 'spiral' (one epoch at lr 1e-6), over 10 seeds. Measured: how many decades larger the first layer's gradient is than the control's (about 10·log10 2 ≈ 3 expected), and the trend across layers within each network.",
      zh: '两个 10 个隐藏层、每层 16 个单元的 ReLU 网络，分别采用 He 初始化 × 2 和 × 1（对照组），在 spiral 上于初始权重处读取权重梯度（学习率 1e-6 训练一轮），共 10 个种子。测量第一层的梯度比对照组大多少个数量级（预期约 10·log10 2 ≈ 3），以及每个网络内部跨层的趋势。',
    },
    finding: {
      en: 'The first layer’s gradient is 3.09 decades (interval 3.04–3.14) larger than the control’s, as 2^10 predicts. Holds (10 of 10 seeds). Within each network the gradient norms are level across layers: the explosion is in the size of all of them.',
      zh: '第一层的梯度比对照组大 3.09 个数量级（区间 3.04–3.14），与 2^10 的预测一致。成立（10 个种子中 10 个）。在每个网络内部，各层的梯度范数大致持平：爆炸体现在所有梯度的大小上。',
    },
  },
  mixed_layers: {
    title: { en: 'Layers may use different activations; regression needs a linear output', zh: '各层可以用不同的激活函数；回归需要线性输出' },
    claim: {
      en: 'Different layers of one network can use different activations, and for regression the output layer should be linear: a bounded output activation cannot reach targets outside its range.',
      zh: '同一个网络的不同层可以使用不同的激活函数；做回归时输出层应当是线性的：有界的输出激活无法达到其值域之外的目标。',
    },
    setup: {
      en: 'A 1-16-16-1 network with a tanh first layer and a ReLU second layer fits 3·sin(1.5x) + x plus noise on [-3, 3] (100 points, targets from about −4.3 to 4.3) with Adam (lr 0.03, 100 epochs, batches of 50), once with a linear output, once with tanh and once with sigmoid, over 10 seeds. Measured: R² of each, compared with a Welch test.',
      zh: '一个 1-16-16-1 网络，第一层用 tanh、第二层用 ReLU，用 Adam（学习率 0.03，100 轮，批大小 50）拟合 [-3, 3] 上加了噪声的 3·sin(1.5x) + x（100 个点，目标值约从 −4.3 到 4.3），输出层分别为线性、tanh 和 sigmoid，共 10 个种子。测量各自的 R²，并用 Welch 检验比较。',
    },
    finding: {
      en: 'With a linear output R² is 0.997; a tanh output, stuck inside (−1, 1), reaches 0.50 and a sigmoid output 0.25. Holds (10 of 10 seeds).',
      zh: '线性输出时 R² 为 0.997；tanh 输出被困在 (−1, 1) 内，只达到 0.50，sigmoid 输出为 0.25。成立（10 个种子中 10 个）。',
    },
  },
  linear_backprop: {
    title: { en: 'With a linear activation, is the backpropagated change independent of the input?', zh: '使用线性激活时，反向传播的改变与输入无关吗？' },
    claim: {
      en: 'With a linear activation the change that backpropagation makes does not depend on the input.',
      zh: '使用线性激活时，反向传播所做的改变与输入无关。',
    },
    setup: {
      en: "One linear unit a = 2·(w·x + b) in the training engine sees 9 inputs from −2 to 2; for each, the engine's backward pass with dL/da = 1 gives the factor f'(z) passed back and the weight gradient dL/dw. Deterministic.",
      zh: '训练引擎中的一个线性单元 a = 2·(w·x + b) 依次接收从 −2 到 2 的 9 个输入；对每个输入，引擎在 dL/da = 1 时的反向传播给出反传的因子 f\'(z) 和权重梯度 dL/dw。确定性实验。',
    },
    finding: {
      en: "f'(z) is 2 for every input: the factor passed back is constant. But dL/dw = δ·x = 2·x runs from −4 to 4: the change made to the weight is proportional to the input, as with any activation. Does not hold for the weight update; what is true is that the activation's derivative is constant.",
      zh: "对每个输入 f'(z) 都是 2：反传的因子是常数。但 dL/dw = δ·x = 2·x 从 −4 变到 4：对权重所做的改变与输入成正比，任何激活函数都是如此。对权重更新不成立；成立的是激活函数的导数为常数。",
    },
  },
  leaky_recovery: {
    title: { en: 'Leaky ReLU units recover; dead ReLU units stay dead', zh: 'Leaky ReLU 单元能恢复；死亡的 ReLU 单元一直死亡' },
    claim: {
      en: 'A ReLU unit that stops firing on every input gets no gradient and stays dead, while a leaky ReLU unit in the same situation still gets a small gradient and can come back.',
      zh: '对所有输入都不再激活的 ReLU 单元得不到梯度，会一直死亡；处于同样境地的 leaky ReLU 单元仍有小的梯度，可以恢复。',
    },
    setup: {
      en: "The dying_relu experiment (2-32-32-1 on 'moons', SGD lr 1, biases from −0.5, 30 epochs, 10 seeds), with every unit's pre-activation checked before training and after every epoch. Measured: of the units silent at some point, the share not silent at the end, for ReLU and leaky ReLU; and whether any first-layer ReLU unit came back (it cannot: its inputs never change).",
      zh: '沿用 dying_relu 的实验（moons 上的 2-32-32-1 网络，SGD 学习率 1，偏置初值 −0.5，30 轮，10 个种子），在训练前和每一轮之后检查每个单元的预激活值。测量：在某个时刻沉默过的单元中，结束时不再沉默的比例（ReLU 与 leaky ReLU 各自的）；以及是否有第一层的 ReLU 单元恢复（不可能：它的输入从不改变）。',
    },
    finding: {
      en: 'No dead first-layer ReLU unit ever came back. But second-layer ReLU units revive too, 17% of the silent ones (their inputs change), against 25% for leaky ReLU; the difference is not significant (p = 0.16). Inconclusive (7 seeds hold, 3 do not).',
      zh: '第一层死亡的 ReLU 单元从未恢复。但第二层的 ReLU 单元也会复活，沉默过的单元中有 17% 恢复（它们的输入在变化），leaky ReLU 为 25%；差异不显著（p = 0.16）。无法确定（7 个种子成立，3 个不成立）。',
    },
  },
  relu_blowup: {
    title: { en: "ReLU's unbounded outputs can blow up across layers", zh: 'ReLU 无界的输出可能逐层爆炸' },
    claim: {
      en: "ReLU's range is unbounded, so its outputs can grow from layer to layer and blow up the activations; a bounded activation such as tanh cannot pass its bound.",
      zh: 'ReLU 的值域无界，所以它的输出可能逐层增长，让激活值爆炸；tanh 这样的有界激活函数则无法越过它的界。',
    },
    setup: {
      en: "Untrained networks of 10 hidden layers of 32 units on the 'gauss' inputs: ReLU with He weights × 1.5, ReLU with He weights (the control) and tanh with the same large weights, over 10 seeds. Measured: the decades of growth of the mean |output| from the first hidden layer to the last, and the largest output.",
      zh: '在 gauss 输入上评估 10 个隐藏层、每层 32 个单元的未训练网络：He 权重 × 1.5 的 ReLU、He 权重的 ReLU（对照组），以及同样大权重的 tanh，共 10 个种子。测量平均 |输出| 从第一个隐藏层到最后一层增长的数量级，以及最大输出。',
    },
    finding: {
      en: 'With weights × 1.5 the ReLU outputs grow 1.5 decades over the layers (outputs up to 1329); with He weights they stay level (−0.1 decades); tanh never passes 1. Holds (9 of 10 seeds): unbounded outputs can blow up, but need not.',
      zh: '权重 × 1.5 时 ReLU 的输出逐层增长 1.5 个数量级（输出最大达 1329）；采用 He 权重时保持平稳（−0.1 个数量级）；tanh 从不超过 1。成立（10 个种子中 9 个）：无界的输出可能爆炸，但不一定。',
    },
  },
  sparse_compute: {
    title: { en: 'Sparsity saves computation only when zeros are skipped', zh: '只有跳过零值，稀疏性才能节省计算' },
    claim: {
      en: "ReLU's exact zeros can save computation, but only in a computation that skips them: a dense matrix product does the same work whatever the sparsity.",
      zh: 'ReLU 产生的精确零值可以节省计算，但只有在跳过它们的计算中才行：稠密矩阵乘法无论稀疏程度如何，工作量都一样。',
    },
    setup: {
      en: "Untrained 2-64-64-64-1 networks with ReLU and with sigmoid run a forward pass over 200 'gauss' points twice, densely and skipping inputs that are exactly 0, counting the multiply-adds, over 10 seeds. True by construction: the counts show the mechanism.",
      zh: '在 200 个 gauss 点上，对未训练的 2-64-64-64-1 网络（ReLU 与 sigmoid 各一个）各做两次前向计算：一次稠密计算，一次跳过恰好为 0 的输入，并统计乘加次数，共 10 个种子。按构造成立：计数展示了其中的机制。',
    },
    finding: {
      en: 'The dense pass does the same 1.68 million multiply-adds for both networks; skipping zeros saves 49.5% for ReLU (49.6% of its hidden outputs are 0) and nothing for sigmoid; the outputs are identical. Holds (10 of 10 seeds).',
      zh: '稠密计算对两个网络都是同样的 168 万次乘加；跳过零值对 ReLU 节省 49.5%（它的隐藏层输出中有 49.6% 为 0），对 sigmoid 毫无节省；两种计算的输出完全相同。成立（10 个种子中 10 个）。',
    },
  },
  sigmoid_probability: {
    title: { en: 'Sigmoid outputs suit probabilities in classifiers', zh: 'Sigmoid 输出适合在分类器中表示概率' },
    claim: {
      en: 'A sigmoid output lies in (0, 1) and, trained with cross-entropy, behaves like a probability: among points given about 0.7, about 70% are positive. A linear output is not confined to [0, 1].',
      zh: 'sigmoid 输出落在 (0, 1) 内，用交叉熵训练后表现得像概率：在输出约为 0.7 的点中，大约 70% 是正例。线性输出则不限于 [0, 1]。',
    },
    setup: {
      en: "A 2-8-1 tanh network on overlapping 'gauss' classes (400 points, noise 0.3, half held out) trains with Adam (lr 0.02, 60 epochs), once with a sigmoid output and cross-entropy, once with a linear output and squared error on the 0/1 labels, over 10 seeds. Measured on the held-out points: the share of outputs outside [0, 1] and the expected calibration error (10 bins).",
      zh: '在类别重叠的 gauss 数据（400 个点，噪声 0.3，留出一半）上，用 Adam（学习率 0.02，60 轮）训练 2-8-1 tanh 网络：一次用 sigmoid 输出配交叉熵，一次用线性输出配 0/1 标签上的平方误差，共 10 个种子。在留出的点上测量越出 [0, 1] 的输出比例和期望校准误差（10 个区间）。',
    },
    finding: {
      en: 'Sigmoid outputs stay in [0, 1] with a calibration error of 0.037 (interval 0.030–0.044); the linear output leaves [0, 1] on 37% of the points. Holds (10 of 10 seeds). Clipped to [0, 1], the linear output is about as well calibrated (0.036): the sigmoid’s gift is the range, the loss does the calibrating.',
      zh: 'sigmoid 输出都在 [0, 1] 内，校准误差为 0.037（区间 0.030–0.044）；线性输出在 37% 的点上越出 [0, 1]。成立（10 个种子中 10 个）。截断到 [0, 1] 后，线性输出的校准程度差不多（0.036）：sigmoid 带来的是值域，校准靠的是损失函数。',
    },
  },
} as const satisfies Record<string, LessonText>;

/** Id of a lesson, derived from the text table. */
export type LessonId = keyof typeof LESSON_TEXT;
