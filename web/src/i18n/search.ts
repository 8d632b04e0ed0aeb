import type { Dictionary } from './index.js';

/** Labels of the activation-search panel. */
export const SEARCH_TEXT: Dictionary = {
  'search.title': { en: 'Search for an activation', zh: '搜索激活函数' },
  'search.hint': {
    en: 'Builds candidate functions from unary and binary operators (as Ramachandran et al. 2017), drops duplicates and hopeless ones, trains each on this data over several seeds, and finally compares the best with ReLU, GELU, SiLU and tanh on fresh seeds (Welch test, Holm correction). Click a row to use it in every hidden layer.',
    zh: '用一元和二元运算组合出候选函数（同 Ramachandran 等 2017），去掉重复和无望的候选，在当前数据上以多个随机种子训练每个候选，最后在新的种子上把最好的几个与 ReLU、GELU、SiLU、tanh 比较（Welch 检验，Holm 校正）。点击一行即可把它用于所有隐藏层。',
  },
  'search.budget': { en: 'Candidates', zh: '候选数' },
  'search.seeds': { en: 'Seeds', zh: '种子数' },
  'search.epochs': { en: 'Epochs', zh: '轮数' },
  'search.start': { en: 'Start search', zh: '开始搜索' },
  'search.stop': { en: 'Stop', zh: '停止' },
  'search.progress': { en: '{done} of {total} runs · {rejected} rejected', zh: '已完成 {done}/{total} 次训练 · 淘汰 {rejected} 个' },
  'search.activation': { en: 'Activation', zh: '激活函数' },
  'search.searchScore': { en: 'Score while searching', zh: '搜索时得分' },
  'search.freshScore': { en: 'Score on fresh seeds [95% CI]', zh: '新种子上的得分 [95% 置信区间]' },
  'search.verdict': { en: 'Verdict', zh: '结论' },
  'search.baseline': { en: 'baseline', zh: '基准' },
  'search.beats': { en: 'beats every baseline', zh: '优于所有基准' },
  'search.worse': { en: 'worse than a baseline', zh: '不如某个基准' },
  'search.noDifference': { en: 'no significant difference', zh: '无显著差异' },
  'search.load': { en: 'Use this activation in every hidden layer', zh: '在所有隐藏层使用此激活函数' },
};
