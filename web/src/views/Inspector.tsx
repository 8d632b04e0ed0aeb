/**
 * The neuron inspector (testid inspector): the selected unit's computation at the point under the pointer
 * (or the plane's centre), with the real numbers — each input × weight, + bias = z, the activation f and
 * a = f(z), the value passed on. Computed on the main thread from the snapshot's layer parameters, redrawn
 * at most ~10 times a second.
 */
import { useComputed } from '@preact/signals';
import { useState } from 'preact/hooks';
import type { DataInfo } from '../engine/protocol.js';
import { featureEncoder, standardEncoder, type InputEncoder } from '../engine/features.js';
import { t } from '../i18n/index.js';
import './views.css';
import { dataInfo, hoverPoint, selectedUnit, setWeight, snapshot, state } from '../state/store.js';
import type { ExplorerState } from '../state/types.js';
import { explainUnit, formatValue, linkOfLoss, type UnitExplanation } from './inspect.js';
import { outputName } from './NetworkView.js';
import { useThrottled } from './throttle.js';
import { ValueEditor, editedValue } from './ValueEditor.js';
import { PointDetails } from './PointDetails.js';

/** The encoder of plane points to network inputs: Playground features, or standardised CSV columns. */
function encoderFor(info: DataInfo, s: ExplorerState, width: number): InputEncoder | null {
  try {
    const enc = info.inputStandardizer
      ? standardEncoder(info.featureNames, info.inputStandardizer.mean, info.inputStandardizer.std, info.planeColumns)
      : featureEncoder(s.features);
    return enc.width === width ? enc : null;
  } catch {
    return null;
  }
}

function WeightEdit({ layer, from, to, value, label }: { layer: number; from: number; to: number; value: number; label: string }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" class="inspector-edit" aria-label={label} title={label} onClick={() => setOpen(true)}>
        ✎
      </button>
    );
  }
  return (
    <ValueEditor
      class="inspector-input"
      label={label}
      value={value}
      onDone={(text) => {
        const v = editedValue(text);
        if (v !== null) setWeight(0, layer, from, to, v);
        setOpen(false);
      }}
    />
  );
}

function linkText(link: UnitExplanation['link'], k: number): string {
  if (link === 'sigmoid') return t('views.inspector.sigmoid');
  if (link === 'softmax') return t('views.inspector.softmax', { k });
  return '';
}

