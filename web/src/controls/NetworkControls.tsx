/**
 * Controls above the network drawing: number of hidden layers, units and activation of each layer, a
 * shortcut that sets every layer's activation, and the output activation (free with MSE, fixed by a
 * cross-entropy loss).
 */
import { ActivationPicker } from '../activation/ActivationPicker.js';
import { t } from '../i18n/index.js';
import { state, update } from '../state/store.js';
import { LIMITS, type LayerState } from '../state/types.js';

function setLayer(i: number, patch: Partial<LayerState>): void {
  update({ hidden: state.value.hidden.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
}

export function LayerCountControls() {
  const hidden = state.value.hidden;
  const add = (): void => {
    const last = hidden[hidden.length - 1];
    update({ hidden: [...hidden, { units: last?.units ?? 4, activation: last?.activation ?? 'tanh' }] });
  };
  return (
    <div class="layer-count">
      <button type="button" class="small-button" data-testid="add-layer" onClick={add} disabled={hidden.length >= LIMITS.maxLayers} aria-label={t('controls.network.addLayer')} title={t('controls.network.addLayer')}>
        +
      </button>
      <button
        type="button"
        class="small-button"
        data-testid="remove-layer"
        onClick={() => update({ hidden: hidden.slice(0, -1) })}
        disabled={hidden.length === 0}
        aria-label={t('controls.network.removeLayer')}
        title={t('controls.network.removeLayer')}
      >
        −
      </button>
      <h2 class="col-heading inline">{t('controls.network.hiddenLayers', { n: hidden.length })}</h2>
    </div>
  );
}

export function LayerControls() {
  const s = state.value;
  const hidden = s.hidden;
  const same = hidden.length > 0 && hidden.every((l) => l.activation === hidden[0].activation);
  return (
    <div class="network-controls">
      <div class="net-head">
        <LayerCountControls />
        {hidden.length > 1 && (
          <div class="set-all">
            <ActivationPicker
              id="all-layers-activation"
              label={same ? t('controls.network.allLayers') : t('controls.network.allLayersMixed')}
              value={hidden[0].activation}
              onChange={(v) => update({ hidden: hidden.map((l) => ({ ...l, activation: v })) })}
            />
          </div>
        )}
      </div>
      {hidden.length === 0 && <p class="hint">{t('controls.network.noHidden')}</p>}
      <ol class="layers">
        {hidden.map((layer, i) => (
          <li class="layer-card" key={i}>
            <div class="layer-title">{t('controls.network.layer', { i: i + 1 })}</div>
            <div class="unit-row">
              <button
                type="button"
                class="small-button"
                data-testid={`layer-${i}-add-unit`}
                disabled={layer.units >= LIMITS.maxUnits}
                onClick={() => setLayer(i, { units: layer.units + 1 })}
                aria-label={t('controls.network.addUnit', { i: i + 1 })}
              >
                +
              </button>
              <button
                type="button"
                class="small-button"
                data-testid={`layer-${i}-remove-unit`}
                disabled={layer.units <= 1}
                onClick={() => setLayer(i, { units: layer.units - 1 })}
                aria-label={t('controls.network.removeUnit', { i: i + 1 })}
              >
                −
              </button>
              <span class="units" data-testid={`layer-${i}-units`}>
                {t('controls.network.neurons', { n: layer.units })}
              </span>
            </div>
            <ActivationPicker id={`layer-${i}-activation`} label={t('controls.network.activation')} value={layer.activation} onChange={(v) => setLayer(i, { activation: v })} />
          </li>
        ))}
      </ol>
    </div>
  );
}

export function OutputActivationControl() {
  const s = state.value;
  return (
    <div class="output-activation">
      {s.loss === 'mse' ? (
        <ActivationPicker id="output-activation" label={t('controls.network.outputActivation')} value={s.outputActivation} onChange={(v) => update({ outputActivation: v })} />
      ) : (
        <p class="hint" data-testid="output-activation-fixed">
          <span class="field-label">{t('controls.network.outputActivation')}</span>{' '}
          {t(s.loss === 'categorical_crossentropy' ? 'controls.network.outputSoftmax' : 'controls.network.outputSigmoid')}
        </p>
      )}
    </div>
  );
}
