import type { Dictionary } from './index.js';

/** Labels of the common part of the explorer: page title, regions, messages every panel may show. */
export const COMMON_TEXT: Dictionary = {
  'common.appTitle': { en: 'actlab explorer', zh: 'actlab 探索器' },
  'common.documentTitle': { en: 'actlab explorer — activation functions at work', zh: 'actlab 探索器——观察激活函数如何工作' },
  'common.skipToContent': { en: 'Skip to the workspace', zh: '跳到工作区' },
  'common.networkRegion': { en: 'Network', zh: '神经网络' },
  'common.activationRegion': { en: 'Activation functions', zh: '激活函数' },
  'common.panelFailed': { en: 'The {name} panel hit an error; the rest of the page still works.', zh: '“{name}”面板出错了；页面的其余部分仍可正常使用。' },
  'common.retry': { en: 'Try again', zh: '重试' },
  // banners (an engine error; a diverged run)
  'common.banner.errorTitle': { en: 'The settings cannot be trained:', zh: '当前设置无法训练：' },
  'common.banner.errorNote': { en: '(message of the training engine)', zh: '（训练引擎给出的英文说明）' },
  'common.banner.restoreDefaults': { en: 'Reset settings', zh: '恢复默认设置' },
  'common.banner.restoreDefaultsHint': { en: 'Back to the default data, network and training settings', zh: '恢复为默认的数据、网络和训练设置' },
  'common.banner.dismiss': { en: 'Dismiss', zh: '关闭' },
  'common.banner.backendTitle': { en: 'Slower training:', zh: '训练较慢：' },
  'common.diverged.title': { en: 'Training diverged.', zh: '训练发散了。' },
  'common.diverged.loss': {
    en: 'At epoch {epoch} the loss became {value}: the steps were too large. Lower the learning rate, then press Play: the network starts again from its initial weights with the new setting.',
    zh: '第 {epoch} 轮时损失变成了{value}：每一步更新太大了。请调小学习率，然后点击“运行”：网络会从初始权重开始，按新的设置重新训练。',
  },
  'common.diverged.activationHidden': {
    en: 'At epoch {epoch} the activation {activation} of hidden layer {layer} gave {value} for a finite input (z = {input}). No learning rate fixes that: choose another activation for that layer.',
    zh: '第 {epoch} 轮时，第 {layer} 个隐藏层的激活函数 {activation} 在有限的输入（z = {input}）上给出了{value}。调整学习率无法解决这个问题：请为该层换一个激活函数。',
  },
  'common.diverged.activationOutput': {
    en: 'At epoch {epoch} the output activation {activation} gave {value} for a finite input (z = {input}). No learning rate fixes that: choose another output activation.',
    zh: '第 {epoch} 轮时，输出层的激活函数 {activation} 在有限的输入（z = {input}）上给出了{value}。调整学习率无法解决这个问题：请换一个输出层激活函数。',
  },
  'common.diverged.nan': { en: 'NaN (not a number)', zh: ' NaN（非数值）' },
  'common.diverged.infinite': { en: 'infinite', zh: '无穷大' },
  'common.diverged.some': { en: 'Stopped: {labels}. The other models keep training.', zh: '已停止的模型：{labels}。其余模型继续训练。' },
  'common.diverged.resetNetwork': { en: 'Reset network', zh: '重置网络' },
  'common.diverged.resetNetworkHint': {
    en: 'Start again from the initial weights (same seed); all settings stay as they are',
    zh: '从初始权重（相同的随机种子）重新开始；所有设置保持不变',
  },
  'common.footer': {
    en: 'Train a small neural network in your browser and watch what its activation functions do. Everything runs locally; the link in the address bar keeps your settings.',
    zh: '在浏览器中训练一个小型神经网络，观察激活函数的作用。所有计算都在本地完成；地址栏中的链接会保存你的全部设置。',
  },
};
