import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/index.js';
import './activation.css';
import type { NonFiniteInterval } from '../../../src/analysis/properties.js';
import { nonFiniteWarning } from './panelLogic.js';
import { CUSTOM, type CheckResult, activationName, asExpression, caretLine, debounce, encodeChoice, optionGroups, paramProblem, pickerState, quickCheck, specOf } from './pickerLogic.js';
import { activationService } from './service.js';

/** Props of the activation picker (catalog select with parameters, or a custom expression). */
export interface ActivationPickerProps {
  /** Codec text: `relu`, `elu:alpha=0.5`, or an expression. */
  value: string;
  onChange(value: string): void;
  /** Visible label. */
  label: string;
  /** Prefix of the element ids and data-testids: `{id}-select`, `{id}-expr`, `{id}-error`, `{id}-warning`. */
  id: string;
  /** Offer vector activations (softmax) too; default false. */
  allowVector?: boolean;
}

/** What the error box shows: a message, and for unreadable expressions the text with a caret. */
interface Shown {
  readonly message: string;
  readonly caret?: { readonly text: string; readonly column: number };
}

type Mode = 'catalog' | 'vector' | 'custom';

function paramTexts(params: Readonly<Record<string, number>>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
}

/** A check result as the error box shows it (null when fine). */
function shown(r: CheckResult, text: string): Shown | null {
  if (r.ok) return null;
  if (r.timeout) return { message: t('activation.picker.tooComplex') };
  if (r.message === 'empty') return { message: t('activation.picker.empty') };
  if (r.column !== undefined && r.problem !== undefined) {
    return { message: t('activation.picker.errorAt', { column: r.column, problem: r.problem }), caret: { text: text.trim(), column: r.column } };
  }
  return { message: r.message };
}

/**
 * Choose an activation: the catalog by family (with number inputs for the parameters), or a custom
 * expression in x checked as you type. Calls `onChange` with codec text only for valid choices.
 */
