/**
 * The number input that edits one weight or bias (network diagram and inspector): opens focused with its
 * current value selected, so typing replaces it; Enter or leaving the field commits, Escape cancels.
 */
import { useEffect, useRef } from 'preact/hooks';

export interface ValueEditorProps {
  value: number;
  label: string;
  class?: string;
  testId?: string;
  /** Called once with the typed text (Enter or blur), or null (Escape). */
  onDone(text: string | null): void;
}

export function ValueEditor({ value, label, class: cls, testId, onDone }: ValueEditorProps) {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.select();
  }, []);
  const finish = (text: string | null): void => {
    if (done.current) return;
    done.current = true;
    onDone(text);
  };
  return (
    <input
      ref={ref}
      type="number"
      step="0.01"
      class={cls}
      data-testid={testId}
      aria-label={label}
      title={label}
      defaultValue={Number.isFinite(value) ? String(Number(value.toPrecision(4))) : '0'}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(e.currentTarget.value);
        else if (e.key === 'Escape') finish(null);
      }}
      onBlur={(e) => finish(e.currentTarget.value)}
    />
  );
}

/** The number a committed editor text stands for, or null (empty, not a number). */
export function editedValue(text: string | null): number | null {
  if (text === null || text.trim() === '') return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}
