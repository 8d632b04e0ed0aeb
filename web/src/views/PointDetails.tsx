/**
 * Under the neuron inspector, for the point under the pointer: the output probabilities as bars that add
 * up to 1 (softmax: every class; sigmoid: the two classes), and the backward chain, each hidden layer's
 * f′(z) factors and the gradient that reaches it.
 */
import type { DataInfo, LayerParams } from '../engine/protocol.js';
import { className, t } from '../i18n/index.js';
import { forwardTrace, formatValue, linkOfLoss } from './inspect.js';
import { classColor } from './palette.js';
import { backwardChain } from './why.js';

/** Probabilities of each class at the input: softmax outputs, or p and 1 − p for a sigmoid output. */
export function classProbabilities(layers: readonly LayerParams[], input: readonly number[], loss: string): number[] | null {
  const link = linkOfLoss(loss);
  if (link === 'identity') return null;
  const out = forwardTrace(layers, input, link).a[layers.length - 1];
  if (link === 'sigmoid') return [1 - out[0], out[0]];
  return out;
}

export function PointDetails({ layers, input, loss, info }: { layers: readonly LayerParams[]; input: readonly number[]; loss: string; info: DataInfo }) {
  const probs = classProbabilities(layers, input, loss);
  const chain = backwardChain(layers, input, 0);
  const sum = probs ? probs.reduce((a, b) => a + b, 0) : 0;
  return (
    <>
      {probs && (
        <section class="probs" data-testid="softmax-bars" data-view="probs">
          <h3 class="chart-sub">{t('teach.probs.title')}</h3>
          <ul class="prob-bars">
            {probs.map((p, k) => (
              <li key={k}>
                <span class="prob-name">{className(info.classNames[k] ?? String(k))}</span>
                <span class="prob-track">
                  <span class="prob-fill" style={{ width: `${Math.max(0, Math.min(1, p)) * 100}%`, background: classColor(k) }} />
                </span>
                <span class="prob-value" data-testid={`prob-${k}`} data-p={String(p)}>
                  {p.toFixed(3)}
                </span>
              </li>
            ))}
          </ul>
          <p class="prob-sum" data-testid="prob-sum">
            {t('teach.probs.sum', { s: sum.toFixed(3) })}
          </p>
        </section>
      )}
      {chain.length > 0 && (
        <section class="chain" data-testid="backward-chain">
          <h3 class="chart-sub">{t('teach.chain.title')}</h3>
          <p class="view-hint">{t('teach.chain.note')}</p>
          <table class="inspector-table chain-table">
            <thead>
              <tr>
                <th scope="col">{t('teach.chain.layer')}</th>
                <th scope="col">{t('teach.chain.slopes')}</th>
                <th scope="col">{t('teach.chain.mean')}</th>
                <th scope="col">{t('teach.chain.product')}</th>
                <th scope="col">{t('teach.chain.grad')}</th>
              </tr>
            </thead>
            <tbody>
              {chain.map((c) => (
                <tr key={c.layer}>
                  <th scope="row">{c.layer}</th>
                  <td class="chain-slopes">{c.slopes.slice(0, 8).map((v) => formatValue(v)).join(' ')}{c.slopes.length > 8 ? ' …' : ''}</td>
                  <td>{formatValue(c.meanSlope)}</td>
                  <td>{formatValue(c.product)}</td>
                  <td>{formatValue(c.gradNorm)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
