import { useState } from 'preact/hooks';
import { CODE_LANGUAGES, type CodeLanguage } from '../../../src/expr/printCode.js';
import { t } from '../i18n/index.js';
import type { ActivationReport } from './report.js';
import { activationExportFile, FRAMEWORK_EXPORTS } from '../views/exportFormats.js';
import { download } from '../views/throttle.js';

/** The current activation as code (JavaScript, NumPy, PyTorch), function and derivative, with a copy button. */
export function CodeExport({ report }: { report: ActivationReport }) {
  const [lang, setLang] = useState<CodeLanguage>('javascript');
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const code = report.code?.[lang] ?? null;
  const copy = async () => {
    if (code === null) return;
    try {
      await navigator.clipboard.writeText(code);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied(null), 2000);
  };
  return (
    <section class="act-code-export" data-testid="export-code" aria-labelledby="act-code-heading">
      <h3 id="act-code-heading">{t('activation.code.heading')}</h3>
      <div class="act-code-bar">
        <label class="field-label" for="export-code-language">
          {t('activation.code.language')}
        </label>
        <select
          id="export-code-language"
          data-testid="export-code-language"
          value={lang}
          onChange={(e) => {
            setLang(e.currentTarget.value as CodeLanguage);
            setCopied(null);
          }}
        >
          {CODE_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`activation.code.${l}`)}
            </option>
          ))}
        </select>
        <button type="button" class="button subtle" data-testid="export-code-copy" onClick={() => void copy()} disabled={code === null}>
          {t('activation.code.copy')}
        </button>
        <span class="act-muted" aria-live="polite">
          {copied === 'ok' ? t('activation.code.copied') : copied === 'failed' ? t('activation.code.copyFailed') : ''}
        </span>
      </div>
      <div class="act-code-bar" data-testid="export-activation-frameworks">
        <span class="field-label">{t('activation.code.download')}</span>
        {FRAMEWORK_EXPORTS.map((f) => (
          <button
            key={f}
            type="button"
            class="button subtle"
            data-testid={`export-activation-${f}`}
            onClick={() => {
              try {
                const file = activationExportFile(report.key, f);
                download(new Blob([file.data as BlobPart], { type: file.type }), file.name);
                setExportError(null);
              } catch (e) {
                setExportError((e as Error).message);
              }
            }}
          >
            {t(`activation.code.${f}Module`)}
          </button>
        ))}
        {exportError && <span class="act-muted" role="status">{exportError}</span>}
      </div>
      <p class="act-muted">{t('activation.code.note')}</p>
      {code === null ? (
        <p class="act-muted">{t('activation.panel.tooLarge')}</p>
      ) : (
        <pre class="act-code" data-testid="export-code-text" tabIndex={0} aria-label={t(`activation.code.${lang}`)}>
          <code>{code}</code>
        </pre>
      )}
    </section>
  );
}
