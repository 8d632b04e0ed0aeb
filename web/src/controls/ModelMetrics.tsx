/** In compare mode, the latest losses (and accuracies) of every model side by side. */
import { t } from '../i18n/index.js';
import { history, modelLabels, snapshot, state } from '../state/store.js';
import { formatMetric, formatPercent } from './options.js';

export function ModelMetrics() {
  const labels = modelLabels.value;
  if (labels.length < 2) return null;
  const h = history.value;
  const classification = state.value.problem === 'classification';
  return (
    <table class="model-metrics" data-testid="model-metrics">
      <caption class="visually-hidden">{t('controls.compare.tableCaption')}</caption>
      <caption class="model-metrics-epoch" data-testid="compare-epoch">
        {t('teach.compare.atEpoch', { n: snapshot.value?.epoch ?? 0 })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('controls.compare.model')}</th>
          <th scope="col">{t('controls.metrics.trainLoss')}</th>
          <th scope="col">{t('controls.metrics.testLoss')}</th>
          {classification && <th scope="col">{t('controls.metrics.testAccuracy')}</th>}
        </tr>
      </thead>
      <tbody>
        {labels.map((label, i) => {
          const last = h[i]?.at(-1);
          return (
            <tr key={i}>
              <th scope="row">
                <code>{label}</code>
              </th>
              <td>{formatMetric(last?.trainLoss)}</td>
              <td>{formatMetric(last?.testLoss)}</td>
              {classification && <td>{formatPercent(last?.testAccuracy)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