export function ActivationPicker({ value, onChange, label, id, allowVector = false }: ActivationPickerProps) {
  const start = useMemo(() => pickerState(value, allowVector), []);
  const [mode, setMode] = useState<Mode>(start.mode);
  const [selected, setSelected] = useState(start.mode === 'custom' ? '' : start.id);
  const [params, setParams] = useState<Record<string, string>>(start.mode === 'catalog' ? paramTexts(start.params) : {});
  const [text, setText] = useState(start.mode === 'custom' ? start.text : '');
  const [error, setError] = useState<Shown | null>(null);
  const [checking, setChecking] = useState(false);
  /** Where the custom expression is NaN or ±∞ (empty: finite on all of ℝ). */
  const [nonFinite, setNonFinite] = useState<readonly NonFiniteInterval[]>([]);
  const lastValue = useRef(value);
  const seq = useRef(0);
  const groups = useMemo(() => optionGroups(allowVector), [allowVector]);

  const emit = (v: string) => {
    if (v === lastValue.current) return;
    lastValue.current = v;
    onChange(v);
  };
  const emitRef = useRef(emit);
  emitRef.current = emit;

  // A new value from outside (URL, tour, another control): show it.
  useEffect(() => {
    if (value === lastValue.current) return;
    lastValue.current = value;
    seq.current++;
    const s = pickerState(value, allowVector);
    setMode(s.mode);
    setError(null);
    setChecking(false);
    setNonFinite([]);
    if (s.mode === 'custom') {
      setText(s.text);
      scanFinite(s.text);
    }
    else setSelected(s.id);
    if (s.mode === 'catalog') setParams(paramTexts(s.params));
  }, [value, allowVector]);

  /** Looks for NaN/±∞ in an expression that came from outside (URL, tour), to warn about it too. */
  const scanFinite = (typed: string) => {
    const my = seq.current;
    if (quickCheck(typed) !== 'deep') return;
    void activationService('picker')
      .check(typed)
      .then((r) => {
        if (my === seq.current && r.ok) setNonFinite(r.value.nonFinite);
      });
  };
  useEffect(() => {
    if (start.mode === 'custom') scanFinite(start.text);
  }, []);

  const validator = useMemo(
    () =>
      debounce((typed: string) => {
        const my = ++seq.current;
        const quick = quickCheck(typed);
        const done = (r: CheckResult) => {
          if (my !== seq.current) return;
          setChecking(false);
          setError(shown(r, typed));
          setNonFinite(r.ok ? (r.nonFinite ?? []) : []);
          if (r.ok) emitRef.current(typed.trim());
        };
        if (quick !== 'deep') {
          done(quick);
          return;
        }
        setChecking(true);
        void activationService('picker')
          .check(typed)
          .then((r) => done(r.ok ? { ok: true, nonFinite: r.value.nonFinite } : { ok: false, message: r.message, column: r.column, problem: r.problem, timeout: r.timeout }));
      }, 200),
    [],
  );
  useEffect(() => () => validator.cancel(), [validator]);

  const spec = mode === 'catalog' ? specOf(selected) : undefined;

  const onSelect = (v: string) => {
    validator.cancel();
    seq.current++;
    setChecking(false);
    setError(null);
    setNonFinite([]);
    if (v === CUSTOM) {
      // Start from the current activation's own expression, so it can be edited.
      if (mode === 'catalog' && spec) {
        const values = Object.fromEntries(spec.params.map((p) => [p.name, Number(params[p.name] ?? p.default)]));
        setText(asExpression(spec, Object.fromEntries(Object.entries(values).filter(([, n]) => Number.isFinite(n)))));
      }
      setMode('custom');
      return;
    }
    const s = specOf(v);
    if (s) {
      setMode('catalog');
      setSelected(v);
      setParams(paramTexts(Object.fromEntries(s.params.map((p) => [p.name, p.default]))));
      emit(v);
    } else {
      setMode('vector');
      setSelected(v);
      emit(v);
    }
  };

  const onParam = (name: string, raw: string) => {
    if (!spec) return;
    const next = { ...params, [name]: raw };
    setParams(next);
    for (const p of spec.params) {
      const problem = paramProblem(p, next[p.name] ?? String(p.default));
      if (problem) {
        setError({ message: t(problem.key, problem.vars) });
        return;
      }
    }
    setError(null);
    emit(encodeChoice(spec, Object.fromEntries(spec.params.map((p) => [p.name, Number(next[p.name] ?? p.default)]))));
  };

  const onText = (typed: string) => {
    setText(typed);
    validator.call(typed);
  };

  const errorId = `${id}-error`;
  const warningId = `${id}-warning`;
  const warning = mode === 'custom' && !error ? nonFiniteWarning(nonFinite, t) : null;
  const describedBy = error ? errorId : warning ? warningId : undefined;
  return (
    <div class="act-picker">
      <label class="field-label act-picker-label" for={`${id}-select`}>
        {label}
      </label>
      <select id={`${id}-select`} data-testid={`${id}-select`} class="act-select" value={mode === 'custom' ? CUSTOM : selected} onChange={(e) => onSelect(e.currentTarget.value)}>
        {groups.map((g) => (
          <optgroup key={g.family} label={t(`activation.family.${g.family}`)}>
            {g.options.map((o) => (
              <option key={o.id} value={o.id}>
                {activationName(o.id, t)}
              </option>
            ))}
          </optgroup>
        ))}
        <optgroup label={t('activation.picker.customGroup')}>
          <option value={CUSTOM}>{t('activation.picker.custom')}</option>
        </optgroup>
      </select>
      {spec && spec.params.length > 0 && (
        <div class="act-params">
          {spec.params.map((p) => (
            <label class="act-param" key={p.name} title={p.description}>
              <span class="act-param-name">{p.name}</span>
              <input
                type="number"
                step="any"
                id={`${id}-param-${p.name}`}
                data-testid={`${id}-param-${p.name}`}
                min={p.min}
                max={p.max}
                value={params[p.name] ?? String(p.default)}
                aria-label={t('activation.picker.paramLabel', { name: p.name, activation: activationName(spec.id, t) })}
                aria-describedby={error ? errorId : undefined}
                onInput={(e) => onParam(p.name, e.currentTarget.value)}
              />
            </label>
          ))}
        </div>
      )}
      {mode === 'custom' && (
        <input
          type="text"
          id={`${id}-expr`}
          data-testid={`${id}-expr`}
          class="act-expr"
          value={text}
          placeholder="x*sigmoid(x)"
          spellcheck={false}
          autocomplete="off"
          autocapitalize="off"
          aria-label={`${label}: ${t('activation.picker.exprLabel')}`}
          title={t('activation.picker.exprHint')}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={describedBy}
          onInput={(e) => onText(e.currentTarget.value)}
        />
      )}
      {checking && !error && (
        <span class="act-checking" aria-live="polite">
          {t('activation.picker.checking')}
        </span>
      )}
      {warning && (
        <div id={warningId} data-testid={warningId} role="status" class="act-warning">
          {warning}
        </div>
      )}
      {error && (
        <div id={errorId} data-testid={errorId} role="alert" class="act-error">
          <div class="act-error-message">{error.message}</div>
          {error.caret && (
            <pre class="act-error-caret" aria-hidden="true">
              {`${error.caret.text}\n${caretLine(error.caret.column)}`}
            </pre>
          )}
        </div>
      )}
    </div>
  );
}
