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
  'common.footer': {
    en: 'Train a small neural network in your browser and watch what its activation functions do. Everything runs locally; the link in the address bar keeps your settings.',
    zh: '在浏览器中训练一个小型神经网络，观察激活函数的作用。所有计算都在本地完成；地址栏中的链接会保存你的全部设置。',
  },
};
