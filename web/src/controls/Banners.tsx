/** Banners over the workspace: an engine error and a diverged run, each with a way out. */
import { lang, t } from '../i18n/index.js';
import { applyCustomData } from '../data/points.js';
import { customData, diverged, engineError, reset, state, update } from '../state/store.js';
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
  return (
    <div class="banners">
      {error !== null && (
        <div class="banner banner-error" data-testid="engine-error" role="alert">
          <p class="banner-text">
            <strong>{t('controls.banner.errorTitle')}</strong> {error}
          </p>
          <div class="banner-actions">
            <button type="button" class="button" data-testid="engine-error-reset" onClick={restoreDefaults}>
              {t('controls.banner.restoreDefaults')}
            </button>
            <button type="button" class="button subtle" onClick={() => (engineError.value = null)} aria-label={t('controls.banner.dismiss')}>
              {t('controls.banner.dismiss')}
            </button>
          </div>
        </div>
      )}
      {div !== null && (
        <div class="banner banner-warn" data-testid="diverged" role="alert">
          <p class="banner-text">
            <strong>{t('controls.banner.divergedTitle')}</strong> {div}.
            {/* The engine's message is English and already says what to do; Chinese readers get the advice in Chinese too. */}
            {lang.value === 'zh' ? ` ${t('controls.banner.divergedHint')}` : ''}
          </p>
          <div class="banner-actions">
            <button type="button" class="button" data-testid="diverged-reset" onClick={reset}>
              {t('controls.banner.reset')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
