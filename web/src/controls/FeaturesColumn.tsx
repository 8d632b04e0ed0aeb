/**
 * The FEATURES column: Playground's input features as toggle buttons, each with a small heatmap of the
 * feature over the plane. With a CSV of more than two columns the network reads the columns instead.
 */
import { useEffect, useRef } from 'preact/hooks';
import { FEATURE_LABELS, featureValue } from '../engine/features.js';
import { t } from '../i18n/index.js';
import { customData, dataInfo, state, update } from '../state/store.js';
import { FEATURES, type Feature } from '../state/types.js';
import { drawHeatmap } from './canvas.js';

const GRID = 24;

function FeatureHeatmap(props: { feature: Feature }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) drawHeatmap(ref.current, GRID, (a, b) => featureValue(props.feature, a, b));
  }, [props.feature]);
  return <canvas ref={ref} class="feature-map" width={GRID} height={GRID} aria-hidden="true" />;
}

export function FeaturesColumn() {
  const s = state.value;
  const cd = customData.value;
  const columnsAsInputs = s.dataset === 'custom' && cd !== null && cd.featureNames.length > 2;
  const toggle = (f: Feature): void => {
    const on = s.features.includes(f);
    if (on && s.features.length === 1) return;
    update({ features: FEATURES.filter((x) => (x === f ? !on : s.features.includes(x))) });
  };
  return (
    <section class="panel col-features" aria-labelledby="features-heading">
      <h2 id="features-heading" class="col-heading">
        {t('controls.features.heading')}
      </h2>
      <p class="hint">{columnsAsInputs ? t('controls.features.csvInputs', { names: (dataInfo.value?.inputNames ?? cd.featureNames).join(', ') }) : t('controls.features.which')}</p>
      <div class="features" role="group" aria-label={t('controls.features.heading')}>
        {FEATURES.map((f) => {
          const on = s.features.includes(f);
          const last = on && s.features.length === 1;
          return (
            <button
              key={f}
              type="button"
              class="feature"
              data-testid={`feature-${f}`}
              aria-pressed={on}
              disabled={columnsAsInputs}
              aria-disabled={last || undefined}
              title={last ? t('controls.features.keepOne') : t(on ? 'controls.features.turnOff' : 'controls.features.turnOn', { name: FEATURE_LABELS[f] })}
              onClick={() => toggle(f)}
            >
              <FeatureHeatmap feature={f} />
              <span class="feature-label">{FEATURE_LABELS[f]}</span>
            </button>
          );
        })}
      </div>
    </section>
  );
}
