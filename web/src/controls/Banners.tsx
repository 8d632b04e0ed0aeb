/**
 * Banners over the workspace, each with a way out:
 * - a note when training cannot use the WebAssembly SIMD backend (no SIMD in this browser), with Dismiss;
 * - an engine error (settings that cannot be trained): the engine's own English message under a translated
 *   title, with "Reset settings" (back to the defaults) — offered only here;
 * - a divergence (loss or an activation gave NaN/∞): worded here in the page's language from the structured
 *   ModelSnapshot.divergence, with "Reset network" (initial weights again, settings kept). Play after a
 *   divergence restarts the network too (store.play).
 */
import { t } from '../i18n/index.js';
import { applyCustomData } from '../data/points.js';
import { divergedMessage } from '../engine/divergenceMessage.js';
import { customData, diverged, engineBackend, engineError, reset, state, update } from '../state/store.js';
import { DEFAULT_STATE } from '../state/types.js';

/** Back to the default settings (keeping the language) and the default data. */
function restoreDefaults(): void {
  engineError.value = null;
  if (customData.value !== null) applyCustomData(null);
  update({ ...DEFAULT_STATE, lang: state.value.lang });
}

export function Banners() {
  const error = engineError.value;
  const div = diverged.value;
  const backend = engineBackend.value;
  return (
    <div class="banners">
      {backend?.note && (
        <div class="banner banner-warn" data-testid="backend-note" role="status">
          <p class="banner-text">
            <strong>{t('common.banner.backendTitle')}</strong> <span lang="en">{backend.note}</span>
          </p>
          <div class="banner-actions">
            <button type="button" class="button subtle" onClick={() => (engineBackend.value = { ...backend, note: null })}>
              {t('common.banner.dismiss')}
            </button>
          </div>
        </div>
      )}
      {error !== null && (
        <div class="banner banner-error" data-testid="engine-error" role="alert">
          <p class="banner-text">
            <strong>{t('common.banner.errorTitle')}</strong> <span lang="en">{error}</span>
            {state.value.lang !== 'en' ? ` ${t('common.banner.errorNote')}` : ''}
          </p>
          <div class="banner-actions">
            <button type="button" class="button" data-testid="engine-error-reset" onClick={restoreDefaults} title={t('common.banner.restoreDefaultsHint')}>
              {t('common.banner.restoreDefaults')}
            </button>
            <button type="button" class="button subtle" onClick={() => (engineError.value = null)}>
              {t('common.banner.dismiss')}
            </button>
          </div>
        </div>
      )}
      {div !== null && (
        <div class="banner banner-warn" data-testid="diverged" role="alert">
          <p class="banner-text">
            <strong>{t('common.diverged.title')}</strong> {divergedMessage(div)}
          </p>
          <div class="banner-actions">
            <button type="button" class="button" data-testid="diverged-reset" onClick={reset} title={t('common.diverged.resetNetworkHint')}>
              {t('common.diverged.resetNetwork')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