/** The neuron inspector. */
export function Inspector() {
  const snap = useThrottled(snapshot, 100);
  const point = useThrottled(hoverPoint, 100);
  const info = dataInfo.value;
  const s = state.value;
  const sel = useComputed(() => selectedUnit.value).value;
  const m = snap?.models[0];

  const body = (() => {
    if (!info || !m || m.layers.length === 0) return <p class="view-hint">{t('views.inspector.waiting')}</p>;
    const inputSize = m.layers[0].inputSize;
    const enc = encoderFor(info, s, inputSize);
    if (!enc) return <p class="view-hint">{t('views.inspector.noEncoder')}</p>;
    // Before any hover: the first data point, not the centre (at (0, 0) every x·w is 0 and nothing shows).
    const xy = info.points.xy;
    const p = point ?? (xy.length >= 2 ? { x1: xy[0], x2: xy[1] } : { x1: (info.extent[0] + info.extent[1]) / 2, x2: (info.extent[2] + info.extent[3]) / 2 });
    const input = Array.from(enc.encodePlane([p.x1, p.x2], 1));
    const last = m.layers.length;
    const unitRef = sel ?? { layer: Math.min(1, last), unit: 0 };
    const where = (
      <p class="inspector-point">
        {point ? t('views.inspector.atPoint') : t('teach.inspector.atDataPoint')} (x₁, x₂) = ({formatValue(p.x1)}, {formatValue(p.x2)})
      </p>
    );
    const nameOf = (layer: number, unit: number): string =>
      layer === 0 ? enc.labels[unit] ?? `x${unit + 1}` : layer === last ? outputName(unit, info) : t('views.network.hiddenUnit', { l: layer, i: unit + 1 });

    if (unitRef.layer === 0) {
      const v = input[unitRef.unit];
      return (
        <>
          <h3>{t('views.inspector.inputTitle', { name: nameOf(0, unitRef.unit) })}</h3>
          {where}
          <p class="inspector-eq">
            {nameOf(0, unitRef.unit)} = <b>{formatValue(v ?? Number.NaN)}</b>
          </p>
          <p class="view-hint">{t('views.inspector.inputNote')}</p>
        </>
      );
    }
    const e = explainUnit(m.layers, input, unitRef.layer, unitRef.unit, linkOfLoss(s.loss));
    if (!e) return <p class="view-hint">{t('views.inspector.pick')}</p>;
    const outputs = m.layers[last - 1].units;
    return (
      <>
        <h3>{nameOf(e.layer, e.unit)}</h3>
        {!sel && <p class="view-hint">{t('views.inspector.pick')}</p>}
        {where}
        <table class="inspector-table">
          <thead>
            <tr>
              <th scope="col">{t('views.inspector.input')}</th>
              <th scope="col">{t('views.inspector.value')}</th>
              <th scope="col" />
              <th scope="col">{t('views.inspector.weight')}</th>
              <th scope="col" />
              <th scope="col">{t('views.inspector.product')}</th>
            </tr>
          </thead>
          <tbody>
            {e.terms.map((term) => (
              <tr key={term.from}>
                <th scope="row">{nameOf(e.layer - 1, term.from)}</th>
                <td>{formatValue(term.input)}</td>
                <td>×</td>
                <td class={term.weight < 0 ? 'neg' : 'pos'}>
                  {formatValue(term.weight)}{' '}
                  <WeightEdit layer={e.layer - 1} from={term.from} to={e.unit} value={term.weight} label={t('views.inspector.editWeight', { from: nameOf(e.layer - 1, term.from) })} />
                </td>
                <td>=</td>
                <td>{formatValue(term.product)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('views.inspector.bias')}</th>
              <td colSpan={2} />
              <td class={e.bias < 0 ? 'neg' : 'pos'}>
                {formatValue(e.bias)} <WeightEdit layer={e.layer - 1} from={-1} to={e.unit} value={e.bias} label={t('views.inspector.editBias', { unit: nameOf(e.layer, e.unit) })} />
              </td>
              <td>+</td>
              <td>{formatValue(e.bias)}</td>
            </tr>
          </tbody>
        </table>
        <p class="inspector-eq">
          z = Σ xᵢ·wᵢ + b = <b data-testid="inspector-z">{formatValue(e.z)}</b>
        </p>
        {e.activation ? (
          <p class="inspector-eq">
            f = {e.activation.name}: f(x) = <code>{e.activation.formula}</code>
            <br />a = f(z) = f({formatValue(e.z)}) = <b data-testid="inspector-a">{formatValue(e.fz)}</b>
          </p>
        ) : (
          <p class="inspector-eq">{t('views.inspector.noActivation')}</p>
        )}
        {e.isOutput && e.link !== 'identity' && (
          <p class="inspector-eq">
            {linkText(e.link, outputs)} = <b>{formatValue(e.a)}</b>
          </p>
        )}
        <p class="view-hint">
          {e.isOutput ? t('views.inspector.isPrediction') : t('views.inspector.passedOn', { next: e.layer + 1 === last ? t('views.network.output') : t('views.network.hidden', { l: e.layer + 1 }) })}
        </p>
        <PointDetails layers={m.layers} input={input} loss={s.loss} info={info} />
      </>
    );
  })();

  return (
    <section class="inspector" data-testid="inspector" aria-label={t('views.inspector.title')} aria-live="off">
      <h2 class="view-title">{t('views.inspector.title')}</h2>
      {body}
    </section>
  );
}
