/**
 * All lesson text in one place, in English (`en`) and Simplified Chinese (`zh`), so the CLI and the
 * web explorer show the same words. Keys are lesson ids.
 */

/** A text in both languages. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/** The words of one lesson. */
export interface LessonText {
  readonly title: Bilingual;
  /** The claim, in plain words. */
  readonly claim: Bilingual;
  /** What the experiment does (defaults in words; parameters can change them). */
  readonly setup: Bilingual;
}

/** Languages the lessons are written in. */
export type Language = keyof Bilingual;

/** Lesson text by lesson id. */
export const LESSON_TEXT = {
  neuron: {
    title: { en: 'What a neuron computes', zh: '一个神经元在计算什么' },
    claim: {
      en: "A neuron adds up the previous layer's outputs, each times its own weight, plus a weighted bias, applies its activation, and passes that output on to every neuron of the next layer. A whole layer does the same for all its neurons at once, as one matrix product.",
      zh: '一个神经元把上一层的各个输出分别乘以各自的权重后相加，再加上加权的偏置，然后施加激活函数，并把这个输出传给下一层的每一个神经元。整层神经元同时做同样的计算，就是一次矩阵乘法。',
    },
    setup: {
      en: 'Weighted inputs 0.5 and 0.2 plus weighted bias 0.1 give the sum 0.8; sigmoid(0.8) is passed on. Then a layer of 3 sigmoid neurons with 2 inputs is computed neuron by neuron and as x·W + b, and the two results are compared.',
      zh: '加权输入 0.5 与 0.2，加上加权偏置 0.1，得到和 0.8；把 sigmoid(0.8) 传下去。然后对一个有 2 个输入、3 个 sigmoid 神经元的层，分别逐个神经元计算和用 x·W + b 计算，并比较两者。',
    },
  },
  linear_depth: {
    title: { en: 'Without a non-linearity, depth is useless', zh: '没有非线性，深度毫无用处' },
    claim: {
      en: 'A deep network whose layers all use the identity activation computes exactly what one linear layer computes: the product of its weight matrices.',
      zh: '所有层都使用恒等激活函数的深层网络，其计算结果与单个线性层完全相同：就是各层权重矩阵的乘积。',
    },
    setup: {
      en: 'A random network with identity activations (default 5 hidden layers of 8 units, 2 inputs, 1 output) is collapsed into one layer W = W1·W2·…, b accordingly; both are evaluated on 200 random inputs and the largest difference is measured.',
      zh: '随机构造一个使用恒等激活的网络（默认 5 个隐藏层，每层 8 个单元，2 个输入，1 个输出），把它合并为一个层 W = W1·W2·…（偏置相应合并）；在 200 个随机输入上计算两者并测量最大差异。',
    },
  },
  xor: {
    title: { en: 'XOR needs a non-linearity', zh: 'XOR 需要非线性' },
    claim: {
      en: 'With linear activations a network cannot exceed 75% accuracy on XOR; with tanh, sigmoid or ReLU it reaches 100%.',
      zh: '使用线性激活时，网络在 XOR 上的准确率不可能超过 75%；使用 tanh、sigmoid 或 ReLU 时可以达到 100%。',
    },
    setup: {
      en: 'The four XOR points (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0 are learned by a 2-4-1 network with Adam for 300 epochs, once per activation (identity, tanh, sigmoid, relu); the best of 3 initialisations is kept for each.',
      zh: '用一个 2-4-1 网络和 Adam 训练 300 轮，学习 XOR 的四个点 (0,0)→0、(0,1)→1、(1,0)→1、(1,1)→0，每种激活（identity、tanh、sigmoid、relu）各一次；每种激活取 3 次初始化中最好的结果。',
    },
  },
  step_gradient: {
    title: { en: 'The step function cannot learn by gradient descent', zh: '阶跃函数无法通过梯度下降学习' },
    claim: {
      en: "The binary step's derivative is 0 almost everywhere, so gradient descent does not move the hidden weights and the loss stays where it started, while a sigmoid network learns the same task.",
      zh: '二值阶跃函数的导数几乎处处为 0，因此梯度下降无法移动隐藏层权重，损失停留在初始值；而 sigmoid 网络可以学会同样的任务。',
    },
    setup: {
      en: "A 2-8-1 network is trained on the 'circle' data set (200 points) with plain SGD (lr 0.5, 100 epochs), once with binary_step and once with sigmoid hidden units. Measured: how far the hidden weights moved and how much the loss fell.",
      zh: '在 circle 数据集（200 个点）上用普通 SGD（学习率 0.5，100 轮）训练 2-8-1 网络，隐藏单元分别使用 binary_step 和 sigmoid。测量隐藏层权重移动了多少、损失下降了多少。',
    },
  },
  linear_gradient: {
    title: { en: 'A linear activation has a constant gradient', zh: '线性激活的梯度是常数' },
    claim: {
      en: "The derivative of a linear activation f(x) = c·x is c everywhere, whatever the input; a non-linear activation's derivative changes with the input.",
      zh: '线性激活 f(x) = c·x 的导数处处等于 c，与输入无关；而非线性激活的导数随输入变化。',
    },
    setup: {
      en: 'The derivatives of identity and of c·x (default c = 2) are evaluated on 401 points in [-10, 10] and their spread (max − min) is measured, next to tanh for contrast.',
      zh: '在 [-10, 10] 上的 401 个点处计算 identity 与 c·x（默认 c = 2）的导数，测量其变化幅度（最大值 − 最小值），并与 tanh 对比。',
    },
  },
  sigmoid_squash: {
    title: { en: "Sigmoid is bounded in (0, 1) and squashes large inputs", zh: 'Sigmoid 的输出限制在 (0, 1) 内并压缩大输入' },
    claim: {
      en: "Sigmoid's output always lies between 0 and 1; it is steep for inputs between about −2 and 2 and nearly flat beyond them.",
      zh: 'Sigmoid 的输出始终介于 0 和 1 之间；输入在约 −2 到 2 之间时曲线陡峭，超出这个范围后几乎是平的。',
    },
    setup: {
      en: "Sigmoid and its derivative are sampled on [-10, 10]: the extreme outputs, the mean slope inside [-2, 2] and the mean slope outside [-4, 4] (the 'flat' threshold is 4 by default).",
      zh: '在 [-10, 10] 上采样 sigmoid 及其导数：输出的极值、[-2, 2] 内的平均斜率、[-4, 4] 外的平均斜率（“平坦”阈值默认为 4）。',
    },
  },
  vanishing_gradients: {
    title: { en: 'Sigmoid and tanh make gradients vanish in deep networks', zh: 'Sigmoid 和 tanh 会让深层网络的梯度消失' },
    claim: {
      en: "In a deep network the first layer's gradient is orders of magnitude smaller than the last layer's with sigmoid, less so with tanh, and not with ReLU.",
      zh: '在深层网络中，使用 sigmoid 时第一层的梯度比最后一层小几个数量级，tanh 的情况较轻，ReLU 则不会这样。',
    },
    setup: {
      en: "A network of 10 hidden layers of 16 units, Glorot-initialised (He for ReLU), is trained for one epoch on the 'spiral' set with SGD (lr 0.01); the average gradient norm of each layer's weights is recorded. Measured: log10(last hidden layer's norm / first layer's norm) per activation.",
      zh: '在 spiral 数据集上用 SGD（学习率 0.01）训练一个 10 个隐藏层、每层 16 个单元的网络一轮（Glorot 初始化，ReLU 用 He 初始化），记录每层权重的平均梯度范数。测量每种激活的 log10(最后隐藏层范数 / 第一层范数)。',
    },
  },
  tanh_sigmoid: {
    title: { en: 'tanh is a rescaled sigmoid with a steeper gradient', zh: 'tanh 是缩放后的 sigmoid，梯度更陡' },
    claim: {
      en: 'tanh(x) = 2·sigmoid(2x) − 1 for every x; the largest derivative of tanh is 1, that of sigmoid 0.25.',
      zh: '对所有 x，tanh(x) = 2·sigmoid(2x) − 1；tanh 的最大导数为 1，sigmoid 的为 0.25。',
    },
    setup: {
      en: 'Both sides of the identity are evaluated on 2001 points in [-10, 10] and the largest difference is measured; the maximal derivatives come from the property analysis.',
      zh: '在 [-10, 10] 上的 2001 个点处计算恒等式两边并测量最大差异；最大导数来自性质分析。',
    },
  },
  relu_sparsity: {
    title: { en: 'ReLU activations are sparse', zh: 'ReLU 的激活是稀疏的' },
    claim: {
      en: 'With random initialisation about half of the ReLU units output exactly 0 on a given input.',
      zh: '随机初始化时，对于给定输入，大约一半的 ReLU 单元输出恰好为 0。',
    },
    setup: {
      en: "Untrained networks with 3 hidden ReLU layers of 64 units (He initialisation, zero biases) are evaluated on the 'gauss' set over 5 initialisations; the fraction of exact zeros is measured per layer. 'About half' means within 0.4–0.6.",
      zh: '在 gauss 数据集上评估 5 个未训练的网络（3 个隐藏 ReLU 层，每层 64 个单元，He 初始化，偏置为 0），测量每层输出恰好为 0 的比例。“大约一半”指在 0.4–0.6 之间。',
    },
  },
  dying_relu: {
    title: { en: 'ReLU units can die; leaky ReLU keeps them alive', zh: 'ReLU 单元会“死亡”；leaky ReLU 让它们保持活跃' },
    claim: {
      en: 'With a large learning rate or a strongly negative bias a share of ReLU units never activate again and stop learning, while leaky ReLU units keep learning.',
      zh: '学习率过大或偏置强烈为负时，一部分 ReLU 单元再也不会被激活并停止学习；而 leaky ReLU 单元会继续学习。',
    },
    setup: {
      en: "A 2-32-32-1 network is trained on 'moons' with SGD, learning rate 1.0 and hidden biases starting at −0.5, for 30 epochs, once with relu and once with leaky_relu (slope 0.01), over 3 seeds. Measured: the final dead fraction (units inactive on every sample of an epoch). Lower lr or raise bias_init to make the effect vanish.",
      zh: '在 moons 数据集上用 SGD 训练 2-32-32-1 网络，学习率 1.0，隐藏层偏置初始为 −0.5，训练 30 轮，分别使用 relu 和 leaky_relu（斜率 0.01），共 3 个种子。测量最终的“死亡”比例（在一整轮所有样本上都不激活的单元）。降低 lr 或提高 bias_init 可以让这一现象消失。',
    },
  },
  relu_cost: {
    title: { en: 'ReLU is cheaper to compute than sigmoid and tanh', zh: 'ReLU 的计算比 sigmoid 和 tanh 更便宜' },
    claim: {
      en: 'The ReLU kernel runs faster than the sigmoid and tanh kernels.',
      zh: 'ReLU 内核的运行速度比 sigmoid 和 tanh 内核更快。',
    },
    setup: {
      en: "Each kernel's forward-and-derivative pass runs over 100,000 Float32 values, 7 times interleaved; the median times are compared as ratios (sigmoid/relu, tanh/relu), never as absolute times. 'Cheaper' means a ratio above 1.1.",
      zh: '每个内核的前向加导数计算在 100,000 个 Float32 数上交错运行 7 次；以中位时间的比值（sigmoid/relu、tanh/relu）比较，而不是绝对时间。“更便宜”指比值大于 1.1。',
    },
  },
  softmax: {
    title: { en: 'Softmax turns scores into one probability distribution', zh: 'Softmax 把分数变成一个概率分布' },
    claim: {
      en: 'Softmax outputs are positive and sum to 1 over the classes, so exactly one class wins; independent step or sigmoid outputs can claim several classes at once (or none).',
      zh: 'Softmax 的输出均为正且在各类别上之和为 1，因此恰好有一个类别胜出；独立的阶跃或 sigmoid 输出可能同时认领多个类别（或一个都不认领）。',
    },
    setup: {
      en: '1000 random score vectors for 4 classes (normal, scale 2) go through softmax, through sigmoid per class and through a step per class. Measured: the largest |sum − 1| of softmax rows, and the share of rows where sigmoid (≥ 0.5) or step outputs claim more than one class or none.',
      zh: '1000 个 4 类随机分数向量（正态分布，尺度 2）分别经过 softmax、逐类 sigmoid 和逐类阶跃函数。测量 softmax 各行之和与 1 的最大偏差，以及 sigmoid（≥ 0.5）或阶跃输出认领多于一个类别或一个都不认领的行所占比例。',
    },
  },
  bounded_lr: {
    title: { en: 'Bounded activations tolerate larger learning rates', zh: '有界激活能承受更大的学习率' },
    claim: {
      en: 'A bounded range (tanh) makes gradient training more stable; an unbounded one (ReLU) wants a smaller learning rate: it diverges at a lower learning rate.',
      zh: '有界的值域（tanh）让梯度训练更稳定；无界的值域（ReLU）需要更小的学习率：它会在更低的学习率下发散。',
    },
    setup: {
      en: "A 1-32-32-1 network fits the 'sine' regression set with SGD for 40 epochs at each learning rate of the grid (default 0.01 … 1), with tanh and with relu. A run counts as diverged when its loss becomes non-finite or ends above the loss of predicting the mean (about 0.5) times 2. Measured: the smallest diverging learning rate of each.",
      zh: '在 sine 回归数据集上，对网格中的每个学习率（默认 0.01 … 1），用 SGD 训练 1-32-32-1 网络 40 轮，分别使用 tanh 和 relu。若损失变为非有限值，或最终损失高于“预测均值”损失（约 0.5）的 2 倍，则视为发散。测量每种激活最小的发散学习率。',
    },
  },
  identity_origin: {
    title: { en: 'Activations like the identity near 0 learn easily from small weights', zh: '在原点附近近似恒等的激活函数从小权重开始更容易学习' },
    claim: {
      en: 'Activations that approximate the identity near the origin (tanh: f(0) = 0, f′(0) = 1) learn more easily from small random initial weights than those that do not (sigmoid: f(0) = 0.5, f′(0) = 0.25).',
      zh: '在原点附近近似恒等的激活函数（tanh：f(0) = 0，f′(0) = 1）从较小的随机初始权重开始，比不具备这一性质的激活函数（sigmoid：f(0) = 0.5，f′(0) = 0.25）更容易学习。',
    },
    setup: {
      en: "A 2-16-16-1 network on 'circle' starts from Glorot weights multiplied by 0.1 and trains with SGD (lr 0.5) for 100 epochs, over 3 seeds, with tanh and with sigmoid. Measured: mean final training loss and accuracy.",
      zh: '在 circle 数据集上，2-16-16-1 网络以乘以 0.1 的 Glorot 权重开始，用 SGD（学习率 0.5）训练 100 轮，共 3 个种子，分别使用 tanh 和 sigmoid。测量平均最终训练损失与准确率。',
    },
  },
  monotonic_convex: {
    title: { en: 'A monotonic activation gives a single-layer model a convex error surface', zh: '单调激活函数让单层模型的误差曲面是凸的' },
    claim: {
      en: 'For a single neuron y = f(w·x) trained with a matching loss (cross-entropy for sigmoid), a monotonic activation gives a loss surface with a single valley; a non-monotonic one (gaussian, sinusoid) gives several local minima.',
      zh: '对单个神经元 y = f(w·x)，在配套的损失下（sigmoid 配交叉熵），单调激活函数给出只有一个谷底的损失曲面；非单调激活函数（gaussian、sinusoid）会给出多个局部极小值。',
    },
    setup: {
      en: 'Data come from a teacher neuron with w = 1.5 on 200 inputs in [-3, 3]. The loss of a student neuron is traced along w in [-6, 6] (sigmoid with cross-entropy; gaussian and sinusoid with squared error) and the local minima and convexity violations of each curve are counted.',
      zh: '数据来自 w = 1.5 的“教师”神经元，输入为 [-3, 3] 内的 200 个点。沿 w ∈ [-6, 6] 描绘“学生”神经元的损失（sigmoid 配交叉熵；gaussian 与 sinusoid 配平方误差），统计每条曲线的局部极小值个数和违反凸性的次数。',
    },
  },
  start_with_relu: {
    title: { en: 'If unsure, start with ReLU', zh: '拿不准时，先用 ReLU' },
    claim: {
      en: 'ReLU is a good default: across data sets it ranks near the top of the common activations.',
      zh: 'ReLU 是一个好的默认选择：在多个数据集上，它在常用激活函数中排名靠前。',
    },
    setup: {
      en: "relu, tanh, sigmoid, leaky_relu and elu train a 2-16-16-k network with Adam (lr 0.01, 60 epochs) on circle, xor, spiral and moons over 2 seeds; each set ranks them by mean test accuracy (1 = best). 'Holds' means ReLU's average rank is in the better half (≤ (n+1)/2).",
      zh: 'relu、tanh、sigmoid、leaky_relu 和 elu 分别在 circle、xor、spiral、moons 上，用 Adam（学习率 0.01，60 轮）训练 2-16-16-k 网络，共 2 个种子；每个数据集按平均测试准确率排名（1 为最好）。若 ReLU 的平均名次位于前一半（≤ (n+1)/2）则判定成立。',
    },
  },
  graded_outputs: {
    title: { en: 'A neuron is not an on/off switch', zh: '神经元不是开关' },
    claim: {
      en: 'In a trained network, sigmoid and tanh units produce graded outputs: most lie well inside the range, few near its ends, unlike step units, which only output 0 or 1.',
      zh: '在训练好的网络中，sigmoid 和 tanh 单元产生的是渐变的输出：大多数落在值域内部，很少接近两端；而阶跃单元只会输出 0 或 1。',
    },
    setup: {
      en: "2-16-1 networks are trained on 'circle' with standardised inputs (Adam, 80 epochs) with sigmoid, tanh and binary_step; the hidden outputs on the training data are collected. Measured: the share of outputs within 5% of the range's ends (saturated) per activation.",
      zh: '在输入经过标准化的 circle 数据集上用 Adam 训练 2-16-1 网络 80 轮，分别使用 sigmoid、tanh 和 binary_step，收集训练数据上的隐藏层输出。测量每种激活中落在值域两端 5% 以内（饱和）的输出比例。',
    },
  },
  universal_approximation: {
    title: { en: 'One non-linear hidden layer can approximate any continuous function', zh: '一个非线性隐藏层可以逼近任意连续函数' },
    claim: {
      en: 'A single hidden layer with a non-linear activation fits a wiggly continuous function better and better as it grows wider, while no number of identity layers can do better than a straight line.',
      zh: '带非线性激活的单个隐藏层随着宽度增加，可以越来越好地拟合一个弯曲的连续函数；而无论多少个恒等层，都不会比一条直线更好。',
    },
    setup: {
      en: 'The target is sin(3x) + 0.3x on [-2, 2] (200 points). One tanh hidden layer of width 1, 2, 4, 8, 16, 32 is trained with Adam (lr 0.02, 400 epochs), and a 3-layer identity network of width 32 for comparison. Measured: the mean squared error of each.',
      zh: '目标函数为 [-2, 2] 上的 sin(3x) + 0.3x（200 个点）。用 Adam（学习率 0.02，400 轮）训练宽度为 1、2、4、8、16、32 的单个 tanh 隐藏层，并训练一个 3 层、宽 32 的恒等网络作对比。测量各自的均方误差。',
    },
  },
  smooth_monotonic: {
    title: { en: 'Smooth activations with a monotonic derivative usually train better', zh: '光滑且导数单调的激活函数通常训练得更好' },
    claim: {
      en: 'Activations that are smooth (C1 or better) and have a monotonic derivative reach better accuracy than the others.',
      zh: '光滑（至少 C1）且导数单调的激活函数比其他激活函数达到更高的准确率。',
    },
    setup: {
      en: 'A set of catalog activations is split by the property analysis into those that are C1 or smoother with a monotonic derivative, and the rest. Each trains a 2-16-16-1 network with Adam (lr 0.01, 50 epochs) on circle, xor and moons over 2 seeds. The group means of test accuracy are compared; a difference within 1 percentage point is inconclusive.',
      zh: '按性质分析把一组目录中的激活函数分成两组：至少 C1 光滑且导数单调的一组，以及其余的。每个激活函数在 circle、xor、moons 上用 Adam（学习率 0.01，50 轮）训练 2-16-16-1 网络，共 2 个种子。比较两组的平均测试准确率；差异在 1 个百分点以内则判为无法确定。',
    },
  },
} as const satisfies Record<string, LessonText>;

/** Id of a lesson, derived from the text table. */
export type LessonId = keyof typeof LESSON_TEXT;
