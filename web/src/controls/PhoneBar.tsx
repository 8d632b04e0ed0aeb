/**
 * On a phone, a bar fixed to the bottom of the screen: ▶/pause, step, the epoch, and a choice of the view to
 * show (it scrolls there), so play and the view being watched are never 3,000 px apart. Hidden on wide screens.
 */
import { t } from '../i18n/index.js';
import { running, snapshot, step, togglePlay } from '../state/store.js';
import { focusView, VIEWS, type ViewId } from '../state/viewFocus.js';

export function PhoneBar() {
  const isRunning = running.value;
  const epoch = snapshot.value?.epoch ?? 0;
  const label = isRunning ? t('controls.top.pause') : t('controls.top.play');
  return (
    <nav class="phone-bar" aria-label={t('controls.top.trainingGroup')} data-testid="phone-bar">
      <button type="button" class="phone-play" data-testid="phone-play" aria-pressed={isRunning} aria-label={label} onClick={togglePlay}>
        {isRunning ? '❚❚' : '▶'}
      </button>
      <button type="button" class="phone-step" aria-label={t('controls.top.step')} onClick={step}>
        ▶❚
      </button>
      <span class="phone-epoch">
        {t('controls.top.epoch')} <b>{epoch}</b>
      </span>
      <label class="phone-view">
        <span>{t('teach.phone.view')}</span>
        <select data-testid="phone-view" value="" onChange={(e) => {
          const v = e.currentTarget.value as ViewId;
          e.currentTarget.value = '';
          if (v) focusView(v);
        }}>
          <option value="">{t('teach.phone.pick')}</option>
          {VIEWS.map((v) => (
            <option key={v} value={v}>
              {t(`teach.tab.${v}`)}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}
