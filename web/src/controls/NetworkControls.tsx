/**
 * Controls above the network drawing: number of hidden layers, units and activation of each layer, a
 * shortcut that sets every layer's activation, and the output activation (free with MSE, fixed by a
 * cross-entropy loss).
 */
import { ActivationPicker } from '../activation/ActivationPicker.js';
import { activationName, optionGroups, specOf } from '../activation/pickerLogic.js';
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
      <h2 class="col-heading inline">{t(hidden.length === 1 ? 'controls.network.hiddenLayer1' : 'controls.network.hiddenLayers', { n: hidden.length })}</h2>
    </div>
  );
}

/**
 * One choice for every hidden layer at once: a catalog activation (a custom expression is typed in a
 * layer's own field and only changes that layer). Shows the shared activation when all layers agree,
 * "mixed" otherwise; picking sets every layer.
 */
function SetAllLayers() {
  const hidden = state.value.hidden;
  const first = hidden[0]?.activation ?? '';
  const same = hidden.every((l) => l.activation === first);
  const catalogId = same && specOf(first) ? first : '';
  return (
    <label class="set-all">
      <span class="field-label">{t('controls.network.allLayersMixed')}</span>
      <select
        data-testid="all-layers-activation-select"
        value={catalogId}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (v) update({ hidden: hidden.map((l) => ({ ...l, activation: v })) });
        }}
      >
        <option value="">{same ? first : t('teach.layers.mixed')}</option>
        {optionGroups(false).map((g) => (
          <optgroup key={g.family} label={t(`activation.family.${g.family}`)}>
            {g.options.map((o) => (
              <option key={o.id} value={o.id}>
                {activationName(o.id, t)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

export function LayerControls() {
  const s = state.value;
  const hidden = s.hidden;
  return (
    <div class="network-controls">
      <div class="net-head">
        <LayerCountControls />
        {hidden.length > 1 && <SetAllLayers />}
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
                <b>{layer.units}</b>
                <span class="units-word">{t(layer.units === 1 ? 'controls.network.neuron1' : 'controls.network.neurons', { n: layer.units }).replace(String(layer.units), '')}</span>
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
