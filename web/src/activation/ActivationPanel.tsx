import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Properties } from '../../../src/analysis/properties.js';
import { findSpec } from '../../../src/activations/registry.js';
import type { FrameworkNames } from '../../../src/activations/spec.js';
import { t } from '../i18n/index.js';
import { state } from '../state/store.js';
import './activation.css';
import { ActivationPicker } from './ActivationPicker.js';
import { CodeExport } from './CodeExport.js';
import { Formula } from './Formula.js';
import { FunctionChart } from './FunctionChart.js';
import { activationsInUse, formatValue, maxSlopeInterval, propertyRows } from './panelLogic.js';
import { resolveActivation } from '../../../src/activations/resolve.js';
import type { Interval } from '../../../src/analysis/properties.js';
import { activationName, pickerState } from './pickerLogic.js';
import type { ActivationReport } from './report.js';
import { activationService } from './service.js';

const EXPLORE = '__explore__';

/** How an activation in use is named in the chooser: the catalog name (with its parameters), or the expression. */
function optionLabel(text: string): string {
  const p = pickerState(text, true);
  if (p.mode === 'vector') return activationName(p.id, t);
  if (p.mode !== 'catalog') return text;
  const name = activationName(p.id, t);
  const colon = text.indexOf(':');
  return colon >= 0 ? `${name} (${text.slice(colon + 1)})` : name;
}

type Loaded<T> = { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; message: string; timeout?: boolean };

