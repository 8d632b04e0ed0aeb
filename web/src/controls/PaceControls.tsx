/**
 * The pace of training: a speed control from slow motion (1 epoch a second, the boundary and the weights
 * visibly moving) to full speed, and "train to epoch N" (trains at that pace and pauses at the end of
 * epoch N). Single steps are the step button beside ▶.
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n/index.js';
import { snapshot, state, stopAt, trainTo, update } from '../state/store.js';
import { SPEEDS } from '../state/types.js';

/** Label of a pace (epochs per second; 0 = full speed). */
export function paceLabel(v: number): string {
  return v === 0 ? t('teach.pace.full') : t('teach.pace.value', { n: v });
}

export function SpeedControl() {
  const speed = state.value.speed;
  const options: number[] = (SPEEDS as readonly number[]).includes(speed) ? [...SPEEDS] : [...SPEEDS, speed].sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b));
  return (
    <label class="pace" title={t('teach.pace.hint')}>
      <span class="pace-label">{t('teach.pace.label')}</span>
      <select data-testid="speed" value={String(speed)} onChange={(e) => update({ speed: Number(e.currentTarget.value) })}>
        {options.map((v) => (
          <option key={v} value={String(v)}>
            {paceLabel(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function TrainToControl() {
  const epoch = snapshot.value?.epoch ?? 0;
  const target = stopAt.value;
  const [text, setText] = useState('');
  const suggested = Math.max(100, Math.ceil((epoch + 1) / 100) * 100);
  const go = (): void => {
    const n = Number(text === '' ? suggested : text);
    if (Number.isFinite(n) && n > epoch) trainTo(Math.min(1_000_000, Math.floor(n)));
  };
  return (
    <form
      class="train-to"
      title={t('teach.trainTo.hint')}
      onSubmit={(e) => {
        e.preventDefault();
        go();
      }}
    >
      <label>
        <span class="pace-label">{t('teach.trainTo.label')}</span>
        <input
          type="number"
          data-testid="train-to"
          min={epoch + 1}
          step={1}
          inputMode="numeric"
          placeholder={String(suggested)}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="pace-go" data-testid="train-to-go">
        {t('teach.trainTo.go')}
      </button>
      {target !== null && (
        <span class="pace-pending" data-testid="train-to-pending">
          {t('teach.trainTo.pending', { n: target })}
        </span>
      )}
    </form>
  );
}
