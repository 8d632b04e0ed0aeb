/** The divergence banner's wording, composed in the page from the structured divergence, in both languages. */
import { describe, expect, it } from 'vitest';
import { divergedMessage } from '../../web/src/engine/divergenceMessage.js';
import type { Divergence, ModelSnapshot } from '../../web/src/engine/protocol.js';
import { divergedOf, state } from '../../web/src/state/store.js';

function model(label: string, divergence: Divergence | null): ModelSnapshot {
  return {
    label, newEpochs: [], output: new Float32Array(0), grid: 0, units: new Float32Array(0), unitGrid: 0, layers: [],
    health: { dead: [], saturated: [] }, histograms: [], diverged: divergence ? 'training diverged' : null, divergence,
  };
}

const LOSS: Divergence = { epoch: 1, cause: 'loss', value: 'NaN' };
const ACT: Divergence = { epoch: 3, cause: 'activation', value: 'infinite', activation: '1/x', layer: 2, input: 0.000012345 };

function inLang<T>(lang: 'en' | 'zh', fn: () => T): T {
  const before = state.value;
  state.value = { ...before, lang };
  try {
    return fn();
  } finally {
    state.value = before;
  }
}

describe('divergence banner', () => {
  it('summarises the models: none, some or all diverged', () => {
    expect(divergedOf([model('tanh', null)])).toBeNull();
    expect(divergedOf([])).toBeNull();
    expect(divergedOf([model('relu', LOSS), model('tanh', null)])).toEqual({ divergence: LOSS, labels: ['relu'], all: false });
    expect(divergedOf([model('relu', LOSS), model('tanh', ACT)])).toMatchObject({ labels: ['relu', 'tanh'], all: true });
  });

  it('tells a too-large learning rate from a faulty activation, in English and Chinese', () => {
    const loss = divergedOf([model('relu', LOSS)]);
    const act = divergedOf([model('1/x', ACT)]);
    if (!loss || !act) throw new Error('expected divergences');
    const enLoss = inLang('en', () => divergedMessage(loss));
    expect(enLoss).toMatch(/epoch 1/);
    expect(enLoss).toMatch(/learning rate/);
    expect(enLoss).not.toMatch(/\{|\}/);
    const enAct = inLang('en', () => divergedMessage(act));
    expect(enAct).toMatch(/activation 1\/x of hidden layer 2 gave infinite/);
    expect(enAct).toMatch(/1\.23e-5/);
    expect(enAct).toMatch(/choose another activation/);
    expect(enAct).not.toMatch(/lower the learning rate/i);
    for (const d of [loss, act]) {
      const zh = inLang('zh', () => divergedMessage(d));
      expect(zh).toMatch(/[\u4e00-\u9fff]{10}/);
      expect(zh).not.toMatch(/\b(the|epoch|learning|activation)\b/i);
      expect(zh).not.toMatch(/\{|\}/);
    }
    expect(inLang('zh', () => divergedMessage(act))).toMatch(/激活函数 1\/x/);
    expect(inLang('zh', () => divergedMessage(loss))).toMatch(/学习率/);
  });

  it('names the stopped models when others go on', () => {
    const some = divergedOf([model('relu', LOSS), model('tanh', null)]);
    if (!some) throw new Error('expected a divergence');
    expect(inLang('en', () => divergedMessage(some))).toMatch(/Stopped: relu\. The other models keep training\./);
    expect(inLang('zh', () => divergedMessage(some))).toMatch(/relu/);
  });
});
