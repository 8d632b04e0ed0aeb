import type { Dictionary } from './index.js';

/**
 * Labels of the teaching instruments: pace control, side-panel tabs, the "why" views, lesson checkpoints
 * and observations, the activation table and the phone's bottom bar.
 */
export const TEACH_TEXT: Dictionary = {
  // Pace
  'teach.pace.label': { en: 'Speed', zh: '速度' },
  'teach.pace.value': { en: '{n} epochs/s', zh: '每秒 {n} 轮' },
  'teach.pace.full': { en: 'Full speed', zh: '全速' },
  'teach.pace.hint': { en: 'Slow motion lets you watch the boundary and the weights move; full speed trains as fast as the machine can.', zh: '慢速可以看清决策边界和权重的移动；全速则以机器的最快速度训练。' },
  'teach.trainTo.label': { en: 'Train to epoch', zh: '训练到第几轮' },
  'teach.trainTo.go': { en: 'Go', zh: '开始' },
  'teach.trainTo.hint': { en: 'Trains at the chosen speed and pauses at the end of that epoch', zh: '按所选速度训练，并在该轮结束时暂停' },
  'teach.trainTo.pending': { en: 'pauses at epoch {n}', zh: '将在第 {n} 轮暂停' },

  // Side panel
  'teach.tabs.label': { en: 'Views', zh: '视图' },
  'teach.tab.why': { en: 'Why', zh: '原理' },
  'teach.tab.gradients': { en: 'Gradients', zh: '梯度' },
  'teach.tab.inspector': { en: 'Neuron', zh: '神经元' },
  'teach.tab.compare': { en: 'Compare', zh: '对比' },
  'teach.tab.plane': { en: 'Output', zh: '输出' },
  'teach.tab.network': { en: 'Network', zh: '网络' },
  'teach.tab.loss': { en: 'Loss', zh: '损失' },

  // Why views
  'teach.why.title': { en: 'Activation per layer: f, f′ and the live z', zh: '每层的激活函数：f、f′ 与实时的 z' },
  'teach.why.zKey': { en: 'z on the training data', zh: '训练数据上的 z' },
  'teach.why.stats': { en: 'zero outputs {zeros} · mean |f′(z)| {slope}', zh: '零输出 {zeros} · 平均 |f′(z)| {slope}' },
  'teach.why.plotAria': { en: 'Layer {l}: activation, its derivative and the distribution of pre-activations', zh: '第 {l} 层：激活函数、其导数与预激活值的分布' },
  'teach.why.noHidden': { en: 'No hidden layer: add one to see its activation at work.', zh: '没有隐藏层：添加一层即可看到激活函数的作用。' },
  'teach.product.title': { en: 'A linear network is one matrix', zh: '线性网络就是一个矩阵' },
  'teach.product.note': {
    en: 'Every hidden activation is linear, so the {n} layers multiply out to one matrix: the whole network computes one affine map of its inputs.',
    zh: '所有隐藏层的激活函数都是线性的，所以这 {n} 层相乘后只是一个矩阵：整个网络只计算输入的一个仿射映射。',
  },
  'teach.product.line': { en: 'Its only decision line:', zh: '它唯一的决策直线：' },

  // Inspector additions
  'teach.inspector.atDataPoint': { en: 'At the first data point (hover the output to move)', zh: '在第一个数据点处（将指针移到输出图上可移动）' },
  'teach.probs.title': { en: 'Output probabilities at this point', zh: '该点的输出概率' },
  'teach.probs.sum': { en: 'sum = {s}', zh: '总和 = {s}' },
  'teach.chain.title': { en: 'Backward chain at this point', zh: '该点的反向传播链' },
  'teach.chain.note': {
    en: 'On the way back, each layer multiplies the gradient by its slopes f′(z). Product: the mean factors multiplied from the output down to that layer.',
    zh: '反向传播时，每一层都把梯度乘以它的斜率 f′(z)。乘积：从输出层一直乘到该层的平均因子。',
  },
  'teach.chain.layer': { en: 'Layer', zh: '层' },
  'teach.chain.slopes': { en: 'f′(z) of its units', zh: '各单元的 f′(z)' },
  'teach.chain.mean': { en: 'mean |f′|', zh: '平均 |f′|' },
  'teach.chain.product': { en: 'product', zh: '乘积' },
  'teach.chain.grad': { en: '‖gradient‖', zh: '‖梯度‖' },

  // Lesson checkpoints and observations
  'teach.checkpoint': { en: '▶ trains to epoch {n} and pauses there.', zh: '▶ 会训练到第 {n} 轮并在那里暂停。' },
  'teach.checkpoint.reached': { en: 'Checkpoint reached:', zh: '已到达检查点：' },
  'teach.watch': { en: 'Watch: {view}', zh: '请看：{view}' },
  'teach.restart': { en: 'Restart this step', zh: '重新开始这一步' },
  'teach.restart.hint': { en: 'Choosing a lesson, Next and Back set the explorer up at once; this starts the step again from fresh weights.', zh: '选择课程、下一步和上一步都会立即设置好探索器；这个按钮让本步骤从新的初始权重重新开始。' },
  'teach.obs.loss': { en: 'epoch {epoch}: train loss {train}, test loss {test}.', zh: '第 {epoch} 轮：训练损失 {train}，测试损失 {test}。' },
  'teach.obs.lossAcc': { en: 'epoch {epoch}: train loss {train}, test loss {test}, test accuracy {acc}.', zh: '第 {epoch} 轮：训练损失 {train}，测试损失 {test}，测试准确率 {acc}。' },
  'teach.obs.gradSmaller': {
    en: 'epoch {epoch}: layer 1’s gradient ({g1}) is {ratio}× smaller than layer {l}’s ({gl}).',
    zh: '第 {epoch} 轮：第 1 层的梯度（{g1}）是第 {l} 层（{gl}）的 {ratio} 分之一。',
  },
  'teach.obs.gradLarger': {
    en: 'epoch {epoch}: layer 1’s gradient ({g1}) is {ratio}× larger than layer {l}’s ({gl}).',
    zh: '第 {epoch} 轮：第 1 层的梯度（{g1}）是第 {l} 层（{gl}）的 {ratio} 倍。',
  },
  'teach.obs.gradZero': { en: 'epoch {epoch}: layer 1’s gradient is exactly 0 (layer {l}: {gl}).', zh: '第 {epoch} 轮：第 1 层的梯度恰好为 0（第 {l} 层：{gl}）。' },
  'teach.obs.gradOne': { en: 'epoch {epoch}: hidden layer gradient {g1}, output layer {out}.', zh: '第 {epoch} 轮：隐藏层梯度 {g1}，输出层 {out}。' },
  'teach.obs.dead': { en: 'epoch {epoch}: dead units {list}.', zh: '第 {epoch} 轮：死亡单元 {list}。' },
  'teach.obs.saturated': { en: 'epoch {epoch}: saturated units per layer {list}.', zh: '第 {epoch} 轮：各层饱和单元比例 {list}。' },
  'teach.obs.zeros': { en: 'epoch {epoch}: zero outputs per layer {list}.', zh: '第 {epoch} 轮：各层零输出比例 {list}。' },
  'teach.obs.compare': { en: 'epoch {epoch}, same for every model: test loss {list}.', zh: '第 {epoch} 轮（所有模型相同）：测试损失 {list}。' },
  'teach.verdict.beside': { en: 'Measured verdict:', zh: '实测结论：' },

  // Compare at equal epochs
  'teach.compare.atEpoch': { en: 'All models at epoch {n} (trained in lockstep)', zh: '所有模型都在第 {n} 轮（同步训练）' },

  // Health
  'teach.health.zeroGrad': { en: 'zero gradient by design', zh: '设计上梯度为零' },
  'teach.health.note': {
    en: 'Crossed out = dead: a ReLU-like unit with z < 0 on all training data. Dashed = saturated: a bounded activation whose slope is nearly 0 on the data. Dotted = zero gradient by design (a step), its picture left visible.',
    zh: '叉号 = 死亡：ReLU 类单元在所有训练数据上 z < 0。虚线 = 饱和：有界激活函数在数据上的斜率几乎为 0。点线 = 设计上梯度为零（阶跃函数），其图像保持可见。',
  },

  // Activation table
  'teach.table.title': { en: 'All activations', zh: '全部激活函数' },
  'teach.table.filter': { en: 'Filter', zh: '筛选' },
  'teach.table.filterHint': { en: 'e.g. relu, yes, C¹', zh: '例如 relu、是、C¹' },
  'teach.table.computing': { en: 'computing properties… {n} of {total}', zh: '正在计算性质…… {n}/{total}' },
  'teach.table.count': { en: '{n} of {total}', zh: '{n}/{total}' },
  'teach.table.note': {
    en: 'Every property is computed from the formula. Click a column to sort; click a row to load that activation into every hidden layer.',
    zh: '所有性质都由公式计算得出。点击列标题排序；点击一行即可把该激活函数载入所有隐藏层。',
  },
  'teach.table.load': { en: 'Load', zh: '载入' },
  'teach.table.toLayers': { en: 'Layers', zh: '各层' },
  'teach.table.toCompare': { en: 'Compare', zh: '对比' },
  'teach.table.col.name': { en: 'Activation', zh: '激活函数' },
  'teach.table.col.range': { en: 'Range', zh: '值域' },
  'teach.table.col.monotonic': { en: 'Monotonic', zh: '单调' },
  'teach.table.col.monotonicDerivative': { en: 'Monotonic f′', zh: '导数单调' },
  'teach.table.col.continuity': { en: 'Smoothness', zh: '光滑性' },
  'teach.table.col.identity': { en: 'Identity near 0', zh: '原点附近恒等' },
  'teach.table.col.zeroCentered': { en: 'Zero-centred', zh: '以零为中心' },
  'teach.table.col.saturating': { en: 'Saturating', zh: '饱和' },
  'teach.table.col.deadZone': { en: 'Dead zone (f′ = 0)', zh: '死区（f′ = 0）' },
  'teach.table.cont.discontinuous': { en: 'jumps', zh: '有跳跃' },
  'teach.table.cont.C0': { en: 'C⁰', zh: 'C⁰' },
  'teach.table.cont.C1': { en: 'C¹', zh: 'C¹' },
  'teach.table.cont.C2': { en: 'C²', zh: 'C²' },
  'teach.table.cont.C3': { en: 'C³ or smoother', zh: 'C³ 或更光滑' },
  'teach.table.sat.both': { en: 'both ends', zh: '两端' },
  'teach.table.sat.left': { en: 'left (x → −∞)', zh: '左端（x → −∞）' },
  'teach.table.sat.right': { en: 'right (x → +∞)', zh: '右端（x → +∞）' },
  'teach.table.sat.none': { en: 'no', zh: '否' },

  'teach.layers.mixed': { en: '(layers differ)', zh: '（各层不同）' },

  'teach.network.layerShort': { en: 'Layer {l}', zh: '第 {l} 层' },

  'teach.health.stepOnly': { en: 'A step has zero gradient by design: its units are neither dead nor saturated, they never get a gradient at all.', zh: '阶跃函数在设计上梯度为零：它的单元既不算死亡也不算饱和，而是根本得不到梯度。' },
  'teach.health.noneApply': { en: 'These activations can neither die (no flat half-line) nor saturate (not bounded at both ends).', zh: '这些激活函数既不会死亡（没有平坦的半直线），也不会饱和（并非两端有界）。' },

  // Phone bar
  'teach.phone.view': { en: 'Show', zh: '显示' },
  'teach.phone.pick': { en: 'a view…', zh: '选择视图…' },
};
