/**
 * Page side (not the worker): the divergence banner's text in the page's language, composed from the
 * structured ModelSnapshot.divergence (see store.diverged), so a Chinese page never shows English advice.
 */
import { t } from '../i18n/index.js';
import type { DivergedView } from '../state/store.js';

/** A finite number in a short readable form ('?' when missing). */
function shortNumber(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '?';
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e4 || a < 1e-3 ? v.toExponential(2) : String(Number(v.toPrecision(4)));
}

/** What happened and what to do, in the current language. */
export function divergedMessage(view: DivergedView): string {
  const d = view.divergence;
  const value = t(d.value === 'NaN' ? 'common.diverged.nan' : 'common.diverged.infinite');
  let text: string;
  if (d.cause === 'activation') {
    const vars = { epoch: d.epoch, activation: d.activation ?? '?', layer: typeof d.layer === 'number' ? d.layer : '?', value, input: shortNumber(d.input) };
    text = t(d.layer === 'output' ? 'common.diverged.activationOutput' : 'common.diverged.activationHidden', vars);
  } else {
    text = t('common.diverged.loss', { epoch: d.epoch, value });
  }
  return view.all ? text : `${text} ${t('common.diverged.some', { labels: view.labels.join(' · ') })}`;
}
