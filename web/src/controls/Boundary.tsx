/** Keeps one panel's failure inside that panel: the rest of the page goes on working. */
import { Component, type ComponentChildren } from 'preact';
import { t } from '../i18n/index.js';

interface BoundaryProps {
  /** Name of the panel, for the message. */
  name: string;
  children?: ComponentChildren;
}

export class Boundary extends Component<BoundaryProps, { error: string | null }> {
  override state = { error: null as string | null };

  static override getDerivedStateFromError(error: unknown): { error: string } {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown): void {
    console.warn(`actlab: the ${this.props.name} panel failed`, error);
  }

  override render() {
    if (this.state.error !== null) {
      return (
        <div class="panel-failed" role="status">
          <p>{t('common.panelFailed', { name: this.props.name })}</p>
          <button type="button" class="button subtle" onClick={() => this.setState({ error: null })}>
            {t('common.retry')}
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
