/**
 * Compare mode: other activations trained in lockstep with the main network (same data, seed and
 * architecture; every hidden layer uses the compared activation).
 */
import { useState } from 'preact/hooks';
import { ActivationPicker } from '../activation/ActivationPicker.js';
import { t } from '../i18n/index.js';
import { modelLabels, state, update } from '../state/store.js';
import { LIMITS } from '../state/types.js';
import { nextCompareActivation } from './options.js';

export function CompareControls() {
  const s = state.value;
  const inUse = [...s.hidden.map((l) => l.activation), ...s.compare];
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? nextCompareActivation(inUse);
  const full = s.compare.length >= LIMITS.maxCompare;
  const add = (): void => {
    if (full) return;
    update({ compare: [...s.compare, value] });
    setDraft(null);
  };
  const labels = modelLabels.value;
  return (
    <section class="compare" aria-labelledby="compare-heading">
      <h3 id="compare-heading" class="sub-heading">
        {t('controls.compare.heading')}
      </h3>
      <p class="hint">{t('controls.compare.explain')}</p>
      {s.compare.length > 0 && (
        <ul class="compare-list">
          {s.compare.map((c, k) => (
            <li key={`${k}:${c}`}>
              <code class="compare-name">{labels[k + 1] ?? c}</code>
              <button
                type="button"
                class="small-button"
                data-testid={`compare-${k}-remove`}
                onClick={() => update({ compare: s.compare.filter((_, j) => j !== k) })}
                aria-label={t('controls.compare.remove', { name: c })}
                title={t('controls.compare.remove', { name: c })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="compare-add">
        <ActivationPicker id="compare-add" label={t('controls.compare.pick')} value={value} onChange={setDraft} />
        <button type="button" class="button" data-testid="compare-add" onClick={add} disabled={full} title={full ? t('controls.compare.full', { n: LIMITS.maxCompare }) : undefined}>
          {t('controls.compare.add')}
        </button>
      </div>
    </section>
  );
}