/** Report and properties of a codec text, from the activation worker (debounced; stale answers dropped). */
function useActivation(text: string): { report: Loaded<ActivationReport>; props: Loaded<Properties> } {
  const [report, setReport] = useState<Loaded<ActivationReport>>({ status: 'loading' });
  const [props, setProps] = useState<Loaded<Properties>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setReport({ status: 'loading' });
    setProps({ status: 'loading' });
    const timer = setTimeout(() => {
      const service = activationService('panel');
      void service.report(text).then((r) => {
        if (!live) return;
        setReport(r.ok ? { status: 'ok', value: r.value } : { status: 'error', message: r.message, timeout: r.timeout });
        if (!r.ok) return;
        void service.analyze(text).then((p) => {
          if (live) setProps(p.ok ? { status: 'ok', value: p.value } : { status: 'error', message: p.message, timeout: p.timeout });
        });
      });
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);
  return { report, props };
}

const FRAMEWORKS: ReadonlyArray<keyof FrameworkNames> = ['pytorch', 'keras', 'jax', 'tfjs', 'onnx'];
const FRAMEWORK_NAMES: Readonly<Record<keyof FrameworkNames, string>> = { pytorch: 'PyTorch', keras: 'Keras', jax: 'JAX', tfjs: 'TF.js', onnx: 'ONNX' };

/** Where max |f′| is attained, when that is an interval (ReLU: every x > 0); null otherwise or on failure. */
function slopeSetOf(text: string, p: Properties): Interval | null {
  if (p.maxAbsDerivative === null || p.maxAbsDerivativeAt === null || !p.definedEverywhere) return null;
  try {
    const a = resolveActivation(text);
    return maxSlopeInterval((x) => a.df(x), p.maxAbsDerivative, p.maxAbsDerivativeAt);
  } catch {
    return null;
  }
}

function PropertyTable({ props, text }: { props: Loaded<Properties>; text: string }) {
  if (props.status === 'loading') return <p class="act-muted">{t('activation.panel.analysing')}</p>;
  if (props.status === 'error') return <p class="act-muted">{props.timeout ? t('activation.panel.timeout') : t('activation.panel.error', { message: props.message })}</p>;
  const rows = propertyRows(props.value, t, slopeSetOf(text, props.value));
  return (
    <table class="act-props" data-testid="activation-properties">
      <thead>
        <tr>
          <th scope="col">{t('activation.panel.property')}</th>
          <th scope="col">{t('activation.panel.value')}</th>
          <th scope="col">{t('activation.panel.evidence')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-prop={r.key}>
            <th scope="row">{r.label}</th>
            <td>{r.value}</td>
            <td class={`act-evidence ${r.evidence ?? ''}`} data-evidence={r.evidence ?? ''} title={r.evidence ? t(`activation.evidence.${r.evidence}Tip`) : undefined}>
              {r.evidence ? t(`activation.evidence.${r.evidence}`) : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Frameworks({ id }: { id: string | null }) {
  const spec = id === null ? undefined : findSpec(id);
  if (!spec) return null;
  const names = FRAMEWORKS.filter((f) => spec.frameworks[f] !== undefined);
  const paper = spec.paper;
  return (
    <div>
      <h3>{t('activation.panel.frameworks')}</h3>
      {names.length === 0 ? (
        <p class="act-muted">{t('activation.panel.noFrameworks')}</p>
      ) : (
        <ul class="act-frameworks">
          {names.map((f) => (
            <li key={f}>
              {FRAMEWORK_NAMES[f]}: <code>{spec.frameworks[f]}</code>
            </li>
          ))}
        </ul>
      )}
      {paper && (
        <>
          <h3 style={{ marginTop: '8px' }}>{t('activation.panel.paper')}</h3>
          <p class="act-muted">
            {paper.authors} ({paper.year}). <cite>{paper.title}</cite>
            {paper.where ? `. ${paper.where}` : ''}
          </p>
        </>
      )}
    </div>
  );
}

function Details({ text }: { text: string }) {
  const { report, props } = useActivation(text);
  if (report.status === 'loading') return <p class="act-muted">{t('activation.panel.loading')}</p>;
  if (report.status === 'error') {
    return (
      <p class="act-muted" role="status">
        {report.timeout ? t('activation.panel.timeout') : t('activation.panel.error', { message: report.message })}
      </p>
    );
  }
  const r = report.value;
  const name = r.id === null ? r.name : activationName(r.id, t);
  return (
    <>
      <div class="act-title" data-testid="activation-panel-name">
        {name}
        {r.params.length > 0 && <code>{r.params.map((p) => `${p.name} = ${formatValue(p.value)}`).join(', ')}</code>}
      </div>
      <div>
        <h3>{t('activation.panel.formulas')}</h3>
        <div class="act-formulas" data-testid="activation-formulas">
          <Formula lhs="f(x)" latex={r.latex.f} />
          <Formula lhs="f'(x)" latex={r.latex.df} />
          <Formula lhs="f''(x)" latex={r.latex.d2f} />
        </div>
      </div>
      <div class="act-panel-body">
        <div>
          <h3>{t('activation.panel.plot')}</h3>
          <FunctionChart report={r} name={name} />
        </div>
        <div>
          <h3>{t('activation.panel.properties')}</h3>
          <PropertyTable props={props} text={text} />
          <div style={{ marginTop: '10px' }}>
            <Frameworks id={r.id} />
          </div>
        </div>
      </div>
      <CodeExport report={r} />
    </>
  );
}

/**
 * The activation panel: for an activation in use (or any other one chosen here) its formulas f, f', f''
 * (KaTeX), their plots (Vega), its analysed properties, its names in the frameworks, and its code.
 */
export function ActivationPanel() {
  const s = state.value;
  const inUse = useMemo(() => activationsInUse(s, t), [s.hidden, s.loss, s.outputActivation, s.compare, s.lang]);
  const [choice, setChoice] = useState<string>('');
  const [explore, setExplore] = useState('gelu');
  const current = choice === EXPLORE ? EXPLORE : inUse.some((u) => u.text === choice) ? choice : (inUse[0]?.text ?? EXPLORE);
  const text = current === EXPLORE ? explore : current;
  return (
    <section class="panel act-panel" data-testid="activation-panel" aria-labelledby="act-panel-heading">
      <h2 id="act-panel-heading" class="col-heading">
        {t('activation.panel.heading')}
      </h2>
      <div class="act-panel-head">
        <label>
          <span class="field-label">{t('activation.panel.choose')}</span>
          <select data-testid="activation-panel-choose" value={current} onChange={(e) => setChoice(e.currentTarget.value)}>
            {inUse.map((u) => (
              <option key={u.text} value={u.text}>
                {`${optionLabel(u.text)} — ${u.where}`}
              </option>
            ))}
            <option value={EXPLORE}>{t('activation.panel.explore')}</option>
          </select>
        </label>
        {current === EXPLORE && (
          <div class="act-panel-explore">
            <ActivationPicker id="panel-activation" label={t('activation.panel.exploreLabel')} value={explore} onChange={setExplore} />
          </div>
        )}
      </div>
      <Details text={text} />
    </section>
  );
}
