import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'preact/hooks';
import { t } from '../i18n/index.js';

/** `lhs = latex` typeset by KaTeX; the LaTeX source where KaTeX fails, a note where the formula is too long. */
export function Formula({ lhs, latex }: { lhs: string; latex: string | null }) {
  const html = useMemo(() => {
    if (latex === null) return null;
    // the words of piecewise definitions, in the page's language
    const words = latex.split('\\text{if }').join(`\\text{${t('activation.latex.if')} }`).split('\\text{otherwise}').join(`\\text{${t('activation.latex.otherwise')}}`);
    try {
      return katex.renderToString(`${lhs} = ${words}`, { displayMode: true, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore' });
    } catch {
      return null;
    }
  }, [lhs, latex, t('activation.latex.if')]);
  if (latex === null) {
    return (
      <p class="act-muted">
        {lhs}: {t('activation.panel.tooLarge')}
      </p>
    );
  }
  if (html === null) return <code class="act-formula">{`${lhs} = ${latex}`}</code>;
  return <div class="act-formula" dangerouslySetInnerHTML={{ __html: html }} />;
}
